using System.Text;
using DevEndpoint.Catalog;

namespace DevEndpoint.Tests.Crawling;

public sealed class CrawlBadFileTests
{
    private const string UnreadableParquetStart = "not a readable Parquet file (";
    private const string UnreadableParquetEnd = "). Replace or exclude it; the other files are still catalogued.";

    [Fact]
    public async Task A_corrupt_parquet_file_beside_a_good_one_is_skipped_with_its_reason()
    {
        using var lake = await CrawledSampleLake.CreateAsync();
        WriteCorruptParquet(lake, "lake/products/broken.parquet");

        var result = await lake.CrawlAsync();

        var skipped = Assert.Single(result.SkippedFiles, s => s.Path == "products/broken.parquet");
        Assert.StartsWith(UnreadableParquetStart, skipped.Reason, StringComparison.Ordinal);
        Assert.EndsWith(UnreadableParquetEnd, skipped.Reason, StringComparison.Ordinal);
        var products = lake.Catalog.GetTable(TableName.Parse("sales.products"));
        Assert.Equal(("1", "8"), (products.Parameter("objectCount"), products.Parameter("recordCount")));
        Assert.Equal(5, products.StorageDescriptor.Columns.Count);
    }

    [Fact]
    public async Task A_folder_holding_only_a_corrupt_parquet_file_makes_no_table()
    {
        using var lake = await CrawledSampleLake.CreateAsync();
        WriteCorruptParquet(lake, "lake/returns/returns.parquet");

        var result = await lake.CrawlAsync();

        var skipped = Assert.Single(result.SkippedFiles, s => s.Path == "returns/returns.parquet");
        Assert.StartsWith(UnreadableParquetStart, skipped.Reason, StringComparison.Ordinal);
        Assert.Equal(new[] { "customers", "orders", "products" }, lake.Catalog.GetTables("sales").Select(t => t.Name));
    }

    [Fact]
    public async Task Loading_a_table_with_a_corrupt_parquet_file_names_the_file_until_it_is_excluded()
    {
        using var lake = await CrawledSampleLake.CreateAsync();
        var broken = WriteCorruptParquet(lake, "lake/products/broken.parquet");
        await lake.CrawlAsync();

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => lake.LoadAsync("sales.products"));
        await lake.CrawlAsync("products/broken.parquet");
        var loaded = await lake.LoadAsync("sales.products");

        Assert.StartsWith($"{broken}: cannot be read as Parquet (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("). Replace the file, or leave it out with --exclude and crawl again.", error.Message, StringComparison.Ordinal);
        Assert.Equal(8, loaded.Frame.Rows.Count);
    }

    [Theory]
    [InlineData("customers/empty.json", "", "the file is empty.")]
    [InlineData("notes/readme.txt", "just one line of prose\n", "UNKNOWN classification: no classifier recognised it (tried avro, orc, parquet, json, xml, combined_apache, apache, linux_kernel, csv)")]
    [InlineData("events/events.json", "{\"a\":1}\n[1,2]\n", "line 2 holds a JSON array, not an object. Each line of a JSON lines file must be one object.")]
    public async Task An_unusable_text_file_is_skipped_with_its_reason(string path, string content, string reason)
    {
        using var lake = await CrawledSampleLake.CreateAsync();
        lake.Temp.Write("lake/" + path, content);

        var result = await lake.CrawlAsync();

        Assert.Equal(reason, Assert.Single(result.SkippedFiles, s => s.Path == path).Reason);
    }

    [Fact]
    public async Task A_line_of_invalid_json_is_skipped_with_its_line_and_column()
    {
        using var lake = await CrawledSampleLake.CreateAsync();
        lake.Temp.Write("lake/events/events.json", "{\"a\":1}\n{\"a\":2,}\n");

        var result = await lake.CrawlAsync();

        var reason = Assert.Single(result.SkippedFiles, s => s.Path == "events/events.json").Reason;
        Assert.StartsWith("line 2, column 8: invalid JSON (", reason, StringComparison.Ordinal);
        Assert.EndsWith("). Each line of a JSON lines file must be one object.", reason, StringComparison.Ordinal);
    }

    private static string WriteCorruptParquet(CrawledSampleLake lake, string relativePath)
    {
        var path = lake.Temp.Write(relativePath, string.Empty);
        File.WriteAllBytes(path, Encoding.ASCII.GetBytes("PAR1" + new string('x', 200) + "garbage, not a footer" + "PAR1"));
        return path;
    }
}
