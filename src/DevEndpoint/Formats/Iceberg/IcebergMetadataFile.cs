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
    public static bool IsTableRoot(string root, TableStorage storage) =>
        storage.ListFiles(TableStorage.Combine(root, "metadata")).Select(f => TableStorage.Name(f.Path)).Any(n => Hints.Contains(n) || IsMetadataFile(n));

    /// <summary>The full path of the table's current metadata file.</summary>
    public static string Find(string root, TableStorage storage)
    {
        var folder = TableStorage.Combine(root, "metadata");
        var listed = storage.ListFiles(folder).Select(f => TableStorage.Name(f.Path)).ToList();
        if (listed.Count == 0)
        {
            throw IcebergErrors.NotATable(root);
        }

        var files = listed.Where(IsMetadataFile).ToList();
        var hint = Hints.FirstOrDefault(listed.Contains);
        var text = hint is null ? string.Empty : ReadText(storage, TableStorage.Combine(folder, hint)).Trim();
        if (text.Length > 0)
        {
            var named = files.Where(f => Stem(f) == text || (Version(f) is { } v && text == v.Major.ToString(CultureInfo.InvariantCulture) && v.Minor == 0 && IsWhole(f))).ToList();
            return named.Count > 0 ? TableStorage.Combine(folder, named[0]) : throw IcebergErrors.NoMetadataFile(root, hint!, text);
        }

        var newest = files.Where(f => Version(f) is not null).OrderBy(f => Version(f)!.Value).LastOrDefault();
        return newest is not null ? TableStorage.Combine(folder, newest) : throw IcebergErrors.NotATable(root);
    }

    /// <summary>Reads and parses a metadata file, gzip-compressed or not.</summary>
    public static IcebergMetadata Read(string path, TableStorage storage)
    {
        try
        {
            using var file = storage.OpenRead(path);
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

    private static string ReadText(TableStorage storage, string path)
    {
        using var reader = new StreamReader(storage.OpenRead(path));
        return reader.ReadToEnd();
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
