using CsvHelper;

namespace DevEndpoint.Formats.Csv;

/// <summary>
/// Reads delimited text where speed does not rule, with CsvHelper: the loader's files in another encoding than UTF-8
/// (UTF-16, Latin-1) and the CSV files of FindMatches. The loader reads UTF-8 files with its own tokenizer, which is faster.
/// A dialect CsvHelper cannot read (a delimiter, quote or comment character outside ASCII, a comment character that is also
/// the delimiter, or a quote escaped by another character than itself) is read by <see cref="CsvRecordReader"/>, as the sniffer reads every dialect.
/// </summary>
internal sealed class CsvTextReader : IDisposable
{
    private readonly CsvReader? reader;
    private readonly CsvRecordReader? records;
    private readonly byte quote;
    private readonly int lineOffset;
    private readonly List<bool> quoted = [];
    private long loneReturns;

    private CsvTextReader(TextReader text, CsvDialect dialect, int firstLine)
    {
        lineOffset = firstLine - 1;
        if (!ReadsWithCsvHelper(dialect))
        {
            records = new CsvRecordReader(text, dialect, firstLine);
            return;
        }

        quote = (byte)dialect.Quote;
        var options = CsvReaderOptions.Default with
        {
            Separator = dialect.Delimiter,
            Quote = dialect.Quote,
            CommentPrefix = dialect.Comment,
            HasHeader = false,
            TrackLineNumbers = true,
        };
        reader = CsvReader.Create(text, options, leaveOpen: true);
    }

    /// <summary>The line the last record returned started on (1-based).</summary>
    public int RecordLine { get; private set; }

    /// <summary>Whether each field of the last record was quoted.</summary>
    public IReadOnlyList<bool> Quoted => records?.Quoted ?? quoted;

    /// <summary>A reader of <paramref name="text"/>, whose first line is line <paramref name="firstLine"/> of the file.</summary>
    public static CsvTextReader Open(TextReader text, CsvDialect dialect, int firstLine) => new(text, dialect, firstLine);

    /// <summary>
    /// A UTF-8, comma-separated file with a header: its header and its records, with an empty field (or one the record
    /// lacks) as null. Malformed input (a record past CsvHelper's size limit) throws what <paramref name="bad"/> makes of
    /// CsvHelper's message.
    /// </summary>
    public static CsvTextFile ReadFile(string path, Func<string, Exception> bad)
    {
        try
        {
            using var file = CsvReader.FromFile(path, CsvReaderOptions.Default with { Separator = ',', TrackLineNumbers = true });
            var header = file.Headers.ToList();
            var rows = new List<CsvTextRow>();
            while (file.Read())
            {
                var fields = new string?[header.Count];
                for (var i = 0; i < fields.Length && i < file.FieldCount; i++)
                {
                    fields[i] = file.IsEmpty(i) ? null : file.GetString(i);
                }

                rows.Add(new CsvTextRow(file.RowNumber, file.LineNumber, fields));
            }

            return new CsvTextFile(header, rows);
        }
        catch (CsvFormatException e)
        {
            throw bad(e.Message);
        }
    }

    /// <summary>Reads the next record into <paramref name="fields"/>, skipping blank lines and comments; <c>false</c> at the end of the input.</summary>
    public bool TryRead(List<string> fields)
    {
        if (records is not null)
        {
            var read = records.TryRead(fields);
            RecordLine = records.RecordLine;
            return read;
        }

        fields.Clear();
        quoted.Clear();
        if (!reader!.Read())
        {
            return false;
        }

        for (var i = 0; i < reader.FieldCount; i++)
        {
            fields.Add(reader.GetString(i));
            quoted.Add(reader.GetRawSpan(i) is [var first, ..] && first == quote);
        }

        // CsvHelper counts a carriage return without a line feed inside a quoted field as a line; the UTF-8 tokenizer and
        // the record reader count only line feeds there, so such returns of the records before are taken off.
        RecordLine = (int)(reader.LineNumber - loneReturns) + lineOffset;
        loneReturns += LoneReturns(reader.RawRecord);
        return true;
    }

    public void Dispose() => reader?.Dispose();

    /// <summary>The carriage returns of a record not followed by a line feed: all inside quoted fields, as one outside ends the record.</summary>
    private static int LoneReturns(ReadOnlySpan<byte> record)
    {
        var count = 0;
        while (record.IndexOf((byte)'\r') is var at and >= 0)
        {
            if (at + 1 == record.Length || record[at + 1] != '\n')
            {
                count++;
            }

            record = record[(at + 1)..];
        }

        return count;
    }

    /// <summary>
    /// Whether CsvHelper reads a dialect: ASCII delimiter, quote and comment, each a different character, and quotes escaped
    /// by doubling them.
    /// </summary>
    private static bool ReadsWithCsvHelper(CsvDialect dialect) =>
        dialect.Delimiter < 128 && dialect.Quote < 128 && (dialect.Comment ?? ' ') < 128 && dialect.Escape == dialect.Quote
        && dialect.Comment != dialect.Delimiter && dialect.Comment != dialect.Quote;
}
