using System.Buffers;

namespace DevEndpoint.Loading;

/// <summary>
/// Feeds a stream to a <see cref="Utf8CsvTokenizer"/> in large blocks, record by record, keeping a record whole across
/// block ends (the buffer grows for a record longer than it). Tracks the stream offset of each record.
/// </summary>
internal sealed class CsvBlocks(Stream stream, Utf8CsvTokenizer tokenizer, long startOffset) : IDisposable
{
    private const int BlockSize = 1 << 20;
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
    private long offset = startOffset;
    private int filled;
    private int position;
    private int recordStart;
    private bool eof;

    /// <summary>The stream offset where the next record starts.</summary>
    public long NextOffset => offset + position;

    /// <summary>The last record's bytes and what follows them in the buffer; field slices refer to it.</summary>
    public ReadOnlySpan<byte> Record => buffer.AsSpan(recordStart, filled - recordStart);

    /// <summary>Reads the next record (blank and comment lines too); <c>false</c> at the end of the stream.</summary>
    public bool Next()
    {
        while (true)
        {
            var consumed = position < filled || eof ? tokenizer.TryRead(buffer.AsSpan(position, filled - position), eof) : 0;
            if (consumed > 0)
            {
                recordStart = position;
                position += consumed;
                return true;
            }

            if (eof)
            {
                return false;
            }

            Fill();
        }
    }

    /// <summary>Skips a UTF-8 byte order mark at the start of the stream.</summary>
    public void SkipByteOrderMark()
    {
        while (filled - position < 3 && Fill())
        {
        }

        if (buffer.AsSpan(position, filled - position).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            position += 3;
        }
    }

    /// <summary>Skips one line as text, without regard to quotes (a preamble line); <c>false</c> at the end of the stream.</summary>
    public bool SkipLine()
    {
        while (true)
        {
            var rest = buffer.AsSpan(position, filled - position);
            var end = rest.IndexOfAny((byte)'\n', (byte)'\r');
            if (end >= 0 && (rest[end] == '\n' || end + 1 < rest.Length || eof))
            {
                position += rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n' ? end + 2 : end + 1;
                return true;
            }

            if (eof)
            {
                position = filled;
                return rest.Length > 0;
            }

            Fill();
        }
    }

    /// <summary>Reads more of the stream behind what is left; <c>false</c> at its end.</summary>
    private bool Fill()
    {
        if (position > 0)
        {
            buffer.AsSpan(position, filled - position).CopyTo(buffer);
            offset += position;
            filled -= position;
            recordStart = Math.Max(0, recordStart - position);
            position = 0;
        }

        if (filled == buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
            buffer.AsSpan(0, filled).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }

        var read = stream.Read(buffer, filled, buffer.Length - filled);
        filled += read;
        eof = read == 0;
        return !eof;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
    }
}
