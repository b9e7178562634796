using System.Text.Json;

namespace DevEndpoint.Formats.Delta;

/// <summary>
/// Replays a Delta table's log to one version: the newest complete checkpoint at or before it (classic, multi-part or
/// V2 with sidecars), then the commits after it, in order; adds minus removes (by path and deletion vector), the last
/// protocol and metadata. Older commits are not opened.
/// </summary>
internal sealed partial class DeltaLog
{
    private readonly string root;
    private readonly TableStorage storage;
    private readonly Dictionary<string, DeltaAdd> adds = new(StringComparer.Ordinal);
    private readonly List<string> read = [];
    private readonly Dictionary<string, DeltaTombstone> tombstones = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DeltaTransaction> transactions = new(StringComparer.Ordinal);
    private DeltaProtocol? protocol;
    private DeltaMetadata? metadata;
    private JsonElement? metadataAction;

    private DeltaLog(string root, TableStorage storage)
    {
        this.root = root;
        this.storage = storage;
    }

    /// <summary>The log folder of a table root.</summary>
    public static string Folder(string root) => TableStorage.Combine(root, "_delta_log");

    public static async Task<TableSnapshot> ReadAsync(string root, TableStorage storage, SnapshotSelector at, CancellationToken cancellationToken)
    {
        var (log, version, timestamp) = await ReplayAsync(root, storage, at, cancellationToken);
        return log.Snapshot(version, timestamp);
    }

