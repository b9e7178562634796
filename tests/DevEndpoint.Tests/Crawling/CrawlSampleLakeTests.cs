using DevEndpoint.Catalog;

namespace DevEndpoint.Tests.Crawling;

public sealed class CrawlSampleLakeTests
{
    [Fact]
    public async Task Crawl_creates_one_table_per_folder_of_compatible_files()
    {
        using var lake = await CrawledSampleLake.CreateAsync();

        Assert.Equal(
            new[] { "customers created json", "orders created csv", "products created parquet" },
            lake.Result.Tables.Select(t => $"{t.Name} {t.Change.ToString().ToLowerInvariant()} {t.Classification}"));
        Assert.Equal(new[] { "customers", "orders", "products" }, lake.Catalog.GetTables("sales").Select(t => t.Name));
        Assert.Equal(lake.LakePath + "/", lake.Catalog.GetDatabase("sales").LocationUri);
    }

    [Fact]
    public async Task Crawl_infers_the_orders_columns_and_partition_keys_from_the_csv_files()
    {
        using var lake = await CrawledSampleLake.CreateAsync();

        var orders = lake.Catalog.GetTable(TableName.Parse("sales.orders"));

        Assert.Equal(
            new[] { "order_id int", "customer_id int", "order_date date", "amount decimal(10,2)", "status string", "note string" },
            orders.StorageDescriptor.Columns.Select(c => $"{c.Name} {c.Type}"));
        Assert.Equal(new[] { "year string", "month string" }, orders.PartitionKeys.Select(c => $"{c.Name} {c.Type}"));
        Assert.Equal(Path.Combine(lake.LakePath, "orders") + "/", orders.StorageDescriptor.Location);
        Assert.Equal(StorageFormats.OpenCsvSerDe, orders.StorageDescriptor.SerdeInfo.SerializationLibrary);
        Assert.Equal(",", orders.StorageDescriptor.SerdeInfo.Parameters["separatorChar"]);
        Assert.Equal("\"", orders.StorageDescriptor.SerdeInfo.Parameters["quoteChar"]);
        Assert.False(orders.StorageDescriptor.Compressed);
    }

    [Fact]
    public async Task Crawl_records_one_partition_per_hive_partitioned_folder()
    {
        using var lake = await CrawledSampleLake.CreateAsync();

        var partitions = lake.Catalog.GetPartitions(TableName.Parse("sales.orders"));

        Assert.Equal(
            new[] { "2023/11", "2023/12", "2024/01", "2024/02", "2024/03" },
            partitions.Select(p => string.Join('/', p.Values)));
        Assert.All(partitions, p =>
        {
            Assert.Equal(Path.Combine(lake.LakePath, "orders", $"year={p.Values[0]}", $"month={p.Values[1]}") + "/", p.StorageDescriptor.Location);
            Assert.Equal("40", p.Parameters["recordCount"]);
            Assert.Equal("1", p.Parameters["objectCount"]);
        });
        var orders = Assert.Single(lake.Result.Tables, t => t.Name == "orders");
        Assert.Equal((5, 5, 5, 200L), (orders.Partitions, orders.PartitionsAdded, orders.Files, orders.RecordCount));
    }

    [Fact]
    public async Task Crawl_sets_the_glue_table_parameters_of_each_format()
    {
        using var lake = await CrawledSampleLake.CreateAsync();
        var tables = lake.Catalog.GetTables("sales").ToDictionary(t => t.Name);

        AssertParameters(tables["orders"], ("classification", "csv"), ("compressionType", "none"), ("delimiter", ","), ("skip.header.line.count", "1"), ("objectCount", "5"), ("recordCount", "200"));
        AssertParameters(tables["customers"], ("classification", "json"), ("compressionType", "gzip"), ("objectCount", "1"), ("recordCount", "30"));
        AssertParameters(tables["products"], ("classification", "parquet"), ("compressionType", "none"), ("objectCount", "1"), ("recordCount", "8"));
        Assert.All(tables.Values, t => Assert.Equal(lake.Result.Run.RunId, t.Parameter(CatalogUpdate.CrawlRunIdParameter)));
        Assert.Null(tables["customers"].Parameter("delimiter"));
        Assert.True(tables["customers"].StorageDescriptor.Compressed);
    }

    [Fact]
    public async Task Crawl_types_nested_json_fields_as_structs_and_arrays()
    {
        using var lake = await CrawledSampleLake.CreateAsync();

        var customers = lake.Catalog.GetTable(TableName.Parse("sales.customers"));

        Assert.Equal(
            new[] { "customer_id int", "name string", "tier string", "signup_date date", "address struct<city:string,zip:string>", "tags array<string>" },
            customers.StorageDescriptor.Columns.Select(c => $"{c.Name} {c.Type}"));
        Assert.Equal(StorageFormats.JsonSerDe, customers.StorageDescriptor.SerdeInfo.SerializationLibrary);
        Assert.Empty(customers.PartitionKeys);
    }

    [Fact]
    public async Task Crawl_types_parquet_columns_by_their_logical_types()
    {
        using var lake = await CrawledSampleLake.CreateAsync();

        var products = lake.Catalog.GetTable(TableName.Parse("sales.products"));

        Assert.Equal(
            new[] { "product_id int", "name string", "price decimal(10,2)", "in_stock boolean", "launched date" },
            products.StorageDescriptor.Columns.Select(c => $"{c.Name} {c.Type}"));
        Assert.Equal(StorageFormats.ParquetInputFormat, products.StorageDescriptor.InputFormat);
    }

    [Fact]
    public async Task Crawl_reports_marker_files_as_skipped_with_the_reason()
    {
        using var lake = await CrawledSampleLake.CreateAsync();

        Assert.Equal(
            new[] { "2023/month=11", "2023/month=12", "2024/month=01", "2024/month=02", "2024/month=03" }.Select(p => $"orders/year={p}/_SUCCESS"),
            lake.Result.SkippedFiles.Select(s => s.Path));
        Assert.All(
            lake.Result.SkippedFiles,
            s => Assert.Equal("hidden or marker file: names starting with '.' or '_' do not hold data", s.Reason));
    }

    [Fact]
    public async Task Crawl_records_the_run_in_the_crawl_history()
    {
        using var lake = await CrawledSampleLake.CreateAsync();

        var run = Assert.Single(lake.Catalog.GetCrawlRuns("sales"));

        Assert.Equal(lake.Result.Run.RunId, run.RunId);
        Assert.Equal(lake.LakePath + "/", run.Location);
        Assert.Equal((7, 5, 0), (run.FilesScanned, run.FilesSkipped, run.FilesExcluded));
        Assert.Equal((3, 0, 0, 5), (run.TablesCreated, run.TablesUpdated, run.TablesUnchanged, run.PartitionsAdded));
        Assert.True(run.EndTime >= run.StartTime);
    }

    private static void AssertParameters(CatalogTable table, params (string Key, string Value)[] expected)
    {
        foreach (var (key, value) in expected)
        {
            Assert.True(table.Parameters.TryGetValue(key, out var actual), $"Table {table.Name} has no parameter '{key}'.");
            Assert.Equal(value, actual);
        }
    }
}
