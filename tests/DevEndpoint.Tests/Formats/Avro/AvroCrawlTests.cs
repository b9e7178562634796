using DevEndpoint.Catalog;

namespace DevEndpoint.Tests.Formats.Avro;

public sealed class AvroCrawlTests
{
    [Fact]
    public async Task Crawled_avro_files_make_an_avro_table_that_says_it_cannot_be_loaded_yet()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Combine("plain"));
        foreach (var codec in new[] { "bzip2", "snappy" })
        {
            File.Copy(Corpora.Path("arrow-testing", "data", "avro", $"alltypes_plain.{codec}.avro"), folder.Combine("plain", $"{codec}.avro"));
        }

        using var crawled = await CrawledFolder.CreateAsync(folder.Path, "lake");
        var table = crawled.Table("plain");
        var error = await Assert.ThrowsAsync<DevEndpointException>(() => crawled.LoadAsync("plain"));

        Assert.Equal(("avro", "16"), (table.Parameter("classification"), table.Parameter("recordCount")));
        Assert.Equal(
            (StorageFormats.AvroInputFormat, StorageFormats.AvroOutputFormat, StorageFormats.AvroSerDe),
            (table.StorageDescriptor.InputFormat, table.StorageDescriptor.OutputFormat, table.StorageDescriptor.SerdeInfo.SerializationLibrary));
        Assert.Equal(11, table.StorageDescriptor.Columns.Count);
        Assert.Equal("Table lake.plain is classified as 'avro', which cannot be loaded yet. Loadable classifications: csv, json, parquet.", error.Message);
    }
}