    /// <summary>
    /// The latest version of the table as a writer needs it: the snapshot, and the log's own protocol, metadata and
    /// live files (their paths as the log writes them), which a commit builds on.
    /// </summary>
    public static async Task<DeltaTableState> ReadForWriteAsync(string root, CancellationToken cancellationToken)
    {
        var (log, version, timestamp) = await ReplayAsync(root, TableStorage.Local, SnapshotSelector.Latest, cancellationToken);
        var snapshot = log.Snapshot(version, timestamp);
        return new DeltaTableState(snapshot, log.protocol!, log.metadata!, log.adds.Values.OrderBy(a => a.Path, StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// The state of the table at <paramref name="version"/> as a checkpoint of it holds it: the protocol, the
    /// <c>metaData</c> action as the log holds it, the live files, the tombstones of removed files and the latest
    /// transaction of each application.
    /// </summary>
    public static async Task<DeltaCheckpointState> ReadForCheckpointAsync(string root, long version, CancellationToken cancellationToken)
    {
        var (log, _, _) = await ReplayAsync(root, TableStorage.Local, new SnapshotSelector(version), cancellationToken);
        return new DeltaCheckpointState(
            log.protocol ?? throw DeltaErrors.Missing(root, version, "protocol"),
            log.metadataAction ?? throw DeltaErrors.Missing(root, version, "metaData"),
            log.adds.Values.OrderBy(a => a.Path, StringComparer.Ordinal).ToList(),
            log.tombstones.Values.OrderBy(t => t.File.Path, StringComparer.Ordinal).ToList(),
            log.transactions.Values.OrderBy(t => t.AppId, StringComparer.Ordinal).ToList());
    }

    /// <summary>The log replayed to the version asked for, with that version and when it was committed.</summary>
    private static async Task<(DeltaLog Log, long Version, DateTimeOffset? Timestamp)> ReplayAsync(
        string root, TableStorage storage, SnapshotSelector at, CancellationToken cancellationToken)
    {
        root = storage.Root(root);
        var listing = DeltaLogListing.List(storage, Folder(root));
        var latest = listing.Latest ?? throw DeltaErrors.NoLog(root);
        var log = new DeltaLog(root, storage);
        var version = log.Version(listing, latest, at);
        var checkpoint = listing.Checkpoints.FirstOrDefault(c => c.Version <= version);
        var first = (checkpoint?.Version ?? -1) + 1;
        if (first <= version && !listing.Commits.ContainsKey(first) && checkpoint is null && listing.Commits.Count > 0 && listing.Commits.Keys.First() > first)
        {
            throw DeltaErrors.VersionGone(root, version, listing.Commits.Keys.First());
        }

        for (var v = first; v <= version; v++)
        {
            if (!listing.Commits.ContainsKey(v))
            {
                throw DeltaErrors.NotContiguous(root, listing.Commits.Keys.Where(k => k <= version));
            }
        }

        if (checkpoint is not null)
        {
            await log.ReadCheckpointAsync(checkpoint, cancellationToken);
        }

        for (var v = first; v <= version; v++)
        {
            log.ReadCommit(listing.Commits[v]);
        }

        return (log, version, listing.Commits.TryGetValue(version, out var commit) ? log.CommitTime(commit) : null);
    }

    /// <summary>The version asked for: the latest, a number in the log, or the newest committed at or before a time.</summary>
    private long Version(DeltaLogListing listing, long latest, SnapshotSelector at)
    {
        if (at.Version is { } version)
        {
            return version >= 0 && version <= latest ? version : throw DeltaErrors.NoSuchVersion(root, version, latest);
        }

        if (at.AsOf is not { } time)
        {
            return latest;
        }

        var times = listing.Commits.Select(c => (Version: c.Key, Time: CommitTime(c.Value))).ToList();
        if (times.Count == 0 || time < times[0].Time)
        {
            throw DeltaErrors.BeforeFirstCommit(root, time, times.Count == 0 ? DateTimeOffset.MinValue : times[0].Time);
        }

        if (time > times[^1].Time)
        {
            throw DeltaErrors.AfterLatestCommit(root, time, times[^1].Version, times[^1].Time);
        }

        return times.Last(t => t.Time <= time).Version;
    }

    /// <summary>
    /// When a commit was made, as the protocol defines it: its in-commit timestamp (<c>commitInfo.inCommitTimestamp</c>,
    /// which a table with the <c>inCommitTimestamp</c> feature writes in the commit's first action), else the commit
    /// file's modification time. <c>commitInfo.timestamp</c> is not used: the protocol leaves it informational, and Delta's
    /// own time travel (and the golden tables' stated answers) go by the file's time.
    /// </summary>
    private DateTimeOffset CommitTime(string path)
    {
        using (var reader = new StreamReader(storage.OpenRead(path)))
        {
            try
            {
                if (reader.ReadLine() is { } first && first.Contains("\"inCommitTimestamp\"", StringComparison.Ordinal))
                {
                    using var document = JsonDocument.Parse(first);
                    if (document.RootElement.TryGetProperty("commitInfo", out var info)
                        && info.TryGetProperty("inCommitTimestamp", out var ict) && ict.TryGetInt64(out var milliseconds))
                    {
                        return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
                    }
                }
            }
            catch (JsonException e)
            {
                throw DeltaErrors.BadLogFile(path, $"line 1: {e.Message.TrimEnd('.')}");
            }
        }

        return storage.LastModified(path);
    }

    private void ReadCommit(string path)
    {
        read.Add(path);
        var lineNumber = 0;
        using var reader = new StreamReader(storage.OpenRead(path));
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                Apply(document.RootElement, fromCheckpoint: false);
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw DeltaErrors.BadLogFile(path, $"line {lineNumber}: {e.Message.TrimEnd('.')}");
            }
        }
    }

    /// <summary>Applies one action of the log; a checkpoint's removes are tombstones of files its adds already leave out.</summary>
    private void Apply(JsonElement action, bool fromCheckpoint)
    {
        if (action.TryGetProperty("add", out var add) && add.ValueKind == JsonValueKind.Object)
        {
            var file = DeltaAdd.Parse(add);
            adds[file.Key] = file;
            tombstones.Remove(file.Key);
        }
        else if (action.TryGetProperty("remove", out var remove) && remove.ValueKind == JsonValueKind.Object)
        {
            var tombstone = DeltaTombstone.Parse(remove);
            tombstones[tombstone.File.Key] = tombstone;
            if (!fromCheckpoint)
            {
                adds.Remove(tombstone.File.Key);
            }
        }
        else if (action.TryGetProperty("metaData", out var meta) && meta.ValueKind == JsonValueKind.Object)
        {
            metadata = DeltaMetadata.Parse(meta);
            metadataAction = meta.Clone();
        }
        else if (action.TryGetProperty("txn", out var txn) && txn.ValueKind == JsonValueKind.Object)
        {
            var transaction = DeltaTransaction.Parse(txn);
            transactions[transaction.AppId] = transaction;
        }
        else if (action.TryGetProperty("protocol", out var proto) && proto.ValueKind == JsonValueKind.Object)
        {
            protocol = DeltaProtocol.Parse(proto);
        }
    }
}
