using DevEndpoint.Catalog;

namespace DevEndpoint.Tests.Formats.Avro;

public sealed class AvroCrawlTests
{
    [Fact]
    public async Task Crawled_avro_files_make_an_avro_table_that_loads_the_records_of_every_file()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Combine("plain"));
        foreach (var codec in new[] { "bzip2", "snappy" })
        {
            File.Copy(Corpora.Path("arrow-testing", "data", "avro", $"alltypes_plain.{codec}.avro"), folder.Combine("plain", $"{codec}.avro"));
        }

        using var crawled = await CrawledFolder.CreateAsync(folder.Path, "lake");
        var table = crawled.Table("plain");
        var frame = (await crawled.LoadAsync("plain")).Frame;

        Assert.Equal(("avro", "16"), (table.Parameter("classification"), table.Parameter("recordCount")));
        Assert.Equal(
            (StorageFormats.AvroInputFormat, StorageFormats.AvroOutputFormat, StorageFormats.AvroSerDe),
            (table.StorageDescriptor.InputFormat, table.StorageDescriptor.OutputFormat, table.StorageDescriptor.SerdeInfo.SerializationLibrary));
        Assert.Equal(11, table.StorageDescriptor.Columns.Count);
        Assert.Equal((16, 11), (frame.Rows.Count, frame.Columns.Count));
    }
}
