using System.Text;

namespace DevEndpoint.Formats.Csv;

/// <summary>
/// Reads records of a delimited text file (RFC 4180 quoting: quoted fields may hold delimiters, escaped quotes
/// and line breaks), skipping comment lines. Tracks the line each record starts on, for error messages.
/// </summary>
internal sealed class CsvRecordReader
{
    private readonly TextReader? reader;
    private readonly string? text;
    private readonly char delimiter;
    private readonly char quote;
    private readonly char escape;
    private readonly int comment;
    private readonly StringBuilder field = new();
    private int line;
    private int peeked = -2;
    private int position;

    /// <param name="firstLine">The line number of the reader's first line (1-based), when lines before it were skipped.</param>
    public CsvRecordReader(TextReader reader, CsvDialect dialect, int firstLine = 1)
        : this(dialect, firstLine)
    {
        this.reader = reader;
    }

    /// <summary>Reads the records of a text held whole: unquoted fields are cut from it rather than built character by character.</summary>
    public CsvRecordReader(string text, CsvDialect dialect)
        : this(dialect, 1)
    {
        this.text = text;
    }

    private CsvRecordReader(CsvDialect dialect, int firstLine)
    {
        delimiter = dialect.Delimiter;
        quote = dialect.Quote;
        escape = dialect.Escape;
        comment = dialect.Comment ?? -1;
        line = firstLine;
    }

    /// <summary>The line the last record returned started on (1-based).</summary>
    public int RecordLine { get; private set; }

    /// <summary>Whether each field of the last record was quoted.</summary>
    public List<bool> Quoted { get; } = [];

    /// <summary>How many quoted fields were read so far.</summary>
    public int QuotedFields { get; private set; }

    /// <summary>How many quoted fields so far had text after their closing quote, or no closing quote: signs of a wrong quote or escape.</summary>
    public int QuoteErrors { get; private set; }

    /// <summary>Reads the next record into <paramref name="fields"/>, skipping blank lines; <c>false</c> at the end of the input.</summary>
    public bool TryRead(List<string> fields)
    {
        while (ReadRecord(fields))
        {
            if (fields.Count > 1 || fields[0].Length > 0 || Quoted[0])
            {
                return true;
            }
        }

        return false;
    }

    private bool ReadRecord(List<string> fields)
    {
        fields.Clear();
        Quoted.Clear();
        var c = Next();
        while (c >= 0 && c == comment)
        {
            while (c >= 0 && c != '\n' && c != '\r')
            {
                c = Next();
            }

            if (c == '\r' && Peek() == '\n')
            {
                Next();
            }

            line++;
            c = Next();
        }

        if (c < 0)
        {
            return false;
        }

        RecordLine = line;
        while (true)
        {
            field.Clear();
            var quoted = false;
            if (c == quote)
            {
                quoted = true;
                QuotedFields++;
                c = ReadQuoted();
                if (c >= 0 && c != delimiter && c != '\n' && c != '\r')
                {
                    QuoteErrors++;
                }
            }

            if (text is not null && !quoted)
            {
                fields.Add(CutPlain(text, ref c));
            }
            else
            {
                while (c >= 0 && c != delimiter && c != '\n' && c != '\r')
                {
                    field.Append((char)c);
                    c = Next();
                }

                fields.Add(field.ToString());
            }

            Quoted.Add(quoted);
            if (c == delimiter)
            {
                c = Next();
                continue;
            }

            if (c == '\r' && Peek() == '\n')
            {
                Next();
            }

            if (c is '\n' or '\r')
            {
                line++;
            }

            return true;
        }
    }

    /// <summary>Reads a quoted field's content and returns the first character after its closing quote.</summary>
    private int ReadQuoted()
    {
        while (true)
        {
            var c = Next();
            if (c < 0)
            {
                QuoteErrors++;
                return c;
            }

            if (c == escape && escape != quote && Peek() >= 0)
            {
                c = Next();
                if (c == '\n')
                {
                    line++;
                }

                field.Append((char)c);
                continue;
            }

            if (c == quote)
            {
                if (Peek() == quote)
                {
                    field.Append(quote);
                    Next();
                    continue;
                }

                return Next();
            }

            if (c == '\n')
            {
                line++;
            }

            field.Append((char)c);
        }
    }

    /// <summary>
    /// An unquoted field of <see cref="text"/> that starts with <paramref name="c"/> (already read), up to the next
    /// delimiter or line break, which it leaves in <paramref name="c"/>.
    /// </summary>
    private string CutPlain(string text, ref int c)
    {
        if (c < 0 || c == delimiter || c == '\n' || c == '\r')
        {
            return string.Empty;
        }

        var start = position - 1;
        var length = text.AsSpan(position).IndexOfAny(delimiter, '\n', '\r');
        var end = length < 0 ? text.Length : position + length;
        position = end;
        c = Next();
        return text[start..end];
    }

    private int Next()
    {
        if (text is not null)
        {
            return position < text.Length ? text[position++] : -1;
        }

        if (peeked != -2)
        {
            var value = peeked;
            peeked = -2;
            return value;
        }

        return reader!.Read();
    }

    private int Peek()
    {
        if (text is not null)
        {
            return position < text.Length ? text[position] : -1;
        }

        if (peeked == -2)
        {
            peeked = reader!.Read();
        }

        return peeked;
    }
}
