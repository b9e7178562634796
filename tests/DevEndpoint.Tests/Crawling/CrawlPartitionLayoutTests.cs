using DevEndpoint.Catalog;
using DevEndpoint.Crawling;

namespace DevEndpoint.Tests.Crawling;

public sealed class CrawlPartitionLayoutTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Files_whose_partition_folders_differ_from_the_majority_are_skipped()
    {
        temp.Write("lake/events/year=2024/month=01/a.csv", "id,kind\n1,click\n");
        temp.Write("lake/events/year=2024/month=02/a.csv", "id,kind\n2,view\n");
        temp.Write("lake/events/month=03/year=2024/a.csv", "id,kind\n3,click\n");

        var result = await CrawlAsync();

        var skipped = Assert.Single(result.SkippedFiles);
        Assert.Equal("events/month=03/year=2024/a.csv", skipped.Path);
        Assert.Equal(
            "its partition folders (month/year) differ from those of the other files of table 'events' (year/month); move it or exclude it",
            skipped.Reason);
        Assert.Equal(2, Catalog().GetPartitions(TableName.Parse("lake.events")).Count);
    }

    [Fact]
    public async Task Files_whose_partition_folders_repeat_a_key_are_skipped()
    {
        temp.Write("lake/events/x=1/x=2/a.csv", "id,kind\n1,click\n");
        temp.Write("lake/events/x=2/x=1/a.csv", "id,kind\n2,view\n");

        var result = await CrawlAsync();

        Assert.Equal(new[] { "events/x=1/x=2/a.csv", "events/x=2/x=1/a.csv" }, result.SkippedFiles.Select(s => s.Path));
        Assert.All(
            result.SkippedFiles,
            s => Assert.Equal("its partition folders (x/x) name the key 'x' more than once; rename a folder or exclude it", s.Reason));
        Assert.Empty(result.Tables);
    }

    [Fact]
    public async Task Partition_keys_are_lower_case_and_values_are_unescaped()
    {
        temp.Write("lake/events/Region=north%20east/a.csv", "id,kind\n1,click\n");

        await CrawlAsync();

        var table = Catalog().GetTable(TableName.Parse("lake.events"));
        Assert.Equal("region", Assert.Single(table.PartitionKeys).Name);
        Assert.Equal("north east", Assert.Single(Assert.Single(Catalog().GetPartitions(TableName.Parse("lake.events"))).Values));
    }

    [Fact]
    public async Task A_header_that_is_not_an_extension_of_another_makes_a_second_table()
    {
        temp.Write("lake/events/year=2023/a.csv", "id,kind\n1,click\n");
        temp.Write("lake/events/year=2024/a.csv", "id,kind\n2,view\n");
        temp.Write("lake/events/year=2025/a.csv", "id,type,kind\n3,x,view\n");

        var result = await CrawlAsync();

        Assert.Equal(new[] { "events 2", "events_2 1" }, result.Tables.Select(t => $"{t.Name} {t.Files}"));
        Assert.Equal(
            new[] { "id", "type", "kind" },
            Catalog().GetTable(TableName.Parse("lake.events_2")).StorageDescriptor.Columns.Select(c => c.Name));
    }

    [Fact]
    public async Task An_empty_partition_folder_value_is_catalogued_as_hives_default_partition_and_loads_as_null()
    {
        temp.Write("lake/events/day=2024-01-05/a.csv", "id,kind\n1,click\n");
        temp.Write("lake/events/day=/a.csv", "id,kind\n2,view\n");

        await CrawlAsync();
        var frame = (await new DevEndpoint.Loading.TableLoader(Catalog()).LoadAsync("lake.events")).Frame;

        Assert.Equal(
            new[] { "2024-01-05", "__HIVE_DEFAULT_PARTITION__" },
            Catalog().GetPartitions(TableName.Parse("lake.events")).Select(p => Assert.Single(p.Values)));
        Assert.Equal(
            new[] { "1 2024-01-05", "2 " },
            Enumerable.Range(0, (int)frame.Rows.Count).Select(i => $"{frame.Columns["id"][i]} {frame.Columns["day"][i]}").Order(StringComparer.Ordinal));
    }

    private DataCatalog Catalog() => DataCatalog.Open(temp.Combine("catalog.db"));

    private Task<CrawlResult> CrawlAsync() =>
        new Crawler(Catalog()).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" });
}
