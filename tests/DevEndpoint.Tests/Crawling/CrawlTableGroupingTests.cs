using DevEndpoint.Catalog;
using DevEndpoint.Crawling;

namespace DevEndpoint.Tests.Crawling;

public sealed class CrawlTableGroupingTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Compatible_folders_without_key_value_names_become_partition_0_and_partition_1_of_one_table()
    {
        temp.Write("logs/2024/01/a.csv", "id,kind\n1,click\n");
        temp.Write("logs/2024/02/a.csv", "id,kind\n2,view\n");
        temp.Write("logs/2025/01/a.csv", "id,kind\n3,view\n");

        var result = await CrawlAsync("logs");

        Assert.Equal("logs 3", $"{Assert.Single(result.Tables).Name} {result.Tables[0].Partitions}");
        Assert.Equal(new[] { "partition_0", "partition_1" }, Catalog().GetTable(TableName.Parse("lake.logs")).PartitionKeys.Select(k => k.Name));
        Assert.Equal(
            new[] { "2024/01", "2024/02", "2025/01" },
            Catalog().GetPartitions(TableName.Parse("lake.logs")).Select(p => string.Join('/', p.Values)));
    }

    [Fact]
    public async Task A_partition_whose_files_gained_a_column_stays_in_the_table()
    {
        temp.Write("logs/2024/a.csv", "id,kind\n1,click\n");
        temp.Write("logs/2025/a.csv", "id,kind,coupon\n2,view,SPRING\n");

        var result = await CrawlAsync("logs");

        Assert.Equal("logs 2", $"{Assert.Single(result.Tables).Name} {result.Tables[0].Partitions}");
        Assert.Equal(new[] { "id", "kind", "coupon" }, Catalog().GetTable(TableName.Parse("lake.logs")).StorageDescriptor.Columns.Select(c => c.Name));
    }

    [Fact]
    public async Task Sibling_folders_with_unrelated_schemas_become_separate_tables()
    {
        temp.Write("lake/orders/a.csv", "order_id,amount\n1,9.5\n");
        temp.Write("lake/customers/a.json", "{\"name\":\"Ada\",\"city\":\"Paris\"}\n");
        temp.Write("lake/products/a.json", "{\"sku\":\"x\",\"price\":1.5}\n");

        var result = await CrawlAsync("lake");

        Assert.Equal(new[] { "customers", "orders", "products" }, result.Tables.Select(t => t.Name));
        Assert.All(result.Tables, t => Assert.Equal(0, t.Partitions));
    }

    [Fact]
    public async Task Most_siblings_with_one_schema_become_partitions_and_the_odd_one_its_own_table()
    {
        temp.Write("lake/east/a.json", "{\"id\":1,\"kind\":\"click\"}\n");
        temp.Write("lake/west/a.json", "{\"id\":2,\"kind\":\"view\"}\n");
        temp.Write("lake/north/a.json", "{\"id\":3,\"kind\":\"view\",\"coupon\":\"X\"}\n");
        temp.Write("lake/notes/a.json", "{\"text\":\"hello\"}\n");

        var result = await CrawlAsync("lake");

        Assert.Equal(new[] { "lake 3", "notes 0" }, result.Tables.Select(t => $"{t.Name} {t.Partitions}"));
        Assert.Equal(
            new[] { "east", "north", "west" },
            Catalog().GetPartitions(TableName.Parse("lake.lake")).Select(p => Assert.Single(p.Values)));
    }

    [Fact]
    public async Task A_lone_named_folder_names_the_table_and_a_lone_value_folder_is_a_partition()
    {
        temp.Write("lake/orders/2024/a.csv", "id,kind\n1,click\n");

        var result = await CrawlAsync("lake");

        Assert.Equal("orders 1", $"{Assert.Single(result.Tables).Name} {result.Tables[0].Partitions}");
        Assert.Equal("partition_0", Assert.Single(Catalog().GetTable(TableName.Parse("lake.orders")).PartitionKeys).Name);
    }

    [Fact]
    public async Task Table_level_2_makes_a_table_of_every_subfolder_and_skips_files_above_it()
    {
        temp.Write("lake/top.csv", "id,kind\n1,click\n");
        temp.Write("lake/a/2024/x.csv", "id,kind\n1,click\n");
        temp.Write("lake/b/2024/x.csv", "id,kind\n1,click\n");

        var result = await CrawlAsync("lake", new CrawlOptions { Path = "unused", Database = "lake", TableLevel = 2 });

        Assert.Equal(new[] { "a 1", "b 1" }, result.Tables.Select(t => $"{t.Name} {t.Partitions}"));
        var skipped = Assert.Single(result.SkippedFiles);
        Assert.Equal(
            "top.csv: it lies above table level 2, where tables start 1 folder(s) below the include path; move it or choose a lower table level",
            $"{skipped.Path}: {skipped.Reason}");
    }

    [Fact]
    public async Task Table_level_1_makes_the_include_path_one_table_even_for_unrelated_folders()
    {
        temp.Write("lake/orders/a.csv", "id,kind\n1,click\n");
        temp.Write("lake/returns/a.csv", "id,kind\n2,view\n");
        temp.Write("lake/refunds/a.csv", "id,kind\n3,view\n");

        var result = await CrawlAsync("lake", new CrawlOptions { Path = "unused", Database = "lake", TableLevel = 1 });

        Assert.Equal("lake 3", $"{Assert.Single(result.Tables).Name} {result.Tables[0].Partitions}");
    }

    [Fact]
    public async Task Combining_compatible_schemas_makes_one_table_per_format_with_the_union_of_columns()
    {
        temp.Write("lake/customers/a.json", "{\"name\":\"Ada\",\"city\":\"Paris\"}\n");
        temp.Write("lake/products/a.json", "{\"sku\":\"x\",\"price\":1.5}\n");
        temp.Write("lake/orders/a.csv", "order_id,amount\n1,9.5\n");

        var result = await CrawlAsync("lake", new CrawlOptions { Path = "unused", Database = "lake", CombineCompatibleSchemas = true });

        Assert.Equal(new[] { "lake json 2", "lake_csv csv 1" }, result.Tables.Select(t => $"{t.Name} {t.Classification} {t.Partitions}"));
        Assert.Equal(
            new[] { "city", "name", "price", "sku" },
            Catalog().GetTable(TableName.Parse("lake.lake")).StorageDescriptor.Columns.Select(c => c.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Table_names_are_sanitised()
    {
        temp.Write("lake/Web Events!/a.csv", "id,kind\n1,click\n");

        var result = await CrawlAsync("lake");

        Assert.Equal("web_events", Assert.Single(result.Tables).Name);
    }

    [Fact]
    public async Task A_table_name_taken_by_another_include_path_gets_a_hash_suffix_and_the_other_table_is_kept()
    {
        temp.Write("one/events/a.csv", "id,kind\n1,click\n");
        temp.Write("two/events/a.json", "{\"id\":1}\n");
        await CrawlAsync("one");

        var second = await CrawlAsync("two");

        var name = Assert.Single(second.Tables).Name;
        Assert.Matches("^events_[0-9a-f]{6}$", name);
        var notice = Assert.Single(second.Notices);
        Assert.Equal(
            $"{name}: the name 'events' belongs to a table of another include path ({temp.Combine("one")}/), so this table is named '{name}'",
            $"{notice.Table}: {notice.Message}");
        Assert.Equal("csv", Catalog().GetTable(TableName.Parse("lake.events")).Parameter("classification"));
        Assert.Equal(new[] { "events", name }, Catalog().GetTables("lake").Select(t => t.Name));
    }

    private DataCatalog Catalog() => DataCatalog.Open(temp.Combine("catalog.db"));

    private Task<CrawlResult> CrawlAsync(string folder, CrawlOptions? options = null) =>
        new Crawler(Catalog()).CrawlAsync((options ?? new CrawlOptions { Path = "unused", Database = "lake" }) with { Path = temp.Combine(folder) });
}
