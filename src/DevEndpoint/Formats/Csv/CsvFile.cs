using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using DevEndpoint.Catalog;

namespace DevEndpoint.Formats.Csv;

/// <summary>
/// One delimited file. UTF-8 text (nearly all files) is parsed from bytes: values go from the read buffer into
/// typed column buffers with no string per cell, and an uncompressed file of more than two ranges is split into
/// ranges on record boundaries (found by counting quotes) that are parsed at once. Other encodings are read as text.
/// </summary>
internal sealed class CsvFile
{
    private readonly string path;
    private readonly CatalogTable table;
    private readonly ReadContext context;
    private readonly CsvDialect dialect;
    private readonly string compression;
    private int[] indexes = [];
    private string?[] formats = [];

    public CsvFile(string path, CatalogTable table, ReadContext context)
    {
        this.path = path;
        this.table = table;
        this.context = context;
        dialect = CsvParameters.Read(table);
        compression = table.Parameter("compressionType") ?? Compression.None;
    }

    public IReadOnlyList<ReadPart> Read(Func<List<ColumnSink>> newColumns, CancellationToken cancellationToken)
    {
        var part = new ReadPart(newColumns());
        indexes = part.Columns.Select(b => FormatReader.DataIndex(table, b)).ToArray();
        formats = part.Columns.Select(b => dialect.DateFormats.GetValueOrDefault(b.Column.Name)).ToArray();
        if (dialect.Encoding != "UTF-8" || !Utf8CsvTokenizer.Supports(dialect))
        {
            ReadText(part, cancellationToken);
            return [part];
        }

        var tokenizer = new Utf8CsvTokenizer(dialect);
        using var stream = Compression.OpenRead(path, compression);
        using var blocks = new CsvBlocks(stream, tokenizer, 0);
        var line = ReadHead(blocks, tokenizer, part.Columns);
        var length = compression == Compression.None ? stream.Length : 0;
        if (dialect.Escape == dialect.Quote && dialect.Comment is null && (length - blocks.NextOffset) / 2 >= context.RangeBytes
            && ReadRanges(blocks.NextOffset, length, line, newColumns, cancellationToken) is { } parts)
        {
            return parts;
        }

        if (length > 0 && context.Limit == long.MaxValue)
        {
            Reserve(part, length - blocks.NextOffset);
        }

        ReadRecords(blocks, tokenizer, long.MaxValue, part, line, absoluteLines: true, cancellationToken);
        return [part];
    }

    /// <summary>Skips the byte order mark and the preamble and reads the header; returns the line the data starts on.</summary>
    private long ReadHead(CsvBlocks blocks, Utf8CsvTokenizer tokenizer, List<ColumnSink> columns)
    {
        blocks.SkipByteOrderMark();
        var line = 1L;
        for (var i = 0; i < dialect.PreambleLines && blocks.SkipLine(); i++)
        {
            line++;
        }

        while (dialect.HasHeader && blocks.Next())
        {
            line += tokenizer.LineBreaks;
            if (!tokenizer.IsBlank)
            {
                var header = new List<string>();
                for (var i = 0; i < tokenizer.FieldCount; i++)
                {
                    header.Add(Encoding.UTF8.GetString(tokenizer.Field(blocks.Record, i)));
                }

                indexes = HeaderIndexes(header, columns);
                break;
            }
        }

        return line;
    }

