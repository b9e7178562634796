using System.IO.Compression;
using System.Text;

namespace DevEndpoint.Tests.Formats.Orc;

/// <summary>Writes the tail of an ORC file by hand, following the ORC specification: footer (types, row count), postscript, postscript length.</summary>
internal static class OrcFiles
{
    /// <summary>A type of the footer's type tree: kind (ORC's enum), children by index, field names, and length/precision/scale.</summary>
    public sealed record OrcType(int Kind, int[]? Subtypes = null, string[]? Names = null, int Length = 0, int Precision = 0, int Scale = 0);

    public static byte[] Build(IReadOnlyList<OrcType> types, long rows, int compression = 0)
    {
        var footer = new List<byte>();
        foreach (var type in types)
        {
            Bytes(footer, 4, TypeMessage(type));
        }

        Varint(footer, 6, (ulong)rows);
        var stored = compression == 1 ? ZlibChunk([.. footer]) : [.. footer];
        var postscript = new List<byte>();
        Varint(postscript, 1, (ulong)stored.Length);
        Varint(postscript, 2, (ulong)compression);
        Varint(postscript, 3, 262144);
        Bytes(postscript, 8000, "ORC"u8.ToArray());
        return [.. "ORC"u8, 0, 0, 0, .. stored, .. postscript, (byte)postscript.Count];
    }

    private static byte[] TypeMessage(OrcType type)
    {
        var message = new List<byte>();
        Varint(message, 1, (ulong)type.Kind);
        if (type.Subtypes is { Length: > 0 } subtypes)
        {
            var packed = new List<byte>();
            foreach (var subtype in subtypes)
            {
                Raw(packed, (ulong)subtype);
            }

            Bytes(message, 2, [.. packed]);
        }

        foreach (var name in type.Names ?? [])
        {
            Bytes(message, 3, Encoding.UTF8.GetBytes(name));
        }

        if (type.Length > 0)
        {
            Varint(message, 4, (ulong)type.Length);
        }

        if (type.Precision > 0)
        {
            Varint(message, 5, (ulong)type.Precision);
            Varint(message, 6, (ulong)type.Scale);
        }

        return [.. message];
    }

    private static byte[] ZlibChunk(byte[] footer)
    {
        var deflated = new MemoryStream();
        using (var deflate = new DeflateStream(deflated, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(footer);
        }

        var header = (int)deflated.Length << 1;
        return [(byte)header, (byte)(header >> 8), (byte)(header >> 16), .. deflated.ToArray()];
    }

    private static void Varint(List<byte> message, int field, ulong value)
    {
        Raw(message, (ulong)field << 3);
        Raw(message, value);
    }

    private static void Bytes(List<byte> message, int field, byte[] value)
    {
        Raw(message, ((ulong)field << 3) | 2);
        Raw(message, (ulong)value.Length);
        message.AddRange(value);
    }

    private static void Raw(List<byte> message, ulong value)
    {
        while (value >= 0x80)
        {
            message.Add((byte)(value | 0x80));
            value >>= 7;
        }

        message.Add((byte)value);
    }
}
