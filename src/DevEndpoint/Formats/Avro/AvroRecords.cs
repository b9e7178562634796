using System.Text;
using System.Text.Json;

namespace DevEndpoint.Formats.Avro;

/// <summary>
/// The whole of a small Avro object container file read at once: its header metadata (as text) and every record with
/// its values as stored (<see cref="AvroDatum.CompileRaw"/>). For the metadata files of table formats (Iceberg's
/// manifest lists and manifests), which are read whole and whose readers know the logical types themselves.
/// </summary>
internal sealed class AvroRecords
{
    private const int SyncLength = 16;

    private AvroRecords(IReadOnlyDictionary<string, string> metadata, IReadOnlyList<Dictionary<string, object?>> records)
    {
        Metadata = metadata;
        Records = records;
    }

    /// <summary>The header's metadata entries, as UTF-8 text (<c>avro.schema</c>, <c>avro.codec</c> and any the writer added).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>The records, fields by their own names.</summary>
    public IReadOnlyList<Dictionary<string, object?>> Records { get; }

    /// <summary>Reads a container file, <paramref name="path"/>, from a seekable stream; a file that is not a readable Avro container throws <see cref="InvalidDataException"/> saying why.</summary>
    public static AvroRecords Read(Stream file, string path)
    {
        var header = new AvroBinaryReader(file);
        var magic = new byte[AvroContainer.Magic.Length];
        file.ReadExactly(magic);
        if (!magic.AsSpan().SequenceEqual(AvroContainer.Magic))
        {
            throw new InvalidDataException("it does not start with Avro's magic bytes");
        }

        var metadata = header.ReadMetadata().ToDictionary(e => e.Key, e => Encoding.UTF8.GetString(e.Value), StringComparer.Ordinal);
        if (!metadata.TryGetValue("avro.schema", out var schemaText))
        {
            throw new InvalidDataException("its header has no avro.schema entry");
        }

        using var schemaJson = JsonDocument.Parse(schemaText);
        var schema = AvroDatum.CompileRaw(schemaJson.RootElement);
        var codec = metadata.GetValueOrDefault("avro.codec", "null");
        var sync = new byte[SyncLength];
        file.ReadExactly(sync);
        var records = new List<Dictionary<string, object?>>();
        while (file.Position < file.Length)
        {
            var count = header.ReadLong();
            var size = header.ReadLong();
            if (count < 0 || size < 0 || size + SyncLength > file.Length - file.Position)
            {
                throw new InvalidDataException($"a block at byte {file.Position} has a record count of {count} and a size of {size}: the file is damaged or truncated");
            }

            var stored = new byte[size + SyncLength];
            file.ReadExactly(stored);
            if (!stored.AsSpan((int)size).SequenceEqual(sync))
            {
                throw new InvalidDataException($"the block ending at byte {file.Position} is not followed by the file's sync marker");
            }

            var block = new AvroDatum.BlockReader(AvroRowReader.Decompress(path, codec, stored.AsSpan(0, (int)size)));
            for (var i = 0; i < count; i++)
            {
                records.Add(schema.Read(block) as Dictionary<string, object?> ?? throw new InvalidDataException("its schema is not a record"));
            }
        }

        return new AvroRecords(metadata, records);
    }
}