    /// <summary>
    /// Reads [<paramref name="start"/>, <paramref name="length"/>) in ranges at once. Each range but the last ends just
    /// after a line feed, so it holds at most as many rows as line feeds (the last may hold one more, unended); each
    /// writes straight into its own stretch of the final columns, sized so, and the stretches are closed up at the end
    /// (values move only where quoted line breaks or blank lines left a range fewer rows than line feeds). Returns <c>null</c> when a
    /// range did not end where the next one starts (a quote the count misread, e.g. one inside an unquoted field),
    /// stopped early (fail-fast, the error threshold) or held more rows than line feeds (lone carriage returns): the
    /// caller then reads the file in order, which is always right.
    /// </summary>
    private IReadOnlyList<ReadPart>? ReadRanges(long start, long length, long firstLine, Func<List<ColumnSink>> newColumns, CancellationToken cancellationToken)
    {
        var count = (int)Math.Min(context.MaxRanges, (length - start) / context.RangeBytes);
        var bounds = Enumerable.Range(0, count + 1).Select(k => start + ((length - start) * k / count)).ToArray();
        var quote = (byte)dialect.Quote;
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        var counts = new (long Quotes, long LineFeeds)[count];
        var skipped = new long[count + 1];
        using (var handle = File.OpenHandle(path))
        {
            Parallel.For(0, count, options, k => counts[k] = FileRanges.Count(handle, bounds[k], bounds[k + 1], quote));
            var odd = false;
            for (var k = 1; k < count; k++)
            {
                odd ^= (counts[k - 1].Quotes & 1) == 1;
                var (next, lineFeeds) = FileRanges.NextRecordStart(handle, bounds[k], odd, quote);
                bounds[k] = Math.Max(bounds[k - 1], next);
                skipped[k] = lineFeeds;
            }
        }

        var rows = Enumerable.Range(0, count).Select(k => counts[k].LineFeeds - skipped[k] + skipped[k + 1] + (k == count - 1 ? 1 : 0)).ToArray();
        var whole = new ReadPart(newColumns());
        var parts = whole.Split(rows);
        var ends = new long[count];
        var lines = new long[count];
        Parallel.For(0, count, options, k =>
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            stream.Seek(bounds[k], SeekOrigin.Begin);
            var tokenizer = new Utf8CsvTokenizer(dialect);
            using var blocks = new CsvBlocks(stream, tokenizer, bounds[k]);
            try
            {
                (ends[k], lines[k]) = ReadRecords(blocks, tokenizer, bounds[k + 1], parts[k], 0, absoluteLines: false, cancellationToken);
            }
            catch (SliceFullException)
            {
                ends[k] = -1;
            }
        });

        if (Enumerable.Range(0, count).Any(k => ends[k] != bounds[k + 1]))
        {
            return null;
        }

        var line = firstLine;
        for (var k = 0; k < count; k++)
        {
            parts[k].Bad.ShiftLines(line);
            line += lines[k];
        }

        whole.Gather(parts, options);

