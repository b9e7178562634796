using System.Text.Json;
using DevEndpoint.Catalog;
using DevEndpoint.Formats.Parquet;
using Parquet;
using Parquet.Serialization;

namespace DevEndpoint.Formats.Hudi;

/// <summary>
/// An Apache Hudi copy-on-write table read from its root folder (the one holding <c>.hoodie/</c>): its timeline of
/// completed instants, and as of the latest (or a given) one, the latest base file of each file group. A base file is
/// named <c>&lt;fileId&gt;_&lt;writeToken&gt;_&lt;instant&gt;.parquet</c>; one written by an instant that never completed
/// (inflight, rolled back) is not part of the table, nor is a file group a completed <c>replacecommit</c> replaced
/// (clustering, insert overwrite). Instants older than the active timeline (archived) count as completed. Merge-on-read
/// tables are refused by name.
/// </summary>
internal sealed class HudiTable
{
    private static readonly string[] CompletedActions = ["commit", "replacecommit"];

    private readonly List<Instant> completed;

    private readonly TableStorage storage;

    private HudiTable(string root, TableStorage storage, IReadOnlyDictionary<string, string> properties, List<Instant> completed, IReadOnlyList<string> activeTimeline)
    {
        Root = root;
        this.storage = storage;
        Properties = properties;
        this.completed = completed;
        ActiveTimeline = activeTimeline;
    }

    public string Root { get; }

    /// <summary>The table's <c>hoodie.properties</c>.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; }

    /// <summary>The completed commit instants (<c>commit</c> and <c>replacecommit</c>), oldest first.</summary>
    public IReadOnlyList<string> Commits => completed.Select(i => i.Time).ToList();

    /// <summary>Every instant time on the active timeline, of any action and state (to tell archived instants from failed ones).</summary>
    private IReadOnlyList<string> ActiveTimeline { get; }

    private sealed record Instant(string Time, string Action, string Path);

    /// <summary>A latest base file: its file group (partition path and file id), the instant that wrote it, and where it is.</summary>
    internal sealed record BaseFile(string Partition, string FileId, string Instant, string Path, long Size);

    public static bool IsTableRoot(string folder) => File.Exists(System.IO.Path.Combine(folder, ".hoodie", "hoodie.properties"));

    /// <summary>Opens the table at <paramref name="root"/>, on a local disk unless <paramref name="storage"/> says.</summary>
    public static HudiTable Open(string root, TableStorage? storage = null)
    {
        storage ??= TableStorage.Local;
        root = storage.Root(root);
        var hoodie = TableStorage.Combine(root, ".hoodie");
        var propertiesFile = TableStorage.Combine(hoodie, "hoodie.properties");
        if (!storage.Exists(propertiesFile))
        {
            throw HudiErrors.NotATable(root);
        }

        var properties = ReadProperties(storage, propertiesFile);
        if (properties.GetValueOrDefault("hoodie.table.type", "COPY_ON_WRITE").Equals("MERGE_ON_READ", StringComparison.OrdinalIgnoreCase))
        {
            throw HudiErrors.MergeOnRead(root);
        }

        if (properties.GetValueOrDefault("hoodie.table.base.file.format", "PARQUET") is var format && !format.Equals("PARQUET", StringComparison.OrdinalIgnoreCase))
        {
            throw HudiErrors.UnsupportedBaseFormat(root, format);
        }

        // Hudi 1.x keeps the timeline in .hoodie/timeline/ and names a completed instant <requested>_<completed>.<action>.
        var folders = new[] { hoodie, TableStorage.Combine(hoodie, "timeline") };
        var names = folders.SelectMany(storage.ListFiles).Select(f => (f.Path, Name: TableStorage.Name(f.Path))).ToList();
        var active = names.Select(n => n.Name.Split('.')[0].Split('_')[0]).Where(IsInstantTime).Distinct().Order(StringComparer.Ordinal).ToList();
        var completed = names
            .Select(n => (n.Path, Parts: n.Name.Split('.')))
            .Where(n => n.Parts.Length == 2 && CompletedActions.Contains(n.Parts[1]) && IsInstantTime(n.Parts[0].Split('_')[0]))
            .Select(n => new Instant(n.Parts[0].Split('_')[0], n.Parts[1], n.Path))
            .OrderBy(i => i.Time, StringComparer.Ordinal)
            .ToList();
        return new HudiTable(root, storage, properties, completed, active);
    }

