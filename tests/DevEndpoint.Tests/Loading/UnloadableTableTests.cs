using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Loading;
using DevEndpoint.Tests.Formats.Orc;

namespace DevEndpoint.Tests.Loading;

/// <summary>Tables the loader cannot read say so before any file is opened, and what to do.</summary>
public sealed class UnloadableTableTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly DataCatalog catalog;

    public UnloadableTableTests()
    {
        catalog = DataCatalog.Open(temp.Combine("catalog.db"));
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task An_orc_table_says_orc_data_cannot_be_loaded_yet_and_to_convert_it_to_parquet()
    {
        Directory.CreateDirectory(temp.Combine("lake", "events"));
        File.WriteAllBytes(temp.Combine("lake", "events", "part-0.orc"), OrcFiles.Build([new OrcFiles.OrcType(12, [1], ["id"]), new OrcFiles.OrcType(3)], 10));
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" });

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => new TableLoader(catalog).LoadAsync("lake.events"));

        Assert.Equal(
            "Table lake.events is classified as 'orc', which cannot be loaded yet: DevEndpoint reads the schema of ORC files but not their data. "
            + "Convert the files to Parquet (for example with pyarrow: pyarrow.parquet.write_table(pyarrow.orc.read_table('f.orc'), 'f.parquet')), crawl the Parquet files and load that table.",
            error.Message);
    }

    [Fact]
    public async Task A_table_of_another_classification_lists_what_can_be_loaded()
    {
        var folder = Directory.CreateDirectory(temp.Combine("lake", "events")).FullName;
        catalog.Update(u =>
        {
            u.EnsureDatabase(new Database { Name = "lake" });
            u.PutTable(new CatalogTable
            {
                Name = "events",
                DatabaseName = "lake",
                Parameters = new Dictionary<string, string> { ["classification"] = "ion" },
                StorageDescriptor = new StorageDescriptor { Location = folder, Columns = [new Column("id", "int")] },
            });
        });

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => new TableLoader(catalog).LoadAsync("lake.events"));

        Assert.Equal(
            "Table lake.events is classified as 'ion', which cannot be loaded yet. "
            + "Loadable: avro, csv, json, parquet, xml, the logs combined_apache, apache and linux_kernel, and the tables of custom grok and XML classifiers.",
            error.Message);
    }
}
