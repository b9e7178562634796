using System.IO.Compression;
using Snappier;
using ZstdSharp;

namespace DevEndpoint.Formats.Orc;

/// <summary>
/// The end of an ORC file: the postscript (uncompressed; its length is the file's last byte) gives the footer's
/// length and compression, and the footer, in compression chunks, holds the type tree and the row count.
/// </summary>
internal static class OrcTail
{
    private const int MaxFooterLength = 64 << 20;

    public static OrcFooter Read(Stream file)
    {
        file.Seek(-1, SeekOrigin.End);
        var postscriptLength = file.ReadByte();
        if (postscriptLength <= 0 || postscriptLength + 1 > file.Length)
        {
            throw new InvalidDataException($"its postscript length {postscriptLength} does not fit the file");
        }

        var postscript = new byte[postscriptLength];
        file.Seek(-1 - postscriptLength, SeekOrigin.End);
        file.ReadExactly(postscript);
        var (footerLength, compression) = Postscript(postscript);
        if (footerLength > MaxFooterLength || (long)footerLength + postscriptLength + 1 > file.Length)
        {
            throw new InvalidDataException($"its footer length {footerLength} does not fit the file");
        }

        var footer = new byte[footerLength];
        file.Seek(-1 - postscriptLength - (long)footerLength, SeekOrigin.End);
        file.ReadExactly(footer);
        return OrcFooter.Parse(Decompress(footer, compression));
    }

    private static (ulong FooterLength, string Compression) Postscript(ReadOnlySpan<byte> bytes)
    {
        var reader = new ProtobufReader(bytes);
        var (footerLength, compression) = (0UL, "none");
        while (reader.Next(out var field, out var wireType))
        {
            switch (field)
            {
                case 1 when wireType == 0: footerLength = reader.ReadVarint(); break;
                case 2 when wireType == 0: compression = CompressionName(reader.ReadVarint()); break;
                default: reader.Skip(wireType); break;
            }
        }

        return (footerLength, compression);
    }

    private static string CompressionName(ulong kind) => kind switch
    {
        0 => "none",
        1 => "zlib",
        2 => "snappy",
        3 => "lzo",
        4 => "lz4",
        5 => "zstd",
        _ => $"compression kind {kind}",
    };

    /// <summary>Joins the footer's compression chunks: each has a 3-byte header holding its length and whether it is stored as is.</summary>
    private static byte[] Decompress(byte[] footer, string compression)
    {
        if (compression == "none")
        {
            return footer;
        }

        if (compression is not ("zlib" or "snappy" or "zstd"))
        {
            throw new NotSupportedException($"ORC schema reading is not supported yet for {compression}-compressed footers");
        }

        var output = new MemoryStream();
        for (var position = 0; position < footer.Length;)
        {
            if (position + 3 > footer.Length)
            {
                throw new InvalidDataException("its footer ends inside a compression chunk header");
            }

            var header = footer[position] | (footer[position + 1] << 8) | (footer[position + 2] << 16);
            var (length, original) = (header >> 1, (header & 1) == 1);
            position += 3;
            if (length > footer.Length - position)
            {
                throw new InvalidDataException("its footer ends inside a compression chunk");
            }

            var chunk = footer.AsSpan(position, length);
            output.Write(original ? chunk : Inflate(chunk, compression));
            position += length;
        }

        return output.ToArray();
    }

    private static byte[] Inflate(ReadOnlySpan<byte> chunk, string compression)
    {
        switch (compression)
        {
            case "zlib":
                using (var deflate = new DeflateStream(new MemoryStream(chunk.ToArray()), CompressionMode.Decompress))
                {
                    var inflated = new MemoryStream();
                    deflate.CopyTo(inflated);
                    return inflated.ToArray();
                }

            case "snappy":
                return Snappy.DecompressToArray(chunk);
            default:
                using (var zstd = new Decompressor())
                {
                    return zstd.Unwrap(chunk).ToArray();
                }
        }
    }
}
