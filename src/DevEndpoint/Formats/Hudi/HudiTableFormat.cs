using System.Globalization;
using DevEndpoint.Formats.Parquet;

namespace DevEndpoint.Formats.Hudi;

/// <summary>
/// Apache Hudi (copy-on-write): a folder holding <c>.hoodie/</c> is a table root; the latest base file of each file
/// group as of the latest (or a chosen) completed instant are its live files, read as Parquet.
/// </summary>
internal sealed class HudiTableFormat : ITableFormat
{
    /// <summary>The table parameter that records the instant the catalog describes (as Hudi's Hive sync names it).</summary>
    public const string InstantParameter = "last_commit_time_sync";

    public string Classification => "hudi";

    public bool IsTableRoot(string folder, IReadOnlyCollection<string> entries, TableStorage storage) => entries.Contains(".hoodie/");

    public async Task<TableSnapshot> ReadSnapshotAsync(string root, TableStorage storage, SnapshotSelector at, CancellationToken cancellationToken)
    {
        var table = HudiTable.Open(root, storage);
        var instant = at.Version is { } version ? version.ToString(CultureInfo.InvariantCulture)
            : at.AsOf is { } asOf ? Instant(table, asOf)
            : null;
        var files = table.BaseFiles(instant);
        var columns = await table.ColumnsAsync(instant, cancellationToken);
        var latest = files.Count == 0 ? null : files.Max(f => f.Instant);
        var commit = instant is null ? table.Commits.LastOrDefault() : table.Commits.LastOrDefault(c => string.CompareOrdinal(c, instant) <= 0);
        return new TableSnapshot(
            root,
            commit is null ? -1 : long.Parse(commit, CultureInfo.InvariantCulture),
            commit is null ? null : Time(table, commit),
            columns,
            [],
            files.Select(f => new SnapshotFile(f.Path, new Dictionary<string, string?>(), f.Size)).ToList())
        {
            Properties = table.Properties,
            Storage = storage,
            LogFilesRead = latest is null ? [] : [latest],
        };
    }

    /// <summary>What Glue's crawler writes for a Hudi table, and the instant catalogued.</summary>
    public IReadOnlyDictionary<string, string> TableParameters(TableSnapshot snapshot)
    {
        var parameters = new Dictionary<string, string>
        {
            ["classification"] = "hudi",
            ["spark.sql.sources.provider"] = "hudi",
            ["EXTERNAL"] = "TRUE",
        };
        if (snapshot.Version >= 0)
        {
            parameters[InstantParameter] = snapshot.Version.ToString(CultureInfo.InvariantCulture);
        }

        return parameters;
    }

    public FormatReader Reader(TableSnapshot snapshot) => new LocalCopyReader(snapshot.Storage, new ParquetRowReader(snapshot.PhysicalNames));

    /// <summary>A time as an instant of the table's timeline (<c>yyyyMMddHHmmssSSS</c>, in UTC unless the table keeps local time).</summary>
    private static string Instant(HudiTable table, DateTimeOffset time) =>
        (IsLocal(table) ? time.ToLocalTime() : time.ToUniversalTime()).ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);

    /// <summary>When an instant was, from its time (14 or 17 digits).</summary>
    private static DateTimeOffset? Time(HudiTable table, string instant)
    {
        var format = instant.Length >= 17 ? "yyyyMMddHHmmssfff" : "yyyyMMddHHmmss";
        var style = IsLocal(table) ? DateTimeStyles.AssumeLocal : DateTimeStyles.AssumeUniversal;
        return DateTimeOffset.TryParseExact(instant[..Math.Min(instant.Length, 17)], format, CultureInfo.InvariantCulture, style, out var time) ? time : null;
    }

    private static bool IsLocal(HudiTable table) =>
        table.Properties.GetValueOrDefault("hoodie.table.timeline.timezone", "UTC").Equals("LOCAL", StringComparison.OrdinalIgnoreCase);
}
