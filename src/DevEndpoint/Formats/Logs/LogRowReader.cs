using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using DevEndpoint.Catalog;
using DevEndpoint.Formats.Logs.Internals;

namespace DevEndpoint.Formats.Logs;

/// <summary>
/// Log files read with the table's grok pattern, one record per line: the pattern compiled once per load and shared
/// by every file and range read at once.
/// </summary>
internal sealed class LogRowReader : FormatReader
{
    private readonly GrokLines grok;

    public LogRowReader(CatalogTable table, string pattern)
    {
        grok = new GrokLines(table, pattern);
    }

    public override bool SamplesRows => true;

    protected override Task<IReadOnlyList<ReadPart>> ReadPartsAsync(
        string path, CatalogTable table, Func<List<ColumnSink>> newColumns, ReadContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ReadPart>>([new LogFile(path, table, grok, context).Read(newColumns(), cancellationToken)]);
}

/// <summary>
/// A grok pattern (with a custom classifier's named patterns, as the table records them) as a regular expression
/// compiled to IL, and the group that captures each of the table's columns. A line it takes longer than
/// <see cref="GrokPattern.MatchTimeout"/> on (catastrophic backtracking, or a machine so busy that compiling the
/// expression on first use took that long) is matched again by the non-backtracking engine, which takes time linear
/// in the line and finds the same match; a pattern that engine cannot run (lookarounds, backreferences) makes such
/// a line a bad record.
/// </summary>
internal sealed class GrokLines
{
    private readonly Regex regex;
    private readonly Lazy<Regex?> linear;

