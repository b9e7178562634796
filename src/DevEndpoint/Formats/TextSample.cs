using System.Text;

namespace DevEndpoint.Formats;

/// <summary>The first bytes of a (decompressed) text file, decoded, with what is needed to extrapolate from them.</summary>
internal sealed record TextSample(string Text, bool Complete, long SampledBytes, long StoredBytesRead, long FileSize)
{
    public static TextSample Read(string path, string compression, int maxBytes)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var stream = Compression.Decompress(file, compression, leaveOpen: true);
        var buffer = new byte[maxBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += read;
        }

        var complete = total <= maxBytes;
        var length = Math.Min(total, maxBytes);
        var bytes = buffer.AsSpan(0, length);
        var encoding = DetectEncoding(bytes, out var preamble);
        var text = encoding.GetString(bytes[preamble..]);
        return new TextSample(text, complete, length, complete ? file.Length : file.Position, file.Length);
    }

    /// <summary>Estimates a file's record count from the records found in the sample.</summary>
    public long EstimateRecords(long sampledRecords) =>
        Complete || StoredBytesRead == 0 ? sampledRecords : (long)Math.Round(sampledRecords * (double)FileSize / StoredBytesRead);

    private static Encoding DetectEncoding(ReadOnlySpan<byte> bytes, out int preamble)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            preamble = 3;
            return Encoding.UTF8;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            preamble = 2;
            return Encoding.Unicode;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            preamble = 2;
            return Encoding.BigEndianUnicode;
        }

        preamble = 0;
        return Encoding.UTF8;
    }
}