        return [whole];
    }

    /// <summary>
    /// Makes room in a part's columns for the rows about <paramref name="bytes"/> of the file hold, by the average
    /// record size the crawler measured, so that big columns are not grown (and copied) again and again.
    /// </summary>
    private void Reserve(ReadPart part, long bytes)
    {
        if (long.TryParse(table.Parameter("averageRecordSize"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var average) && average > 0)
        {
            var rows = (long)(bytes / (double)average * 1.05) + 64;
            foreach (var column in part.Columns)
            {
                column.Reserve(Math.Min(rows, Array.MaxLength / 16));
            }
        }
    }

    /// <summary>
    /// Reads the records that start before <paramref name="end"/>; returns where reading stopped and the lines read.
    /// With <paramref name="absoluteLines"/> false (a range whose first line number is not known yet), a fail-fast
    /// bad row stops the range instead of failing the load, as its line cannot be named.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (long End, long Lines) ReadRecords(
        CsvBlocks blocks, Utf8CsvTokenizer tokenizer, long end, ReadPart part, long firstLine, bool absoluteLines, CancellationToken cancellationToken)
    {
        var line = firstLine;
        var sample = context.SampleFraction is { } fraction ? Sampling.Threshold(fraction) : ulong.MaxValue;
        while (part.Rows < context.Limit && blocks.NextOffset < end)
        {
            var offset = blocks.NextOffset;
            if (!blocks.Next())
            {
                break;
            }

            var recordLine = line;
            line += tokenizer.LineBreaks;
            if (tokenizer.IsBlank || (sample != ulong.MaxValue && Sampling.Hash(offset) >= sample))
            {
                continue;
            }

            if (!AddRecord(blocks.Record, tokenizer, recordLine, part, absoluteLines))
            {
                return (-1, line - firstLine);
            }

            if ((part.Rows & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        return (blocks.NextOffset, line - firstLine);
    }

    /// <summary>Adds one record's values; returns <c>false</c> when the read must stop.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool AddRecord(ReadOnlySpan<byte> record, Utf8CsvTokenizer tokenizer, long line, ReadPart part, bool absoluteLines)
    {
        var columns = CollectionsMarshal.AsSpan(part.Columns);
        var indexes = this.indexes;
        var formats = this.formats;
        var fieldCount = tokenizer.FieldCount;
        for (var i = 0; i < columns.Length && i < indexes.Length && i < formats.Length; i++)
        {
            var index = indexes[i];
            if (index < 0)
            {
                continue;
            }

            if (index >= fieldCount)
            {
                columns[i].AddNull();
                continue;
            }

            var value = tokenizer.Field(record, index);
            var quoted = tokenizer.Quoted(index);
            var added = formats[i] is { } format
                ? columns[i].TryAddText(Iso(Encoding.UTF8.GetString(value), format), quoted)
                : columns[i].TryAddUtf8(value, quoted);
            if (!added)
            {
                return Bad(part, i, line, Encoding.UTF8.GetString(value), absoluteLines);
            }
        }

        part.Rows++;
        return true;
    }

    /// <summary>Rolls back the cells of a bad row and deals with it by the load's mode; returns <c>false</c> when the read must stop.</summary>
    private bool Bad(ReadPart part, int column, long line, string value, bool absoluteLines)
    {
        for (var j = 0; j < column; j++)
        {
            if (indexes[j] >= 0)
            {
                part.Columns[j].Truncate(part.Rows);
            }
        }

        var target = part.Columns[column].Column;
        if (context.FailFast)
        {
            return absoluteLines ? throw FormatReader.BadValue(path, line, target, value) : false;
        }

        return part.SetAside(new BadRecord(path, line, target.Name, value, $"cannot read '{value}' as {target.Type}"), context);
    }

    /// <summary>Files in another encoding than UTF-8, or with a delimiter or quote outside ASCII: read as text, in order.</summary>
    private void ReadText(ReadPart part, CancellationToken cancellationToken)
    {
        using var stream = Compression.OpenRead(path, compression);
        using var text = new StreamReader(stream, TextSample.EncodingOf(dialect.Encoding), detectEncodingFromByteOrderMarks: true);
        for (var line = 0; line < dialect.PreambleLines; line++)
        {
            text.ReadLine();
        }

        using var reader = CsvTextReader.Open(text, dialect, dialect.PreambleLines + 1);
        var fields = new List<string>();
        var header = dialect.HasHeader;
        while (part.Rows < context.Limit && reader.TryRead(fields))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (header)
            {
                indexes = HeaderIndexes(fields, part.Columns);
                header = false;
                continue;
            }

            if (!AddRecord(fields, reader, part))
            {
                return;
            }
        }
    }

    private bool AddRecord(List<string> fields, CsvTextReader reader, ReadPart part)
    {
        var columns = part.Columns;
        for (var i = 0; i < columns.Count; i++)
        {
            var index = indexes[i];
            if (index < 0)
            {
                continue;
            }

            var value = index < fields.Count ? fields[index] : null;
            var quoted = index < fields.Count && reader.Quoted[index];
            if (!columns[i].TryAddText(formats[i] is { } format ? Iso(value, format) : value, quoted))
            {
                return Bad(part, i, reader.RecordLine, value!, absoluteLines: true);
            }
        }

        part.Rows++;
        return true;
    }

    /// <summary>A date or timestamp in the column's recorded form, rewritten in ISO 8601; other text as it is.</summary>
    private static string? Iso(string? value, string format) =>
        value is not null && DateFormats.TryParse(value, format, out var parsed)
            ? parsed.ToString(format.Contains(' ', StringComparison.Ordinal) ? "yyyy-MM-dd HH:mm:ss.FFFFFFF" : "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : value;

    /// <summary>
    /// Where each data column is in a file with a header, found by name: a column the file lacks reads as null, and a
    /// column that is also a partition key (so not a data column) does not shift the columns after it. A named header
    /// column the table does not have means the file is not one of the table's files, or changed since the crawl; an
    /// unnamed one the table does not have is the empty field after a trailing delimiter.
    /// </summary>
    private int[] HeaderIndexes(List<string> header, List<ColumnSink> columns)
    {
        var names = ColumnNames.Make(header, Math.Max(header.Count, table.StorageDescriptor.Columns.Count)).ToList();
        var known = table.AllColumns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        if (names.Take(header.Count).Where((_, i) => ColumnNames.Clean(header[i]).Length > 0).FirstOrDefault(n => !known.Contains(n)) is { } unknown)
        {
            throw FormatReader.UnknownHeaderColumn(path, table, unknown);
        }

        return columns
            .Select(b => FormatReader.DataIndex(table, b) < 0 ? -1 : names.IndexOf(b.Column.Name) is var index and >= 0 ? index : int.MaxValue)
            .ToArray();
    }
}
