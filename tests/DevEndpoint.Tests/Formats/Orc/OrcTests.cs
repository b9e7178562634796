using DevEndpoint.Catalog;
using DevEndpoint.Formats;
using OrcType = DevEndpoint.Tests.Formats.Orc.OrcFiles.OrcType;

namespace DevEndpoint.Tests.Formats.Orc;

public sealed class OrcTests
{
    private static readonly OrcType[] Types =
    [
        new(12, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 14, 15, 16, 18], ["Id", "big", "name", "price", "code", "flag", "at", "day", "tags", "scores", "point", "either", "raw", "tiny", "ratio"]),
        new(3), new(4), new(7), new(14, Precision: 10, Scale: 2), new(16, Length: 20), new(17, Length: 3), new(9), new(15),
        new(10, [3]),
        new(11, [11, 19]), new(7),
        new(12, [13], ["ok"]), new(0),
        new(13, [3, 7]),
        new(8), new(1), new(2), new(5), new(6),
    ];

    private static readonly string ExpectedColumns =
        "id int, big bigint, name string, price decimal(10,2), code varchar(20), flag char(3), at timestamp, day date, tags array<string>, "
        + "scores map<string,double>, point struct<ok:boolean>, either string, raw binary, tiny tinyint, ratio float";

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task An_orc_footer_gives_the_columns_and_row_count(int compression)
    {
        using var folder = new TempFolder();
        var path = folder.Combine("data.orc");
        File.WriteAllBytes(path, OrcFiles.Build(Types, 1234, compression));

        var schema = await FileClassifier.ClassifyAsync(path, new SampleOptions());

        Assert.NotNull(schema);
        Assert.Equal(("orc", 1234L), (schema.Classification, schema.RecordCount));
        Assert.Equal(ExpectedColumns, string.Join(", ", schema.Columns.Select(c => $"{c.Name} {c.Type}")));
    }

    [Theory]
    [InlineData(4, "ORC schema reading is not supported yet for lz4-compressed footers; the file is recognised as ORC by its magic bytes, but its columns cannot be read. Convert it to Parquet, or leave it out with --exclude.")]
    [InlineData(3, "ORC schema reading is not supported yet for lzo-compressed footers; the file is recognised as ORC by its magic bytes, but its columns cannot be read. Convert it to Parquet, or leave it out with --exclude.")]
    public async Task An_orc_footer_in_a_codec_not_read_yet_says_so(int compression, string reason)
    {
        using var folder = new TempFolder();
        var path = folder.Combine("data.orc");
        var bytes = OrcFiles.Build(Types, 1, compression);
        File.WriteAllBytes(path, bytes);

        var error = await Assert.ThrowsAsync<BadFileException>(() => FileClassifier.ClassifyAsync(path, new SampleOptions()));

        Assert.Equal(reason, error.Reason);
    }

    [Theory]
    [InlineData(new byte[] { 0x4f, 0x52, 0x43, 0x0a, 0x4f, 0x52, 0x43, 0x60 }, "not a readable ORC file (its postscript length 96 does not fit the file). Replace or exclude it; the other files are still catalogued.")]
    [InlineData(new byte[] { 0x4f, 0x52, 0x43, 0x08, 0x50, 0x82, 0xf4, 0x03, 0x03, 0x4f, 0x52, 0x43, 0x09 }, "not a readable ORC file (its footer length 80 does not fit the file). Replace or exclude it; the other files are still catalogued.")]
    [InlineData(new byte[] { 0x4f, 0x52, 0x43, 0x22, 0x02, 0x08, 0x02, 0x08, 0x04, 0x82, 0xf4, 0x03, 0x03, 0x4f, 0x52, 0x43, 0x09 }, "not a readable ORC file (its footer's first type is not the row struct). Replace or exclude it; the other files are still catalogued.")]
    public async Task A_broken_orc_tail_is_a_bad_file_with_its_reason(byte[] bytes, string reason)
    {
        using var folder = new TempFolder();
        var path = folder.Combine("broken.orc");
        File.WriteAllBytes(path, bytes);

        var error = await Assert.ThrowsAsync<BadFileException>(() => FileClassifier.ClassifyAsync(path, new SampleOptions()));

        Assert.Equal(reason, error.Reason);
    }

    [Fact]
    public async Task A_csv_file_whose_header_starts_with_orc_is_not_orc()
    {
        using var folder = new TempFolder();
        var path = folder.Write("orcs.csv", "ORC,count\nmoria,12\nmordor,40\n");

        var schema = await FileClassifier.ClassifyAsync(path, new SampleOptions());

        Assert.Equal("csv", schema!.Classification);
    }

    [Fact]
    public async Task A_crawled_orc_table_has_the_orc_serde()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Combine("events"));
        File.WriteAllBytes(folder.Combine("events", "part-0.orc"), OrcFiles.Build(Types, 10));
        using var crawled = await CrawledFolder.CreateAsync(folder.Path, "lake");

        var table = crawled.Table("events");

        Assert.Equal(("orc", "10"), (table.Parameter("classification"), table.Parameter("recordCount")));
        Assert.Equal(
            (StorageFormats.OrcInputFormat, StorageFormats.OrcOutputFormat, StorageFormats.OrcSerDe),
            (table.StorageDescriptor.InputFormat, table.StorageDescriptor.OutputFormat, table.StorageDescriptor.SerdeInfo.SerializationLibrary));
    }
}
