using System.Buffers;

namespace DevEndpoint.Loading;

/// <summary>
/// Feeds a stream line by line in large blocks (a line longer than the buffer grows it), tracking the stream offset of
/// each line: the reading side of JSON lines, where a line feed never falls inside a record.
/// </summary>
internal sealed class LineBlocks(Stream stream, long startOffset) : IDisposable
{
    private const int BlockSize = 1 << 20;
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
    private long offset = startOffset;
    private int filled;
    private int position;
    private int lineStart;
    private int lineLength;
    private bool eof;

    /// <summary>The stream offset where the next line starts.</summary>
    public long NextOffset => offset + position;

    /// <summary>The last line, without its line feed or a carriage return before it.</summary>
    public ReadOnlySpan<byte> Line => buffer.AsSpan(lineStart, lineLength);

    /// <summary>Reads the next line; <c>false</c> at the end of the stream.</summary>
    public bool Next()
    {
        while (true)
        {
            var rest = buffer.AsSpan(position, filled - position);
            var end = rest.IndexOf((byte)'\n');
            if (end >= 0 || (eof && rest.Length > 0))
            {
                var length = end >= 0 ? end : rest.Length;
                lineStart = position;
                lineLength = length > 0 && rest[length - 1] == '\r' ? length - 1 : length;
                position += end >= 0 ? end + 1 : length;
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
        while (filled - position < 3 && !eof)
        {
            Fill();
        }

        if (buffer.AsSpan(position, filled - position).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            position += 3;
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
    }

    private void Fill()
    {
        if (position > 0)
        {
            buffer.AsSpan(position, filled - position).CopyTo(buffer);
            offset += position;
            filled -= position;
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
    }
}
