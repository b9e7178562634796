using System.IO.Compression;
using System.Text;
using System.Text.Json;
using DevEndpoint.Catalog;
using ICSharpCode.SharpZipLib.BZip2;
using Snappier;
using ZstdSharp;

namespace DevEndpoint.Formats.Avro;

/// <summary>Avro object container files: each block decompressed with the file's codec and its records decoded with the file's schema.</summary>
internal sealed class AvroRowReader : FormatReader
{
    private const int SyncLength = 16;

    protected override bool IsUnreadable(Exception exception) => exception is InvalidDataException or IOException or JsonException or KeyNotFoundException;

    protected override async Task<IReadOnlyList<ReadPart>> ReadPartsAsync(
        string path, CatalogTable table, Func<List<ColumnSink>> newColumns, ReadContext context, CancellationToken cancellationToken)
    {
        var part = new ReadPart(newColumns());
        part.Rows = await ReadRowsAsync(path, table, part.Columns, context.Limit, cancellationToken);
        return [part];
    }

    private static async Task<long> ReadRowsAsync(string path, CatalogTable table, IReadOnlyList<ColumnSink> builders, long limit, CancellationToken cancellationToken)
    {
        var leaves = NestedFields.Leaves(table.StorageDescriptor.Columns).DistinctBy(l => l.Column.Name).ToDictionary(l => l.Column.Name);
        var data = builders.Where(b => leaves.ContainsKey(b.Column.Name)).Select(b => (Builder: b, Leaf: leaves[b.Column.Name])).ToList();
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        var header = new AvroBinaryReader(file);
        var magic = new byte[AvroContainer.Magic.Length];
        await file.ReadExactlyAsync(magic, cancellationToken);
        if (!magic.AsSpan().SequenceEqual(AvroContainer.Magic))
        {
            throw new InvalidDataException("it does not start with Avro's magic bytes");
        }

        var metadata = header.ReadMetadata();
        using var schemaJson = JsonDocument.Parse(metadata["avro.schema"]);
        var schema = AvroDatum.Compile(schemaJson.RootElement);
        var codec = metadata.TryGetValue("avro.codec", out var name) ? Encoding.UTF8.GetString(name) : "null";
        var sync = new byte[SyncLength];
        await file.ReadExactlyAsync(sync, cancellationToken);
        var rows = 0L;
        while (rows < limit && file.Position < file.Length)
        {
            var start = file.Position;
            var count = header.ReadLong();
            var size = header.ReadLong();
            if (count < 0 || size < 0)
            {
                throw new InvalidDataException($"its block at byte {start} has a negative record count ({count}) or size ({size})");
            }

            if (size + SyncLength > file.Length - file.Position)
            {
                throw new InvalidDataException($"its block at byte {start} needs {size + SyncLength} bytes, but the file ends {file.Length - file.Position} bytes after its header: it is truncated");
            }

            var stored = new byte[size + SyncLength];
            await file.ReadExactlyAsync(stored, cancellationToken);
            if (!stored.AsSpan((int)size).SequenceEqual(sync))
            {
                throw new InvalidDataException($"the block ending at byte {file.Position} is not followed by the file's sync marker");
            }

            var block = new AvroDatum.BlockReader(Decompress(path, codec, stored.AsSpan(0, (int)size)));
            for (var i = 0; i < count && rows < limit; i++)
            {
                rows++;
                AddRecord(path, rows, schema.Read(block), data);
            }
        }

        return rows;
    }

    internal static byte[] Decompress(string path, string codec, ReadOnlySpan<byte> block)
    {
        switch (codec)
        {
            case "null":
                return block.ToArray();
            case "deflate":
                return Inflate(new DeflateStream(new MemoryStream(block.ToArray()), CompressionMode.Decompress));
            case "bzip2":
                return Inflate(new BZip2InputStream(new MemoryStream(block.ToArray())));
            case "snappy":
                // A snappy block ends with the CRC-32 of the uncompressed data.
                return block.Length < 4 ? throw new InvalidDataException("a snappy block is shorter than its checksum") : Snappy.DecompressToArray(block[..^4]);
            case "zstandard":
                using (var zstd = new Decompressor())
                {
                    return zstd.Unwrap(block).ToArray();
                }

            default:
                throw new DevEndpointException(
                    $"{path}: its Avro blocks are compressed with '{codec}', which cannot be read yet (readable: null, deflate, snappy, bzip2, zstandard). Rewrite the file with one of those, or leave it out with --exclude and crawl again.");
        }
    }

    private static byte[] Inflate(Stream decompressing)
    {
        using (decompressing)
        {
            using var inflated = new MemoryStream();
            decompressing.CopyTo(inflated);
            return inflated.ToArray();
        }
    }

    private static void AddRecord(string path, long record, object? value, List<(ColumnSink Builder, NestedFields.Leaf Leaf)> data)
    {
        foreach (var (builder, leaf) in data)
        {
            var field = value;
            foreach (var name in leaf.Path)
            {
                field = field is Dictionary<string, object?> fields ? fields.GetValueOrDefault(name) : null;
            }

            if (field is Dictionary<string, object?> or List<object?>)
            {
                // An array or map, or a record or list in a union of several types (a string column).
                field = JsonText.Write(field);
            }

            try
            {
                builder.AddValue(field);
            }
            catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
            {
                throw BadValue(path, record, builder.Column, field is byte[] bytes ? Convert.ToBase64String(bytes) : Convert.ToString(field, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
            }
        }
    }
}
