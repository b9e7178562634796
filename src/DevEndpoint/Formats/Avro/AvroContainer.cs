using System.Text.Json;
using DevEndpoint.Catalog;

namespace DevEndpoint.Formats.Avro;

/// <summary>
/// Reads an Avro object container file's header (magic, metadata map with <c>avro.schema</c>, sync marker) and walks
/// its block headers to count records without decoding them.
/// </summary>
internal static class AvroContainer
{
    public static readonly byte[] Magic = "Obj\u0001"u8.ToArray();

    private const int SyncLength = 16;
    private const int MaxBlocksWalked = 100_000;

    public static FileSchema ReadSchema(FileProbe probe)
    {
        var path = probe.Path;
        using var file = probe.OpenRead(1 << 12);
        var reader = new AvroBinaryReader(file);
        IReadOnlyList<Column> columns;
        try
        {
            file.Seek(Magic.Length, SeekOrigin.Begin);
            var metadata = reader.ReadMetadata();
            if (!metadata.TryGetValue("avro.schema", out var schemaBytes))
            {
                throw new InvalidDataException("its header has no avro.schema entry");
            }

            using var schema = JsonDocument.Parse(schemaBytes);
            columns = AvroTypes.Columns(schema.RootElement);
            reader.Skip(SyncLength);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or JsonException or ArgumentException)
        {
            throw new BadFileException(path, $"not a readable Avro file ({Reason(e)}). Replace or exclude it; the other files are still catalogued.", e);
        }

        var start = file.Position;
        var (records, walkedAll) = CountRecords(file, reader);
        var estimate = walkedAll || file.Position <= start ? records : (long)Math.Round(records * (double)(file.Length - start) / (file.Position - start));
        return new FileSchema
        {
            Classification = "avro",
            Columns = columns,
            RecordCount = estimate,
            AverageRecordSize = estimate == 0 ? 0 : file.Length / estimate,
            SizeBytes = file.Length,
        };
    }

    /// <summary>
    /// Adds up the record counts of the blocks, stopping at a damaged block (the count is then of the whole blocks
    /// before it), or after <see cref="MaxBlocksWalked"/> blocks (the count is then extrapolated).
    /// </summary>
    private static (long Records, bool WalkedAll) CountRecords(Stream file, AvroBinaryReader reader)
    {
        var records = 0L;
        try
        {
            for (var block = 0; file.Position < file.Length; block++)
            {
                if (block == MaxBlocksWalked)
                {
                    return (records, false);
                }

                var count = reader.ReadLong();
                var size = reader.ReadLong();
                if (count < 0 || size < 0 || file.Position + size + SyncLength > file.Length)
                {
                    break;
                }

                reader.Skip(size + SyncLength);
                records += count;
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            // A damaged block ends the count: the schema is still good, and loading will report the damage.
        }

        return (records, true);
    }

    private static string Reason(Exception e) => e switch
    {
        EndOfStreamException => "its header ends before its metadata does: it is truncated",
        JsonException json => $"its avro.schema is not valid JSON: {json.Message.Split(". ")[0].TrimEnd('.')}",
        _ => e.Message.TrimEnd('.'),
    };
}
