using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using DevEndpoint.Frames;
using DevEndpoint.Loading;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Cli;

/// <summary>What <c>devendpoint load</c> prints: the first rows and the bad rows, or a JSON summary.</summary>
internal static partial class LoadCommand
{
    private const int RowsShown = 10;
    private const int BadRowsShown = 5;

    private static async Task WriteRowsAsync(TextWriter output, LoadResult result, BadRecordMode mode)
    {
        var frame = result.Frame;
        var partitions = result.Table.PartitionKeys.Count == 0 ? string.Empty : $", {result.PartitionsRead} of {result.PartitionsTotal} partitions";
        await output.WriteLineAsync(
            $"{frame.Rows.Count} rows, {frame.Columns.Count} columns from {result.From}{partitions}, in {result.Elapsed.TotalMilliseconds:0} ms.");
        if (result.Bookmark is { } bookmark)
        {
            await output.WriteLineAsync(BookmarkCommands.Loaded(bookmark));
        }

        await output.WriteLineAsync(FrameTable.Of(frame, RowsShown).ToText());
        foreach (var line in BadRowLines(result.BadRows, result.Errors, mode))
        {
            await output.WriteLineAsync(line);
        }
    }

    /// <summary>
    /// How many rows the load left out, and where the first few of those it kept are
    /// (<c>file:line: column c, value 'v': reason</c>); nothing when there were none.
    /// </summary>
    internal static IEnumerable<string> BadRowLines(long badRows, DataFrame errors, BadRecordMode mode)
    {
        if (badRows == 0)
        {
            yield break;
        }

        var shown = Math.Min(BadRowsShown, errors.Rows.Count);
        var first = shown == 0 ? "." : shown == badRows ? ":" : $"; the first {shown}:";
        yield return $"{badRows} bad rows left out ({mode.ToString().ToLowerInvariant()}){first}";
        for (var i = 0; i < shown; i++)
        {
            var row = errors.Rows[i];
            var where = new List<string>();
            if (row["column"] is string column)
            {
                where.Add($"column {column}");
            }

            if (row["value"] is string value)
            {
                where.Add($"value '{value}'");
            }

            var details = where.Count == 0 ? string.Empty : $"{string.Join(", ", where)}: ";
            yield return $"  {row["file"]}:{row["line"]}: {details}{row["reason"]}";
        }
    }

    private static async Task WriteSummaryAsync(TextWriter output, LoadResult result)
    {
        long peakWorkingSet;
        using (var self = Process.GetCurrentProcess())
        {
            peakWorkingSet = self.PeakWorkingSet64;
        }

        var summary = FrameSummary.Of(result.Frame, NestedColumns.Expand(result.Table.AllColumns));
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            summary.WriteProperties(writer);
            writer.WriteNumber("badRows", result.BadRows);
            writer.WriteNumber("elapsedMs", Math.Round(result.Elapsed.TotalMilliseconds, 1));
            writer.WriteNumber("peakWorkingSetBytes", peakWorkingSet);
            writer.WriteEndObject();
        }

        await output.WriteLineAsync(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