    public GrokLines(CatalogTable table, string pattern)
    {
        var customPatterns = table.StorageDescriptor.Parameters.GetValueOrDefault(GrokClassifier.CustomPatternsParameter);
        GrokPattern grok;
        try
        {
            grok = GrokPattern.Compile(pattern, GrokPatternLines.Parse(table.Parameter(FileSchema.ClassifierParameter) ?? table.Name, customPatterns));
        }
        catch (ArgumentException e)
        {
            throw new DevEndpointException(
                $"Table {table.DatabaseName}.{table.Name} cannot be loaded: {e.Message.Split(" (Parameter")[0].TrimEnd('.')}. Crawl its folder again (with the custom classifier that matched it, if one did) so that the table records every pattern it uses.",
                e);
        }

        Pattern = pattern;
        regex = grok.ToRegex(RegexOptions.Compiled, GrokPattern.MatchTimeout);
        linear = new Lazy<Regex?>(() => Linear(grok));
        Groups = grok.Fields.Select((f, i) => (Name: ColumnNames.Clean(f.Name), Group: regex.GroupNumberFromName(GrokPattern.GroupName(i))))
            .DistinctBy(f => f.Name)
            .ToDictionary(f => f.Name, f => f.Group);
    }

    public string Pattern { get; }

    /// <summary>The group number capturing each column, by column name.</summary>
    public IReadOnlyDictionary<string, int> Groups { get; }

    /// <summary>The line's match; <c>null</c> when it took too long and the non-backtracking engine cannot run the pattern.</summary>
    public Match? Match(string line)
    {
        try
        {
            return regex.Match(line);
        }
        catch (RegexMatchTimeoutException)
        {
            return linear.Value?.Match(line);
        }
    }

    private static Regex? Linear(GrokPattern grok)
    {
        try
        {
            return grok.ToRegex(RegexOptions.NonBacktracking, Regex.InfiniteMatchTimeout);
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}

/// <summary>
/// One log file read line by line from bytes: each non-empty line is matched whole, and each requested column takes
/// its field's capture converted to its catalog type (straight from the line's bytes). A line the pattern does not
/// match is a bad record, as is a capture that does not convert. An uncompressed file of more than two ranges is
/// read in ranges at once (<see cref="LineRanges"/>).
/// </summary>
internal sealed class LogFile(string path, CatalogTable table, GrokLines grok, ReadContext context)
{
    private const int ShownLineLength = 200;
    private readonly string compression = table.Parameter("compressionType") ?? Compression.None;

    public ReadPart Read(List<ColumnSink> columns, CancellationToken cancellationToken)
    {
        var whole = new ReadPart(columns);
        LineRanges.ReadFile(path, compression, whole, context, (lines, end, part, firstLine) => ReadLines(lines, end, part, firstLine, cancellationToken), cancellationToken);
        return whole;
    }

    private void ReadLines(LineBlocks lines, long end, ReadPart part, long firstLine, CancellationToken cancellationToken)
    {
        var rows = new LogRows(table, grok, part.Columns);
        var line = firstLine - 1;
        var sample = context.SampleFraction is { } fraction ? Sampling.Threshold(fraction) : ulong.MaxValue;
        while (part.Rows < context.Limit && lines.NextOffset < end)
        {
            var offset = lines.NextOffset;
            if (!lines.Next())
            {
                break;
            }

            line++;
            if (lines.Line.IsEmpty || (sample != ulong.MaxValue && Sampling.Hash(offset) >= sample))
            {
                continue;
            }

            if (rows.Add(lines.Line, part) is { } bad && !Reject(part, line, bad))
            {
                return;
            }

            if ((line & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    /// <summary>Deals with a bad line by the load's mode; returns <c>false</c> when the read must stop.</summary>
    private bool Reject(ReadPart part, long line, LogRows.Bad bad)
    {
        var shown = bad.Value.Length > ShownLineLength ? bad.Value[..ShownLineLength] + "…" : bad.Value;
        if (context.FailFast)
        {
            throw bad.Column is { } column
                ? FormatReader.BadValue(path, line, column, bad.Value)
                : new DevEndpointException(
                    $"{path}: line {line} {bad.Reason}: '{shown}'. Fix the line, or load with --mode permissive or dropmalformed to set such lines aside.");
        }

        return part.SetAside(new BadRecord(path, line, bad.Column?.Name, shown, bad.Reason), context);
    }
}

/// <summary>Reads log lines into column builders; one per file or range (it keeps a buffer).</summary>
internal sealed class LogRows
{
    private readonly GrokLines grok;
    private readonly List<ColumnSink> columns;
    private readonly (int Column, int Group)[] data;
    private byte[] scratch = new byte[256];

    public LogRows(CatalogTable table, GrokLines grok, List<ColumnSink> columns)
    {
        this.grok = grok;
        this.columns = columns;
        var names = table.StorageDescriptor.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        data = Enumerable.Range(0, columns.Count)
            .Where(i => names.Contains(columns[i].Column.Name))
            .Select(i => (i, grok.Groups.GetValueOrDefault(columns[i].Column.Name, -1)))
            .ToArray();
    }

    /// <summary>A line the pattern does not match (no <see cref="Column"/>), or a capture that does not fit its column.</summary>
    public sealed record Bad(Column? Column, string Value, string Reason);

    /// <summary>Adds the line's fields as one row; returns what was wrong instead (nothing is then added).</summary>
    public Bad? Add(ReadOnlySpan<byte> line, ReadPart part)
    {
        // An ASCII line's characters are its bytes, so captures are read straight from them. A line that is not
        // UTF-8 is Latin-1, as the crawler reads a file that is not.
        var ascii = Ascii.IsValid(line);
        var text = ascii || Utf8.IsValid(line) ? Encoding.UTF8.GetString(line) : Encoding.Latin1.GetString(line);
        var match = grok.Match(text);
        if (match is null)
        {
            return new Bad(
                null,
                text,
                string.Create(CultureInfo.InvariantCulture, $"took the grok pattern {grok.Pattern} more than {GrokPattern.MatchTimeout.TotalMilliseconds} ms to match"));
        }

        if (!match.Success)
        {
            return new Bad(null, text, $"does not match the grok pattern {grok.Pattern}");
        }

        for (var k = 0; k < data.Length; k++)
        {
            var (column, group) = data[k];
            var builder = columns[column];
            var capture = group < 0 ? null : match.Groups[group];
            if (capture is not { Success: true })
            {
                builder.AddNull();
            }
            else if (!builder.TryAddUtf8(ascii ? line.Slice(capture.Index, capture.Length) : ToUtf8(capture.ValueSpan), quoted: true))
            {
                for (var j = 0; j < k; j++)
                {
                    columns[data[j].Column].Truncate(part.Rows);
                }

                return new Bad(builder.Column, capture.Value, $"cannot read '{capture.Value}' as {builder.Column.Type}");
            }
        }

        part.Rows++;
        return null;
    }

    private ReadOnlySpan<byte> ToUtf8(ReadOnlySpan<char> chars)
    {
        var length = Encoding.UTF8.GetMaxByteCount(chars.Length);
        if (scratch.Length < length)
        {
            scratch = new byte[length * 2];
        }

        return scratch.AsSpan(0, Encoding.UTF8.GetBytes(chars, scratch));
    }
}
