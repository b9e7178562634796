using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace DevEndpoint.Libraries.Internals;

/// <summary>
/// Reads a <c>.nupkg</c> (checked by <see cref="SafeZip"/>): its id and version from the <c>.nuspec</c>, and the assemblies
/// of its <c>lib/</c> folder that suits this runtime best (<c>netX.Y</c>, then <c>netcoreappX.Y</c>, then <c>netstandardX.Y</c>):
/// the one named after the package first (else the first by name), then the others,
/// and the packages it depends on for this runtime (the nuspec's dependency group that suits it best, by the same rule).
/// </summary>
internal static partial class NuGetPackage
{
    public sealed record Contents(string Id, string Version, IReadOnlyList<(string Name, byte[] Bytes)> Assemblies, IReadOnlyList<PackageRequest> Dependencies);

    public static Contents Read(string path, LibraryOptions options)
    {
        using var zip = SafeZip.Open(path, options);
        var nuspec = zip.Entries.FirstOrDefault(e => !e.Name.Contains('/', StringComparison.Ordinal) && e.Name.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase));
        if (nuspec.Entry is null)
        {
            throw LibraryErrors.NotAPackage(zip.ArchiveName);
        }

        var (id, version, dependencies) = ReadNuspec(zip.ArchiveName + "!" + nuspec.Name, zip.Read(nuspec.Entry));
        var libraries = zip.Entries
            .Select(e => (e.Entry, Parts: e.Name.Split('/')))
            .Where(e => e.Parts.Length == 3 && e.Parts[0] == "lib" && e.Parts[2].EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .GroupBy(e => e.Parts[1], StringComparer.OrdinalIgnoreCase)
            .ToList();
        var best = libraries.Where(g => Rank(g.Key) is not null).OrderByDescending(g => Rank(g.Key)).FirstOrDefault()
            ?? throw LibraryErrors.NoAssemblyForThisRuntime(zip.ArchiveName, libraries.Select(g => g.Key));
        var assemblies = best
            .OrderBy(a => string.Equals(a.Parts[2], id + ".dll", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(a => a.Parts[2], StringComparer.OrdinalIgnoreCase)
            .Select(a => (a.Parts[2], zip.Read(a.Entry)))
            .ToList();
        return new Contents(id, version, assemblies, dependencies);
    }

    private static (string Id, string Version, IReadOnlyList<PackageRequest> Dependencies) ReadNuspec(string displayPath, byte[] xml)
    {
        XElement? metadata;
        try
        {
            using var stream = new MemoryStream(xml);
            metadata = XDocument.Load(stream).Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "metadata");
        }
        catch (XmlException e)
        {
            throw LibraryErrors.BadManifest(displayPath, $"not valid XML ({e.Message})");
        }

        var id = Child(metadata, "id")?.Value;
        var version = Child(metadata, "version")?.Value;
        if (id is null || version is null)
        {
            throw LibraryErrors.BadManifest(displayPath, "it gives no package id and version (<metadata><id>, <version>).");
        }

        var dependencies = new List<PackageRequest>();
        foreach (var dependency in Dependencies(Child(metadata, "dependencies")))
        {
            var request = new PackageRequest(dependency.Attribute("id")?.Value ?? string.Empty, dependency.Attribute("version")?.Value ?? "0.0.0");
            dependencies.Add(request.IsValid ? request : throw LibraryErrors.BadDependency(displayPath, request.Id, request.Version));
        }

        return (id, version, dependencies);
    }

    /// <summary>
    /// The <c>&lt;dependency&gt;</c> elements for this runtime: those of the <c>&lt;group&gt;</c> whose framework suits it best, or, in a
    /// nuspec without groups, all of them.
    /// </summary>
    private static IEnumerable<XElement> Dependencies(XElement? dependencies)
    {
        var groups = dependencies?.Elements().Where(e => e.Name.LocalName == "group").ToList() ?? [];
        if (groups.Count == 0)
        {
            return dependencies?.Elements().Where(e => e.Name.LocalName == "dependency") ?? [];
        }

        var best = groups
            .Select(g => (Group: g, Rank: g.Attribute("targetFramework")?.Value is { } framework ? Rank(NuspecFramework(framework)) : (0, new Version(0, 0))))
            .Where(g => g.Rank is not null)
            .OrderByDescending(g => g.Rank)
            .FirstOrDefault();
        return best.Group?.Elements().Where(e => e.Name.LocalName == "dependency") ?? [];
    }

    /// <summary>A nuspec group's framework as a <c>lib/</c> folder names it: <c>.NETStandard2.0</c> is <c>netstandard2.0</c>, <c>.NETCoreApp3.1</c> <c>netcoreapp3.1</c>.</summary>
    private static string NuspecFramework(string framework) =>
        framework.StartsWith('.') ? framework[1..].ToLowerInvariant() : framework.ToLowerInvariant();

    private static XElement? Child(XElement? parent, string name) => parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    /// <summary>How well a <c>lib/</c> folder's framework suits .NET 10: higher is better; null when it does not.</summary>
    private static (int Family, Version Version)? Rank(string framework)
    {
        var match = FrameworkPattern().Match(framework);
        if (!match.Success)
        {
            return null;
        }

        var version = new Version(int.Parse(match.Groups["major"].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups["minor"].Value, System.Globalization.CultureInfo.InvariantCulture));
        return match.Groups["family"].Value switch
        {
            "net" when version.Major >= 5 && version <= Environment.Version => (3, version),
            "netcoreapp" => (2, version),
            "netstandard" when version <= new Version(2, 1) => (1, version),
            _ => null,
        };
    }

    [GeneratedRegex(@"^(?<family>net|netcoreapp|netstandard)(?<major>\d+)\.(?<minor>\d+)$", RegexOptions.IgnoreCase)]
    private static partial Regex FrameworkPattern();
}
