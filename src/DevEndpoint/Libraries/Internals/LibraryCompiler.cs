using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using DevEndpoint.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Libraries.Internals;

/// <summary>Compiles a library's sources with Roslyn into an assembly that references the .NET runtime, the DevEndpoint core and Microsoft.Data.Analysis.</summary>
internal static class LibraryCompiler
{
    /// <summary>Compile errors shown at most; the count of the rest follows.</summary>
    private const int MaxErrorsShown = 20;

    private static readonly Lazy<IReadOnlyList<string>> ReferencePaths = new(LoadReferencePaths);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References =
        new(() => [.. ReferencePaths.Value.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))]);

    private static readonly Lazy<IReadOnlyDictionary<string, Version>> Host = new(() =>
        ReferencePaths.Value.Select(AssemblyName.GetAssemblyName).GroupBy(n => n.Name!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Max(n => n.Version!)!, StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// The assemblies every library compiles against and every C# session has (the .NET runtime's, the DevEndpoint core,
    /// Microsoft.Data.Analysis and what they reference), by name, with their versions.
    /// </summary>
    public static IReadOnlyDictionary<string, Version> HostAssemblies => Host.Value;

    /// <summary>
    /// The file of a loaded assembly named as <see cref="LibraryDependency.LoadedInstead"/> names it (<c>name version</c>),
    /// when it is not one of the runtime's (which every C# session references already); otherwise null.
    /// </summary>
    public static string? LoadedPath(string loadedInstead)
    {
        var name = loadedInstead[..loadedInstead.LastIndexOf(' ')];
        var runtimeFolder = RuntimeEnvironment.GetRuntimeDirectory();
        return ReferencePaths.Value.FirstOrDefault(p =>
            !p.StartsWith(runtimeFolder, StringComparison.Ordinal)
            && string.Equals(Path.GetFileNameWithoutExtension(p), name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Compiles <paramref name="sources"/> into the assembly <paramref name="name"/>, written to <paramref name="outputPath"/>,
    /// against the host's assemblies and <paramref name="dependencies"/>.
    /// </summary>
    public static void Compile(string displayName, string name, IReadOnlyList<SourceFile> sources, IEnumerable<string> dependencies, string outputPath)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s.Content, s.Content.Length, canBeEmbedded: true), parseOptions, s.DisplayPath));
        var options = new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: OptimizationLevel.Release,
                nullableContextOptions: NullableContextOptions.Enable,
                deterministic: true)
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
            {
                // Compiling against the runtime's own assemblies, not reference assemblies: version unification is expected.
                ["CS1701"] = ReportDiagnostic.Suppress,
                ["CS1702"] = ReportDiagnostic.Suppress,
            });
        var compilation = CSharpCompilation.Create(name, trees, References.Value.AddRange(dependencies.Select(p => MetadataReference.CreateFromFile(p))), options);

        using var assembly = new MemoryStream();
        var result = compilation.Emit(assembly);
        if (!result.Success)
        {
            var errors = result.Diagnostics
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceSpan.Start)
                .Select(d => CSharpDiagnosticFormatter.Instance.Format(d, CultureInfo.InvariantCulture))
                .ToList();
            throw new LibraryCompilationException(displayName, errors.Take(MaxErrorsShown).ToList(), errors.Count);
        }

        AtomicFile.Write(outputPath, assembly.ToArray());
    }

    /// <summary>The runtime's assemblies, and the DevEndpoint core and Microsoft.Data.Analysis with everything they reference.</summary>
    private static IReadOnlyList<string> LoadReferencePaths()
    {
        var runtimeFolder = RuntimeEnvironment.GetRuntimeDirectory();
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        var trusted = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
        paths.UnionWith(trusted.Split(Path.PathSeparator).Where(p => p.StartsWith(runtimeFolder, StringComparison.Ordinal)));

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([typeof(DataCatalog).Assembly, typeof(DataFrame).Assembly]);
        while (pending.TryPop(out var assembly))
        {
            if (string.IsNullOrEmpty(assembly.Location) || !seen.Add(assembly.GetName().Name!))
            {
                continue;
            }

            paths.Add(assembly.Location);
            var context = AssemblyLoadContext.GetLoadContext(assembly) ?? AssemblyLoadContext.Default;
            foreach (var reference in assembly.GetReferencedAssemblies().Where(r => !seen.Contains(r.Name!)))
            {
                try
                {
                    pending.Push(context.LoadFromAssemblyName(reference));
                }
                catch (FileNotFoundException)
                {
                    // Referenced but not deployed (an optional dependency): code that needs it does not compile, and says so.
                }
            }
        }

        return [.. paths];
    }
}
