using DevEndpoint.Formats;

namespace DevEndpoint.Tests.Formats.Orc;

public sealed class OrcTests
{
    [Fact]
    public async Task An_orc_file_is_recognised_by_its_magic_and_reported_as_unreadable_yet()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("data.bin");
        File.WriteAllBytes(path, [.. "ORC"u8, 0x0a, 0x00, 0x11, 0x22, 0x08, 0x00, 0x82, 0xf4, 0x03, 0x03, .. "ORC"u8, 0x09]);

        var error = await Assert.ThrowsAsync<BadFileException>(() => FileClassifier.ClassifyAsync(path, new SampleOptions()));

        Assert.Equal(
            "ORC schema reading is not supported yet; the file is recognised as ORC by its magic bytes, but its columns cannot be read. Convert it to Parquet, or leave it out with --exclude.",
            error.Reason);
    }

    [Fact]
    public async Task A_csv_file_whose_header_starts_with_orc_is_not_orc()
    {
        using var folder = new TempFolder();
        var path = folder.Write("orcs.csv", "ORC,count\nmoria,12\nmordor,40\n");

        var schema = await FileClassifier.ClassifyAsync(path, new SampleOptions());

        Assert.Equal("csv", schema!.Classification);
    }
}
