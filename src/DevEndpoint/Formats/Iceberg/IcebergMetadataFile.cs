using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DevEndpoint.Formats.Iceberg;

/// <summary>
/// Finds a table's current metadata file in <c>metadata/</c>: the one <c>version-hint.text</c> (or Impala's
/// <c>version-hint.txt</c>) names, by number or by file stem, else the newest by version. Names are <c>vN.metadata.json</c>,
/// <c>NNNNN-&lt;uuid&gt;.metadata.json</c>, gzip <c>*.gz.metadata.json</c> or <c>*.metadata.json.gz</c>; Hadoop's <c>.crc</c> files are ignored.
/// </summary>
internal static partial class IcebergMetadataFile
{
    private static readonly string[] Hints = ["version-hint.text", "version-hint.txt"];

    /// <summary>Whether <paramref name="root"/> looks like an Iceberg table's root: a metadata folder with a metadata file or a version hint.</summary>
    public static bool IsTableRoot(string root)
    {
        var metadata = Path.Combine(root, "metadata");
        return Directory.Exists(metadata)
            && (Hints.Any(h => File.Exists(Path.Combine(metadata, h))) || Directory.EnumerateFiles(metadata).Any(f => IsMetadataFile(Path.GetFileName(f))));
    }

    /// <summary>The full path of the table's current metadata file.</summary>
    public static string Find(string root)
    {
        var folder = Path.Combine(root, "metadata");
        if (!Directory.Exists(folder))
        {
            throw IcebergErrors.NotATable(root);
        }

        var files = Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>().Where(IsMetadataFile).ToList();
        var hint = Hints.Select(h => Path.Combine(folder, h)).FirstOrDefault(File.Exists);
        var text = hint is null ? string.Empty : File.ReadAllText(hint).Trim();
        if (text.Length > 0)
        {
            var named = files.Where(f => Stem(f) == text || (Version(f) is { } v && text == v.Major.ToString(CultureInfo.InvariantCulture) && v.Minor == 0 && IsWhole(f))).ToList();
            return named.Count > 0 ? Path.Combine(folder, named[0]) : throw IcebergErrors.NoMetadataFile(root, Path.GetFileName(hint)!, text);
        }

        var newest = files.Where(f => Version(f) is not null).OrderBy(f => Version(f)!.Value).LastOrDefault();
        return newest is not null ? Path.Combine(folder, newest) : throw IcebergErrors.NotATable(root);
    }

    /// <summary>Reads and parses a metadata file, gzip-compressed or not.</summary>
    public static IcebergMetadata Read(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            var magic = new byte[2];
            var gzip = file.Read(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
            file.Position = 0;
            using Stream text = gzip ? new GZipStream(file, CompressionMode.Decompress) : file;
            using var document = JsonDocument.Parse(text);
            return IcebergMetadata.Parse(path, document.RootElement);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or InvalidDataException or FormatException)
        {
            throw IcebergErrors.Malformed(path, e switch
            {
                KeyNotFoundException => "a required field is missing",
                JsonException json => $"it is not valid JSON at line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}",
                _ => e.Message.Split(". ")[0].TrimEnd('.'),
            });
        }
    }

    private static bool IsMetadataFile(string name) =>
        name.EndsWith(".metadata.json", StringComparison.Ordinal) || name.EndsWith(".metadata.json.gz", StringComparison.Ordinal);

    /// <summary>The name without <c>.metadata.json</c> (and a <c>.gz</c> before or after it).</summary>
    private static string Stem(string name)
    {
        var stem = name.EndsWith(".gz", StringComparison.Ordinal) ? name[..^3] : name;
        stem = stem[..^".metadata.json".Length];
        return stem.EndsWith(".gz", StringComparison.Ordinal) ? stem[..^3] : stem;
    }

    /// <summary>Whether the version is a plain one (<c>v3</c>), not a hand-edited one (<c>v3.1</c>).</summary>
    private static bool IsWhole(string name) => !Stem(name).Contains('.', StringComparison.Ordinal);

    private static (int Major, int Minor)? Version(string name)
    {
        var match = VersionPattern().Match(Stem(name));
        return match.Success
            ? (int.Parse(match.Groups["major"].Value, CultureInfo.InvariantCulture),
                match.Groups["minor"].Success ? int.Parse(match.Groups["minor"].Value, CultureInfo.InvariantCulture) : 0)
            : null;
    }

    [GeneratedRegex(@"^(?:v(?<major>\d+)(?:\.(?<minor>\d+))?|(?<major>\d+)-[0-9a-fA-F-]+)$")]
    private static partial Regex VersionPattern();
}
