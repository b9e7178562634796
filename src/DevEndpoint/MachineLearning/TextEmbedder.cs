using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace DevEndpoint.MachineLearning;

/// <summary>
/// A sentence-embedding model that turns short texts into unit vectors whose cosine is their closeness in meaning. The
/// core has none: the package DevEndpoint.Embeddings brings one (a local MiniLM model, 167 MB, nothing downloaded at run
/// time) and is found on first use, so that only those who ask for semantic blocking restore it.
/// </summary>
internal abstract class TextEmbedder
{
    /// <summary>The assembly that holds the provider.</summary>
    public const string AssemblyName = "DevEndpoint.Embeddings";

    /// <summary>The provider type inside it (it has a public constructor without parameters).</summary>
    public const string TypeName = "DevEndpoint.Embeddings.MiniLMEmbedder";

    /// <summary>How many texts go to the model at once.</summary>
    private const int Batch = 64;

    private static readonly Lock Finding = new();

    private static TextEmbedder? provider;

    private readonly Dictionary<string, float[]> cache = new(StringComparer.Ordinal);

    /// <summary>The length of every vector.</summary>
    public abstract int Dimensions { get; }

    /// <summary>The unit vector of each text, in order.</summary>
    public abstract float[][] Encode(IReadOnlyList<string> texts);

    /// <summary>
    /// The unit vector of each text, in order: each distinct text is encoded once, in batches, and kept for later calls
    /// (a notebook that blocks the same table again does not wait for the model twice).
    /// </summary>
    public float[][] Embed(IReadOnlyList<string> texts)
    {
        lock (cache)
        {
            var missing = texts.Distinct(StringComparer.Ordinal).Where(t => !cache.ContainsKey(t)).ToList();
            foreach (var chunk in missing.Chunk(Batch))
            {
                var vectors = Encode(chunk);
                for (var i = 0; i < chunk.Length; i++)
                {
                    cache[chunk[i]] = vectors[i];
                }
            }

            return texts.Select(t => cache[t]).ToArray();
        }
    }

    /// <summary>
    /// The provider when its assembly is present (loaded already, resolvable by name or beside the core's), else null. A
    /// provider found is kept for the process; a miss is not, so a notebook that adds the package later finds it then.
    /// </summary>
    public static TextEmbedder? Find()
    {
        lock (Finding)
        {
            return provider ??= Load(AssemblyName);
        }
    }

    /// <summary>The provider; a <see cref="DevEndpointException"/> saying how to add it when its assembly is not there.</summary>
    public static TextEmbedder Require() => Find() ?? throw MLErrors.NoEmbeddings();

    /// <summary>
    /// Finds and creates the provider of the named assembly, or null when there is no such assembly, or when the process
    /// is compiled ahead of time (the devendpoint command), which loads no assembly at run time.
    /// </summary>
    internal static TextEmbedder? Load(string assemblyName) => RuntimeFeature.IsDynamicCodeSupported ? LoadProvider(assemblyName) : null;

    // The provider's assembly is loaded whole from its own file, never trimmed: its type and constructor are there. A
    // core without a file location (single-file) looks beside the application instead.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The provider assembly is loaded from its own file, untrimmed.")]
    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "The provider type comes from an untrimmed assembly, its constructor kept.")]
    private static TextEmbedder? LoadProvider(string assemblyName)
    {
        var assembly = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => string.Equals(a.GetName().Name, assemblyName, StringComparison.Ordinal))
            ?? TryLoad(assemblyName);
        return assembly?.GetType(TypeName) is { } type && typeof(TextEmbedder).IsAssignableFrom(type)
            ? (TextEmbedder)Activator.CreateInstance(type)!
            : null;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The provider assembly is loaded from its own file, untrimmed.")]
    [UnconditionalSuppressMessage("SingleFile", "IL3000", Justification = "An empty location falls back to the application's folder.")]
    private static Assembly? TryLoad(string assemblyName)
    {
        try
        {
            return Assembly.Load(new AssemblyName(assemblyName));
        }
        catch (FileNotFoundException)
        {
            var beside = Path.Combine(AppContext.BaseDirectory, $"{assemblyName}.dll");
            var core = typeof(TextEmbedder).Assembly;
            var folder = string.IsNullOrEmpty(core.Location) ? null : Path.GetDirectoryName(core.Location);
            var path = folder is null ? beside : Path.Combine(folder, $"{assemblyName}.dll");
            return File.Exists(path) ? (AssemblyLoadContext.GetLoadContext(core) ?? AssemblyLoadContext.Default).LoadFromAssemblyPath(path) : null;
        }
    }
}
