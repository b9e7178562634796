namespace DevEndpoint.Formats.Compressions;

/// <summary>
/// Passes the stored bytes of a framed snappy stream through to the decoder while following its chunks (one type byte,
/// a 3-byte little-endian length, the data), and throws <see cref="EndOfStreamException"/> when the file ends inside a
/// chunk: the decoder stops there without a word, so a truncated file would otherwise read as a shorter one. The framing
/// format has no end marker, so a file cut exactly between two chunks cannot be told from a whole one.
/// </summary>
internal sealed class SnappyFrames(Stream stored) : ForwardOnlyStream
{
    private const int HeaderLength = 4;

    private readonly byte[] header = new byte[HeaderLength];
    private int headerBytes;
    private long dataLeft;

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = stored.Read(buffer, offset, count);
        if (read == 0 && (headerBytes > 0 || dataLeft > 0))
        {
            throw new EndOfStreamException("the file ends inside a snappy chunk");
        }

        var i = 0;
        while (i < read)
        {
            if (dataLeft > 0)
            {
                var skipped = (int)Math.Min(dataLeft, read - i);
                dataLeft -= skipped;
                i += skipped;
                continue;
            }

            header[headerBytes++] = buffer[offset + i++];
            if (headerBytes == HeaderLength)
            {
                dataLeft = header[1] | (header[2] << 8) | (header[3] << 16);
                headerBytes = 0;
            }
        }

        return read;
    }
}
