using System.Text;

namespace DevEndpoint.Tests.Formats.Avro;

/// <summary>Writes Avro container headers by hand (magic, metadata map, sync marker), with blocks whose records are opaque bytes.</summary>
internal static class AvroFiles
{
    public static byte[] Container(string schema, params int[] blockCounts)
    {
        var bytes = new List<byte>("Obj\u0001"u8.ToArray());
        Long(bytes, 1);
        Text(bytes, "avro.schema");
        Text(bytes, schema);
        Long(bytes, 0);
        var sync = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();
        bytes.AddRange(sync);
        foreach (var count in blockCounts)
        {
            Long(bytes, count);
            Long(bytes, 3);
            bytes.AddRange([0, 0, 0]);
            bytes.AddRange(sync);
        }

        return [.. bytes];
    }

    private static void Long(List<byte> bytes, long value)
    {
        var zigzag = (ulong)((value << 1) ^ (value >> 63));
        while (zigzag >= 0x80)
        {
            bytes.Add((byte)(zigzag | 0x80));
            zigzag >>= 7;
        }

        bytes.Add((byte)zigzag);
    }

    private static void Text(List<byte> bytes, string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        Long(bytes, utf8.Length);
        bytes.AddRange(utf8);
    }
}
