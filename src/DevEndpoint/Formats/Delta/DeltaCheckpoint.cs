using System.Globalization;
using System.Text.Json;
using Parquet.Serialization;

namespace DevEndpoint.Formats.Delta;

/// <summary>
/// Writes a classic Parquet checkpoint of a Delta table (<c>_delta_log/NNN.checkpoint.parquet</c>) every
/// <c>delta.checkpointInterval</c> commits (default 10, as Delta's), and points <c>_last_checkpoint</c> at it, so that
/// readers replay the checkpoint and the commits after it instead of the whole log. The checkpoint is written aside and
/// moved in without replacing one another writer made first; a failure to checkpoint never undoes the commit.
/// </summary>
internal static class DeltaCheckpoint
{
    /// <summary>Delta's default of <c>delta.checkpointInterval</c>.</summary>
    public const int DefaultInterval = 10;

    /// <summary>The file that names the latest checkpoint.</summary>
    public const string LastCheckpointFile = "_last_checkpoint";

    /// <summary>The checkpoint interval a table's configuration sets, or the default.</summary>
    public static int Interval(IReadOnlyDictionary<string, string?> configuration) =>
        configuration.TryGetValue("delta.checkpointInterval", out var text)
            && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var interval) && interval > 0
            ? interval
            : DefaultInterval;

    /// <summary>Whether a commit of <paramref name="version"/> is followed by a checkpoint.</summary>
    public static bool IsDue(long version, int interval) => version > 0 && version % interval == 0;

    /// <summary>The checkpoint file of a version.</summary>
    public static string FileName(long version) => version.ToString("D20", CultureInfo.InvariantCulture) + ".checkpoint.parquet";

    /// <summary>
    /// Writes the checkpoint of <paramref name="version"/> when one is due; returns a warning when it could not be
    /// written (the commit stands: readers replay from the previous checkpoint), else <c>null</c>.
    /// </summary>
    public static async Task<string?> TryWriteAsync(string root, long version, int interval, CancellationToken cancellationToken)
    {
        if (!IsDue(version, interval))
        {
            return null;
        }

        try
        {
            await WriteAsync(root, version, cancellationToken);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Warning(root, version, interval, e.Message);
        }
    }

    /// <summary>The warning of a checkpoint that could not be written.</summary>
    public static string Warning(string root, long version, int interval, string reason) =>
        $"Delta table {root}: version {version} is committed, but its checkpoint could not be written ({reason.TrimEnd('.')}). "
        + $"The commit stands and the table reads as before (from the previous checkpoint and the commits after it); the next checkpoint is written at version {version + interval}.";

    /// <summary>Writes the checkpoint of <paramref name="version"/> (kept when another writer made it first) and <c>_last_checkpoint</c>.</summary>
    public static async Task WriteAsync(string root, long version, CancellationToken cancellationToken)
    {
        var state = await DeltaLog.ReadForCheckpointAsync(root, version, cancellationToken);
        var rows = DeltaCheckpointRow.Of(state);
        var folder = DeltaLog.Folder(root);
        var path = Path.Combine(folder, FileName(version));
        var aside = Path.Combine(folder, $".{FileName(version)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = File.Create(aside))
            {
                await ParquetSerializer.SerializeAsync(rows, stream, cancellationToken: cancellationToken);
            }

            var bytes = new FileInfo(aside).Length;
            try
            {
                File.Move(aside, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another writer checkpointed this version first: its checkpoint holds the same state.
                return;
            }

            WriteLastCheckpoint(folder, version, rows.Count, bytes, state.Files.Count);
        }
        finally
        {
            File.Delete(aside);
        }
    }

    /// <summary>Points <c>_last_checkpoint</c> at the checkpoint written, unless it names a later one already.</summary>
    private static void WriteLastCheckpoint(string folder, long version, int actions, long bytes, int files)
    {
        var path = Path.Combine(folder, LastCheckpointFile);
        if (File.Exists(path))
        {
            using var current = JsonDocument.Parse(File.ReadAllText(path));
            if (current.RootElement.TryGetProperty("version", out var named) && named.TryGetInt64(out var newer) && newer > version)
            {
                return;
            }
        }

        var text = JsonText.Write(new Dictionary<string, long> { ["version"] = version, ["size"] = actions, ["sizeInBytes"] = bytes, ["numOfAddFiles"] = files });
        var aside = Path.Combine(folder, $".{LastCheckpointFile}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(aside, text + "\n");
        File.Move(aside, path, overwrite: true);
    }
}
