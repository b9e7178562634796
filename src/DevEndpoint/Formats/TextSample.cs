using System.Text;

namespace DevEndpoint.Formats;

/// <summary>
/// The first bytes of a (decompressed) text file, decoded, with what is needed to extrapolate from them. The encoding
/// is UTF-8 or UTF-16 by byte order mark, else UTF-8 when the bytes are valid UTF-8, else Latin-1 (ISO-8859-1).
/// </summary>
internal sealed record TextSample(string Text, bool Complete, long SampledBytes, long StoredBytesRead, long FileSize)
{
    /// <summary>The encoding's name (Java's charset names, as Hive's <c>serialization.encoding</c> takes them: <c>UTF-8</c>, <c>UTF-16LE</c>, <c>UTF-16BE</c>, <c>ISO-8859-1</c>).</summary>
    public string Encoding { get; init; } = "UTF-8";

    public static TextSample Read(FileSource source, string path, string compression, int maxBytes)
    {
        // An uncompressed local file is read straight into the sample's buffer, without a buffer of the stream's own.
        using var file = source.OpenRead(path, source == FileSource.Local && compression == Compression.None ? 1 : 1 << 16);
        return Read(file, compression, maxBytes);
    }

    /// <summary>The sample of a file opened as <paramref name="file"/> (a seekable stream of its stored bytes, read from its start).</summary>
    public static TextSample Read(Stream file, string compression, int maxBytes)
    {
        using var stream = Compression.Decompress(file, compression, leaveOpen: true);
        // An uncompressed file needs no more than its size; a compressed one grows the buffer as it decompresses.
        var limit = maxBytes + 1;
        var buffer = new byte[compression == Compression.None ? (int)Math.Min(limit, file.Length + 1) : Math.Min(limit, 1 << 16)];
        var total = 0;
        int read;
        while ((read = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += read;
            if (total == buffer.Length)
            {
                if (buffer.Length == limit)
                {
                    break;
                }

                Array.Resize(ref buffer, (int)Math.Min(limit, buffer.Length * 2L));
            }
        }

        var complete = total <= maxBytes;
        var length = Math.Min(total, maxBytes);
        var bytes = buffer.AsSpan(0, length);
        var (text, encoding) = Decode(bytes, complete);
        return new TextSample(text, complete, length, complete ? file.Length : file.Position, file.Length) { Encoding = encoding };
    }

    /// <summary>The encoding a loader reads a file with, from the name a sample recorded.</summary>
    public static Encoding EncodingOf(string? name) => name switch
    {
        "UTF-16LE" => System.Text.Encoding.Unicode,
        "UTF-16BE" => System.Text.Encoding.BigEndianUnicode,
        "ISO-8859-1" => System.Text.Encoding.Latin1,
        _ => System.Text.Encoding.UTF8,
    };

    /// <summary>Estimates a file's record count from the records found in the sample.</summary>
    public long EstimateRecords(long sampledRecords) =>
        Complete || StoredBytesRead == 0 ? sampledRecords : (long)Math.Round(sampledRecords * (double)FileSize / StoredBytesRead);

    private static (string Text, string Encoding) Decode(ReadOnlySpan<byte> bytes, bool complete)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (System.Text.Encoding.UTF8.GetString(bytes[3..]), "UTF-8");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (System.Text.Encoding.Unicode.GetString(bytes[2..]), "UTF-16LE");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (System.Text.Encoding.BigEndianUnicode.GetString(bytes[2..]), "UTF-16BE");
        }

        // A sample cut short may end inside a UTF-8 sequence: check only up to the last character that starts in it.
        var checkedLength = bytes.Length;
        if (!complete)
        {
            while (checkedLength > 0 && bytes.Length - checkedLength < 4 && (bytes[checkedLength - 1] & 0xC0) == 0x80)
            {
                checkedLength--;
            }

            checkedLength = Math.Max(0, checkedLength - 1);
        }

        return System.Text.Unicode.Utf8.IsValid(bytes[..checkedLength])
            ? (System.Text.Encoding.UTF8.GetString(bytes), "UTF-8")
            : (System.Text.Encoding.Latin1.GetString(bytes), "ISO-8859-1");
    }
}
