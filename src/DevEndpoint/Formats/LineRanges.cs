using DevEndpoint.Formats;

namespace DevEndpoint.Formats;

/// <summary>
/// A file of one record per line (JSON lines, logs), where a line feed never falls inside a record, read in ranges at
/// once: split at line starts, the line feeds of each range counted first so that each range knows its first line's
/// number, each range read into its own stretch of the final columns (UTF-8 text columns: into builders of their own, gathered at the end).
/// </summary>
internal static class LineRanges
{
    /// <summary>
    /// Reads a whole file of lines into <paramref name="whole"/>: decompressed as the table records, its byte-order mark
    /// skipped, in ranges at once when <see cref="Worth"/> says so, else in order from line 1.
    /// </summary>
    /// <param name="readLines">Reads the lines of one range (or of the whole file): its lines, the offset it ends at, its part, and the number of its first line.</param>
    public static void ReadFile(
        string path, string compression, ReadPart whole, ReadContext context, Action<LineBlocks, long, ReadPart, long> readLines, CancellationToken cancellationToken)
    {
        using var stream = Compression.OpenRead(path, compression);
        using var lines = new LineBlocks(stream, 0);
        lines.SkipByteOrderMark();
        var length = compression == Compression.None ? stream.Length : 0;
        if (Worth(lines.NextOffset, length, context))
        {
            Read(path, whole, lines.NextOffset, length, context, readLines, cancellationToken);
        }
        else
        {
            readLines(lines, long.MaxValue, whole, 1);
        }
    }

    /// <summary>
    /// Whether the rest of a file from <paramref name="start"/> is read in ranges: its <paramref name="length"/> is known
    /// (uncompressed; 0 otherwise), it makes more than two ranges, and the load is not fail-fast (whose first bad line must
    /// be the first in the file).
    /// </summary>
    private static bool Worth(long start, long length, ReadContext context) =>
        !context.FailFast && (length - start) / 2 >= context.RangeBytes;

    /// <summary>Reads [<paramref name="start"/>, <paramref name="length"/>) of the file into <paramref name="whole"/>.</summary>
    /// <param name="readLines">Reads the lines of one range: its lines, the offset it ends at, its part, and the number of its first line.</param>
    private static void Read(
        string path, ReadPart whole, long start, long length, ReadContext context, Action<LineBlocks, long, ReadPart, long> readLines, CancellationToken cancellationToken)
    {
        var count = (int)Math.Min(context.MaxRanges, (length - start) / context.RangeBytes);
        var bounds = Enumerable.Range(0, count + 1).Select(k => start + ((length - start) * k / count)).ToArray();
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        var lineFeeds = new long[count];
        using (var handle = File.OpenHandle(path))
        {
            for (var k = 1; k < count; k++)
            {
                bounds[k] = Math.Max(bounds[k - 1], FileRanges.NextLineStart(handle, bounds[k]));
            }

            Parallel.For(0, count, options, k => lineFeeds[k] = FileRanges.Count(handle, bounds[k], bounds[k + 1], quote: null).LineFeeds);
        }

        var firstLines = new long[count];
        firstLines[0] = 1;
        for (var k = 1; k < count; k++)
        {
            firstLines[k] = firstLines[k - 1] + lineFeeds[k - 1];
        }

        var parts = whole.Split(lineFeeds.Select((n, k) => k == count - 1 ? n + 1 : n).ToList());
        Parallel.For(0, count, options, k =>
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            stream.Seek(bounds[k], SeekOrigin.Begin);
            using var lines = new LineBlocks(stream, bounds[k]);
            readLines(lines, bounds[k + 1], parts[k], firstLines[k]);
        });

        whole.Gather(parts, options);
    }
}
