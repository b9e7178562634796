using System.Runtime.CompilerServices;
namespace DevEndpoint.Formats;

/// <summary>Feeds a stream line by line: the reading side of JSON lines, where a line feed never falls inside a record.</summary>
internal sealed class LineBlocks(Stream stream, long startOffset) : StreamBlocks(stream, startOffset)
{
    private int lineStart;
    private int lineLength;

    /// <summary>The last line, without its line feed or a carriage return before it.</summary>
    public ReadOnlySpan<byte> Line => Buffer.AsSpan(lineStart, lineLength);

    /// <summary>Reads the next line; <c>false</c> at the end of the stream.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Next()
    {
        while (true)
        {
            var rest = Rest;
            var end = rest.IndexOf((byte)'\n');
            if (end >= 0 || (Ended && rest.Length > 0))
            {
                var length = end >= 0 ? end : rest.Length;
                lineStart = Position;
                lineLength = length > 0 && rest[length - 1] == '\r' ? length - 1 : length;
                Position += end >= 0 ? end + 1 : length;
                return true;
            }

            if (Ended)
            {
                return false;
            }

            Fill();
        }
    }
}
