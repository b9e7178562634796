using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace DevEndpoint.Loading;

/// <summary>Scans of byte ranges of a file, for splitting delimited text into ranges that start on record boundaries.</summary>
internal static class FileRanges
{
    private const int BlockSize = 1 << 20;

    /// <summary>How many <paramref name="value"/> bytes [<paramref name="start"/>, <paramref name="end"/>) holds.</summary>
    public static long Count(SafeFileHandle file, long start, long end, byte value)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
        var count = 0L;
        for (var at = start; at < end;)
        {
            var read = RandomAccess.Read(file, buffer.AsSpan(0, (int)Math.Min(BlockSize, end - at)), at);
            if (read == 0)
            {
                break;
            }

            count += buffer.AsSpan(0, read).Count(value);
            at += read;
        }

        ArrayPool<byte>.Shared.Return(buffer);
        return count;
    }

    /// <summary>
    /// Where the first record at or after <paramref name="start"/> begins: just after the first line feed outside
    /// quotes, given whether an odd number of quotes comes before <paramref name="start"/>; the file's length if none.
    /// </summary>
    public static long NextRecordStart(SafeFileHandle file, long start, bool insideQuotes, byte quote)
    {
        var buffer = new byte[64 * 1024];
        for (var at = start; ;)
        {
            var read = RandomAccess.Read(file, buffer, at);
            if (read == 0)
            {
                return at;
            }

            for (var i = 0; i < read; i++)
            {
                if (buffer[i] == quote)
                {
                    insideQuotes = !insideQuotes;
                }
                else if (buffer[i] == '\n' && !insideQuotes)
                {
                    return at + i + 1;
                }
            }

            at += read;
        }
    }
}
