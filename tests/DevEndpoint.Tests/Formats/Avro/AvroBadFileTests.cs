using DevEndpoint.Formats;

namespace DevEndpoint.Tests.Formats.Avro;

public sealed class AvroBadFileTests
{
    private const string Tail = ". Replace or exclude it; the other files are still catalogued.";

    public static TheoryData<byte[], string> BrokenHeaders => new()
    {
        { "Obj\u0001"u8.ToArray(), "not a readable Avro file (its header ends before its metadata does: it is truncated)" + Tail },
        { AvroFiles.Container("""{"type": "record", "name": "r", "fields": [{"name": "a", "type": "int"}]}""")[..40], "not a readable Avro file (its header ends before its metadata does: it is truncated)" + Tail },
        { AvroFiles.Container("{\"type\": \"record\""), "not a readable Avro file (its avro.schema is not valid JSON: Expected depth to be zero at the end of the JSON payload)" + Tail },
        { AvroFiles.Container("\"int\""), "not a readable Avro file (its schema is the JSON string \"int\", not a record; only records make table rows)" + Tail },
        { AvroFiles.Container("""{"type": "record", "name": "r", "fields": [{"name": "a", "type": "Missing"}]}"""), "not a readable Avro file (its schema names the type 'Missing', which it does not define)" + Tail },
        { AvroFiles.Container("""{"type": "record", "name": "r"}"""), "not a readable Avro file (its schema has an object without \"fields\")" + Tail },
        { [.. "Obj\u0001"u8, 0x02, 0x06, .. "abc"u8, 0x02, 0x78, 0x00, .. new byte[16]], "not a readable Avro file (its header has no avro.schema entry)" + Tail },
    };

    [Theory]
    [MemberData(nameof(BrokenHeaders))]
    public async Task A_broken_avro_header_is_a_bad_file_with_its_reason(byte[] content, string reason)
    {
        using var folder = new TempFolder();
        var path = folder.Combine("broken.avro");
        File.WriteAllBytes(path, content);

        var error = await Assert.ThrowsAsync<BadFileException>(() => FileClassifier.ClassifyAsync(path, new SampleOptions()));

        Assert.Equal(reason, error.Reason);
    }

    [Fact]
    public async Task A_truncated_last_block_leaves_the_whole_blocks_counted()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("cut.avro");
        var bytes = AvroFiles.Container("""{"type": "record", "name": "r", "fields": [{"name": "a", "type": "int"}]}""", 5, 6);
        File.WriteAllBytes(path, bytes[..^10]);

        var schema = await FileClassifier.ClassifyAsync(path, new SampleOptions());

        Assert.Equal(5, schema!.RecordCount);
    }
}
