using System.Buffers;
using System.Runtime.CompilerServices;
using DevEndpoint.Formats.Csv;

namespace DevEndpoint.Formats.Csv;

/// <summary>
/// Splits UTF-8 delimited text into records and fields straight from bytes, with the quoting rules of
/// <see cref="CsvRecordReader"/> (quoted fields may hold delimiters, line breaks and escaped quotes; text after a
/// closing quote is kept; blank and comment lines are records of no fields). Fields are slices of the caller's buffer,
/// or of a scratch buffer when unescaping changed them. Works for any dialect whose characters are ASCII.
/// </summary>
internal sealed class Utf8CsvTokenizer
{
    private readonly byte delimiter;
    private readonly byte quote;
    private readonly byte escape;
    private readonly int comment;
    private readonly SearchValues<byte> fieldEnds;
    private (int Start, int Length, bool Quoted, bool Scratch)[] fields = new (int, int, bool, bool)[16];
    private byte[] scratch = new byte[256];
    private int scratchLength;

    public Utf8CsvTokenizer(CsvDialect dialect)
    {
        delimiter = (byte)dialect.Delimiter;
        quote = (byte)dialect.Quote;
        escape = (byte)dialect.Escape;
        comment = dialect.Comment ?? -1;
        fieldEnds = SearchValues.Create([delimiter, (byte)'\n', (byte)'\r']);
    }

    /// <summary>Whether a dialect's delimiter, quote, escape and comment are single ASCII bytes.</summary>
    public static bool Supports(CsvDialect dialect) =>
        dialect.Delimiter < 128 && dialect.Quote < 128 && dialect.Escape < 128 && (dialect.Comment ?? ' ') < 128;

    /// <summary>Fields of the last record; 0 for a comment line.</summary>
    public int FieldCount { get; private set; }

    /// <summary>Line breaks the last record spanned: its own and those inside quoted fields.</summary>
    public int LineBreaks { get; private set; }

    /// <summary>Whether the last record is a blank line (one empty unquoted field) or a comment.</summary>
    public bool IsBlank
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        get => FieldCount == 0 || (FieldCount == 1 && fields[0].Length == 0 && !fields[0].Quoted);
    }

    public bool Quoted(int field) => fields[field].Quoted;

    /// <summary>Field <paramref name="field"/> of the last record; <paramref name="buffer"/> is the span given to <see cref="TryRead"/>.</summary>
    public ReadOnlySpan<byte> Field(ReadOnlySpan<byte> buffer, int field)
    {
        var (start, length, _, inScratch) = fields[field];
        return inScratch ? scratch.AsSpan(start, length) : buffer.Slice(start, length);
    }

    /// <summary>
    /// Reads the record at the start of <paramref name="buffer"/>; returns the bytes it took, line break included, or 0
    /// when the record may go on past the buffer (only when <paramref name="final"/> is false: more text follows).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int TryRead(ReadOnlySpan<byte> buffer, bool final)
    {
        FieldCount = 0;
        LineBreaks = 0;
        scratchLength = 0;
        if (buffer.Length > 0 && buffer[0] == comment)
        {
            return SkipLine(buffer, final);
        }

        var position = 0;
        while (true)
        {
            if (position < buffer.Length && buffer[position] == quote)
            {
                var end = ReadQuoted(buffer, position, final);
                if (end < 0)
                {
                    return 0;
                }

                position = end;
            }
            else
            {
                var length = buffer[position..].IndexOfAny(fieldEnds);
                if (length < 0)
                {
                    if (!final)
                    {
                        return 0;
                    }

                    length = buffer.Length - position;
                }

                Add(position, length, quoted: false, inScratch: false);
                position += length;
            }

            if (position >= buffer.Length)
            {
                return position;
            }

            if (buffer[position] == delimiter)
            {
                position++;
                continue;
            }

            if (buffer[position] == '\r')
            {
                if (position + 1 >= buffer.Length && !final)
                {
                    return 0;
                }

                if (position + 1 < buffer.Length && buffer[position + 1] == '\n')
                {
                    position++;
                }
            }

            LineBreaks++;
            return position + 1;
        }
    }

    private int SkipLine(ReadOnlySpan<byte> buffer, bool final)
    {
        var end = buffer.IndexOfAny((byte)'\n', (byte)'\r');
        if (end < 0 || (buffer[end] == '\r' && end + 1 >= buffer.Length && !final))
        {
            return final ? buffer.Length : 0;
        }

        LineBreaks = 1;
        return buffer[end] == '\r' && end + 1 < buffer.Length && buffer[end + 1] == '\n' ? end + 2 : end + 1;
    }

    /// <summary>Reads a quoted field starting at <paramref name="start"/>; returns where it ends, or -1 when more text is needed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ReadQuoted(ReadOnlySpan<byte> buffer, int start, bool final)
    {
        var position = start + 1;
        var escaped = false;
        int close;
        while (true)
        {
            var found = escape == quote ? buffer[position..].IndexOf(quote) : buffer[position..].IndexOfAny(quote, escape);
            if (found < 0)
            {
                if (!final)
                {
                    return -1;
                }

                close = buffer.Length;
                break;
            }

            position += found;
            if (buffer[position] == escape && escape != quote)
            {
                if (position + 1 >= buffer.Length && !final)
                {
                    return -1;
                }

                escaped = true;
                position = Math.Min(position + 2, buffer.Length);
                continue;
            }

            if (position + 1 >= buffer.Length && !final)
            {
                return -1;
            }

            if (position + 1 < buffer.Length && buffer[position + 1] == quote)
            {
                escaped = true;
                position += 2;
                continue;
            }

            close = position;
            break;
        }

        var content = buffer[(start + 1)..close];
        LineBreaks += content.Count((byte)'\n');
        var after = Math.Min(close + 1, buffer.Length);
        var tail = buffer[after..].IndexOfAny(fieldEnds);
        if (tail < 0)
        {
            if (!final)
            {
                return -1;
            }

            tail = buffer.Length - after;
        }

        if (!escaped && tail == 0)
        {
            Add(start + 1, content.Length, quoted: true, inScratch: false);
            return after;
        }

        var from = scratchLength;
        Unescape(content);
        Append(buffer.Slice(after, tail));
        Add(from, scratchLength - from, quoted: true, inScratch: true);
        return after + tail;
    }

    /// <summary>Appends a quoted field's content without its escape characters, copying the runs between them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Unescape(ReadOnlySpan<byte> content)
    {
        var run = 0;
        for (var i = 0; i < content.Length; i++)
        {
            if (i + 1 < content.Length && ((content[i] == escape && escape != quote) || (content[i] == quote && content[i + 1] == quote)))
            {
                Append(content[run..i]);
                run = i + 1;
                i++;
            }
        }

        Append(content[Math.Min(run, content.Length)..]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (scratchLength + bytes.Length > scratch.Length)
        {
            Array.Resize(ref scratch, Math.Max(scratch.Length * 2, scratchLength + bytes.Length));
        }

        bytes.CopyTo(scratch.AsSpan(scratchLength));
        scratchLength += bytes.Length;
    }

    private void Add(int start, int length, bool quoted, bool inScratch)
    {
        if (FieldCount == fields.Length)
        {
            Array.Resize(ref fields, fields.Length * 2);
        }

        fields[FieldCount++] = (start, length, quoted, inScratch);
    }
}
