using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace DevEndpoint.Libraries.Internals;

/// <summary>
/// Reads a <c>.nupkg</c> (checked by <see cref="SafeZip"/>): its id and version from the <c>.nuspec</c>, and the one assembly
/// of its <c>lib/</c> folder that suits this runtime best (<c>netX.Y</c>, then <c>netcoreappX.Y</c>, then <c>netstandardX.Y</c>).
/// </summary>
internal static partial class NuGetPackage
{
    public sealed record Contents(string Id, string Version, string AssemblyName, byte[] Assembly);

    public static Contents Read(string path, LibraryOptions options)
    {
        using var zip = SafeZip.Open(path, options);
        var nuspec = zip.Entries.FirstOrDefault(e => !e.Name.Contains('/', StringComparison.Ordinal) && e.Name.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase));
        if (nuspec.Entry is null)
        {
            throw LibraryErrors.NotAPackage(zip.ArchiveName);
        }

        var (id, version) = ReadNuspec(zip.ArchiveName + "!" + nuspec.Name, zip.Read(nuspec.Entry));
        var libraries = zip.Entries
            .Select(e => (e.Entry, Parts: e.Name.Split('/')))
            .Where(e => e.Parts.Length == 3 && e.Parts[0] == "lib" && e.Parts[2].EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .GroupBy(e => e.Parts[1], StringComparer.OrdinalIgnoreCase)
            .ToList();
        var best = libraries.Where(g => Rank(g.Key) is not null).OrderByDescending(g => Rank(g.Key)).FirstOrDefault()
            ?? throw LibraryErrors.NoAssemblyForThisRuntime(zip.ArchiveName, libraries.Select(g => g.Key));
        var assemblies = best.ToList();
        if (assemblies.Count > 1)
        {
            throw LibraryErrors.SeveralAssemblies(zip.ArchiveName, $"lib/{best.Key}/", assemblies.Select(a => a.Parts[2]));
        }

        return new Contents(id, version, assemblies[0].Parts[2], zip.Read(assemblies[0].Entry));
    }

    private static (string Id, string Version) ReadNuspec(string displayPath, byte[] xml)
    {
        try
        {
            using var stream = new MemoryStream(xml);
            var metadata = XDocument.Load(stream).Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "metadata");
            var id = metadata?.Elements().FirstOrDefault(e => e.Name.LocalName == "id")?.Value;
            var version = metadata?.Elements().FirstOrDefault(e => e.Name.LocalName == "version")?.Value;
            return id is null || version is null
                ? throw LibraryErrors.BadManifest(displayPath, "it gives no package id and version (<metadata><id>, <version>).")
                : (id, version);
        }
        catch (XmlException e)
        {
            throw LibraryErrors.BadManifest(displayPath, $"not valid XML ({e.Message})");
        }
    }

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
