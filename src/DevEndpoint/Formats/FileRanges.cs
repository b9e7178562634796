using System.Buffers;
using System.Runtime.CompilerServices;
using Microsoft.Win32.SafeHandles;

namespace DevEndpoint.Formats;

/// <summary>Scans of byte ranges of a file, for splitting delimited text into ranges that start on record boundaries.</summary>
internal static class FileRanges
{
    private const int BlockSize = 1 << 20;

    /// <summary>How many <paramref name="quote"/> bytes (none counted when it is <c>null</c>) and line feeds [<paramref name="start"/>, <paramref name="end"/>) holds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (long Quotes, long LineFeeds) Count(SafeFileHandle file, long start, long end, byte? quote)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
        var quotes = 0L;
        var lineFeeds = 0L;
        for (var at = start; at < end;)
        {
            var read = RandomAccess.Read(file, buffer.AsSpan(0, (int)Math.Min(BlockSize, end - at)), at);
            if (read == 0)
            {
                break;
            }

            quotes += quote is { } q ? buffer.AsSpan(0, read).Count(q) : 0;
            lineFeeds += buffer.AsSpan(0, read).Count((byte)'\n');
            at += read;
        }

        ArrayPool<byte>.Shared.Return(buffer);
        return (quotes, lineFeeds);
    }

    /// <summary>
    /// Where the first record at or after <paramref name="start"/> begins: just after the first line feed outside
    /// quotes, given whether an odd number of quotes comes before <paramref name="start"/>; the file's length if none.
    /// Also returns the line feeds passed on the way, that one included.
    /// </summary>
    public static (long Start, long LineFeeds) NextRecordStart(SafeFileHandle file, long start, bool insideQuotes, byte quote)
    {
        var buffer = new byte[64 * 1024];
        var lineFeeds = 0L;
        for (var at = start; ;)
        {
            var read = RandomAccess.Read(file, buffer, at);
            if (read == 0)
            {
                return (at, lineFeeds);
            }

            for (var i = 0; i < read; i++)
            {
                if (buffer[i] == quote)
                {
                    insideQuotes = !insideQuotes;
                }
                else if (buffer[i] == '\n')
                {
                    lineFeeds++;
                    if (!insideQuotes)
                    {
                        return (at + i + 1, lineFeeds);
                    }
                }
            }

            at += read;
        }
    }

    /// <summary>Where the first line at or after <paramref name="start"/> begins: just after the next line feed; the file's length if none.</summary>
    public static long NextLineStart(SafeFileHandle file, long start)
    {
        var buffer = new byte[64 * 1024];
        for (var at = start; ;)
        {
            var read = RandomAccess.Read(file, buffer, at);
            if (read == 0)
            {
                return at;
            }

            var lineFeed = buffer.AsSpan(0, read).IndexOf((byte)'\n');
            if (lineFeed >= 0)
            {
                return at + lineFeed + 1;
            }

            at += read;
        }
    }
}