    /// <summary>The latest base file of every file group as of <paramref name="asOf"/> (an instant time such as <c>20240101120000000</c>), or the latest completed instant.</summary>
    public IReadOnlyList<BaseFile> BaseFiles(string? asOf = null)
    {
        var visible = asOf is null ? completed : completed.Where(i => string.CompareOrdinal(i.Time, asOf) <= 0).ToList();
        if (asOf is not null && visible.Count == 0)
        {
            throw HudiErrors.NoInstant(Root, asOf, completed.FirstOrDefault()?.Time);
        }

        if (visible.Count == 0)
        {
            return [];
        }

        var latest = visible[^1].Time;
        var committed = visible.Select(i => i.Time).ToHashSet(StringComparer.Ordinal);
        var firstActive = ActiveTimeline.Count > 0 ? ActiveTimeline[0] : latest;
        var replaced = visible.Where(i => i.Action == "replacecommit").SelectMany(ReplacedFileGroups).ToHashSet();
        return storage.ListTree(Root)
            .Where(f => f.Path.EndsWith(".parquet", StringComparison.Ordinal) && !TableStorage.Relative(Root, f.Path).Split('/').Any(s => s.StartsWith('.')))
            .Select(f => Parse(f))
            .OfType<BaseFile>()
            .Where(f => string.CompareOrdinal(f.Instant, latest) <= 0 && (committed.Contains(f.Instant) || string.CompareOrdinal(f.Instant, firstActive) < 0))
            .GroupBy(f => (f.Partition, f.FileId))
            .Where(g => !replaced.Contains(g.Key))
            .Select(g => g.MaxBy(f => f.Instant, StringComparer.Ordinal)!)
            .OrderBy(f => f.Partition, StringComparer.Ordinal)
            .ThenBy(f => f.FileId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The catalog columns: those of the newest base file (Hudi's <c>_hoodie_*</c> meta columns first, as Spark shows them).</summary>
    public async Task<IReadOnlyList<Column>> ColumnsAsync(string? asOf, CancellationToken cancellationToken)
    {
        var newest = BaseFiles(asOf).MaxBy(f => f.Instant, StringComparer.Ordinal);
        if (newest is null)
        {
            return [];
        }

        await using var reader = await ParquetReader.CreateAsync(storage.OpenRead(newest.Path), ParquetSchemaReader.Options, leaveStreamOpen: false, cancellationToken);
        return reader.Schema.Fields.Select(f => new Column(ColumnNames.Clean(f.Name), ParquetSchemaReader.HiveType(f))).ToList();
    }

    /// <summary>Reads the rows of the table as of an instant (the latest when <c>null</c>), each as its values by column name.</summary>
    public async Task ReadAsync(string? asOf, Action<IReadOnlyDictionary<string, object?>> row, CancellationToken cancellationToken)
    {
        foreach (var file in BaseFiles(asOf))
        {
            await using var stream = storage.OpenRead(file.Path);
            var records = await ParquetSerializer.DeserializeUntypedAsync(stream, ParquetSchemaReader.Options, cancellationToken: cancellationToken);
            foreach (var record in records.Data)
            {
                row(record.ToDictionary(p => ColumnNames.Clean(p.Key), p => (object?)p.Value));
            }
        }
    }

    /// <summary>A base file's file group and instant from its name, <c>&lt;fileId&gt;_&lt;writeToken&gt;_&lt;instant&gt;.parquet</c>; <c>null</c> for any other file.</summary>
    private BaseFile? Parse(StoredFile file)
    {
        var parts = System.IO.Path.GetFileNameWithoutExtension(TableStorage.Name(file.Path)).Split('_');
        if (parts.Length < 3 || !IsInstantTime(parts[^1]))
        {
            return null;
        }

        var relative = TableStorage.Relative(Root, file.Path);
        var partition = relative.LastIndexOf('/') is var slash and >= 0 ? relative[..slash] : string.Empty;
        return new BaseFile(partition, string.Join('_', parts[..^2]), parts[^1], file.Path, file.Size);
    }

    /// <summary>The file groups a replacecommit replaced: its <c>partitionToReplaceFileIds</c>.</summary>
    private IEnumerable<(string Partition, string FileId)> ReplacedFileGroups(Instant instant)
    {
        try
        {
            using var document = JsonDocument.Parse(storage.OpenRead(instant.Path));
            if (!document.RootElement.TryGetProperty("partitionToReplaceFileIds", out var replaced))
            {
                return [];
            }

            return replaced.EnumerateObject()
                .SelectMany(p => p.Value.EnumerateArray().Select(id => (p.Name, id.GetString() ?? string.Empty)))
                .ToList();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw HudiErrors.BadCommit(instant.Path, e.Message);
        }
    }

    private static bool IsInstantTime(string text) => text.Length >= 14 && text.All(char.IsAsciiDigit);

    /// <summary>A Java properties file's <c>key=value</c> lines (comments and blank lines skipped, <c>\:</c> and <c>\=</c> unescaped).</summary>
    private static Dictionary<string, string> ReadProperties(TableStorage storage, string path)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = new StreamReader(storage.OpenRead(path));
        var lines = reader.ReadToEnd().Split('\n');
        foreach (var line in lines.Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] is not ('#' or '!')))
        {
            var split = line.IndexOfAny(['=', ':']);
            while (split > 0 && line[split - 1] == '\\')
            {
                split = line.IndexOfAny(['=', ':'], split + 1);
            }

            if (split > 0)
            {
                properties[Unescape(line[..split].Trim())] = Unescape(line[(split + 1)..].Trim());
            }
        }

        return properties;
    }

    private static string Unescape(string text) => text.Replace("\\:", ":", StringComparison.Ordinal).Replace("\\=", "=", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
}
