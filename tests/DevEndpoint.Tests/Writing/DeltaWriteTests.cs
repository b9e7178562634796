using System.Text.Json;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Loading;
using DevEndpoint.Testing;
using DevEndpoint.Writing;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Writing;

/// <summary>Writes of Delta tables: the commits as the protocol states them, read back exactly, appends and overwrites.</summary>
public sealed partial class DeltaWriteTests
{
    [Fact]
    public async Task A_first_write_creates_a_table_whose_log_a_strict_reading_of_the_protocol_accepts()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("orders");

        var result = await new FrameWriter().WriteAsync(WrittenFrames.Orders(), Delta(path, WriteMode.ErrorIfExists, "year", "month"));

        var replay = DeltaSpecValidator.Validate(path);
        Assert.Empty(replay.Problems);
        Assert.Equal((0L, 3, 6L, 6L), (replay.Latest, replay.LiveFiles.Count, replay.StatsRows, replay.FooterRows));
        Assert.Equal(0, result.DeltaVersion);
        Assert.Equal(["year=2024/month=01", "year=2024/month=02", "year=2025/month=01"], result.Partitions);
        var lines = File.ReadAllLines(Path.Combine(path, "_delta_log", "00000000000000000000.json")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["commitInfo", "protocol", "metaData", "add", "add", "add"], lines.Select(l => l.EnumerateObject().Single().Name));
        Assert.Equal("""{"minReaderVersion":1,"minWriterVersion":2}""", lines[1].GetProperty("protocol").GetRawText());
        Assert.Equal(
            """{"type":"struct","fields":[{"name":"order_id","type":"integer","nullable":true,"metadata":{}},{"name":"amount","type":"decimal(4,2)","nullable":true,"metadata":{}},{"name":"status","type":"string","nullable":true,"metadata":{}},{"name":"year","type":"integer","nullable":true,"metadata":{}},{"name":"month","type":"string","nullable":true,"metadata":{}}]}""",
            lines[2].GetProperty("metaData").GetProperty("schemaString").GetString());
        var add = lines[3].GetProperty("add");
        Assert.Equal("""{"year":"2024","month":"01"}""", add.GetProperty("partitionValues").GetRawText());
        Assert.Equal(
            """{"numRecords":2,"minValues":{"order_id":1,"amount":10.5,"status":"new"},"maxValues":{"order_id":2,"amount":20,"status":"paid"},"nullCount":{"order_id":0,"amount":0,"status":0}}""",
            add.GetProperty("stats").GetString());
    }

    [Fact]
    public async Task A_written_table_crawls_and_loads_back_exactly_with_every_type()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("awkward");
        var frame = WrittenFrames.Awkward();
        await new FrameWriter().WriteAsync(frame, Delta(path, WriteMode.ErrorIfExists));
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));

        var crawl = await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = path, Database = "lake" });
        var loaded = await new TableLoader(catalog).LoadAsync($"lake.{crawl.Tables.Single().Name}");

        Assert.Empty(DeltaSpecValidator.Validate(path).Problems);
        Assert.Equal("delta", catalog.GetTable(new TableName("lake", crawl.Tables.Single().Name)).Parameter("classification"));
        string[] columns = ["id", "big", "price", "ratio", "flag", "day", "at", "text"];
        Assert.Equal(WrittenFrames.Rows(frame, columns), WrittenFrames.Rows(loaded.Frame, columns).OrderBy(r => (int)r[0]!));
    }

    [Fact]
    public async Task An_empty_frame_creates_a_table_with_its_schema_and_no_files()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("t");

        var result = await new FrameWriter().WriteAsync(WrittenFrames.Orders().Head(0), Delta(path, WriteMode.ErrorIfExists, "year"));

        var replay = DeltaSpecValidator.Validate(path);
        Assert.Empty(replay.Problems);
        Assert.Equal((0L, 0), (result.DeltaVersion!.Value, replay.LiveFiles.Count));
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = path, Database = "lake" });
        var table = catalog.GetTables("lake").Single();
        Assert.Equal(["order_id", "amount", "status", "month"], table.StorageDescriptor.Columns.Select(c => c.Name));
        Assert.Equal(0, (await new TableLoader(catalog).LoadAsync($"lake.{table.Name}")).Frame.Rows.Count);
    }

    [Fact]
    public async Task A_null_partition_value_is_null_in_the_log_and_in_the_hive_default_folder()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("t");
        var frame = new DataFrame(new Int32DataFrameColumn("id", [1, 2]), new StringDataFrameColumn("region", ["eu", null]));

        var result = await new FrameWriter().WriteAsync(frame, Delta(path, WriteMode.ErrorIfExists, "region"));

        Assert.Equal(["region=__HIVE_DEFAULT_PARTITION__", "region=eu"], result.Partitions);
        var adds = File.ReadLines(Path.Combine(path, "_delta_log", "00000000000000000000.json")).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(l => l.TryGetProperty("add", out _)).Select(l => l.GetProperty("add").GetProperty("partitionValues").GetRawText());
        Assert.Equal(["""{"region":null}""", """{"region":"eu"}"""], adds);
        Assert.Empty(DeltaSpecValidator.Validate(path).Problems);
    }

    [Fact]
    public async Task An_append_without_partition_by_uses_the_tables_partition_columns_as_the_log_spells_them()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("t");
        DataFrame Frame(int id) => new(new Int32DataFrameColumn("Id", [id]), new StringDataFrameColumn("Region", ["eu"]));
        await new FrameWriter().WriteAsync(Frame(1), Delta(path, WriteMode.Append, "Region"));

        var result = await new FrameWriter().WriteAsync(Frame(2), Delta(path, WriteMode.Append));

        Assert.Equal(["Region=eu"], result.Partitions);
        Assert.Equal(2, DeltaSpecValidator.Validate(path).FooterRows);
        Assert.Empty(DeltaSpecValidator.Validate(path).Problems);
    }

    [Fact]
    public async Task Appends_add_commits_and_the_earlier_version_still_loads()
    {
        using var temp = new TempFolder();
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        var options = Delta(temp.Combine("orders"), WriteMode.Append, "year") with { CatalogTable = "lake.orders" };
        await new FrameWriter(catalog).WriteAsync(WrittenFrames.Orders(), options);

        var result = await new FrameWriter(catalog).WriteAsync(WrittenFrames.Orders(), options with { PartitionBy = [] });

        var loader = new TableLoader(catalog);
        var table = catalog.GetTable(new TableName("lake", "orders"));
        Assert.Equal((1L, TableChange.Updated), (result.DeltaVersion, result.TableChange));
        Assert.Equal(("delta", "1", "12"), (table.Parameter("classification"), table.Parameter("delta.lastCommitVersion"), table.Parameter("recordCount")));
        Assert.Equal(["year"], table.PartitionKeys.Select(k => k.Name));
        Assert.Equal(12, (await loader.LoadAsync("lake.orders")).Frame.Rows.Count);
        Assert.Equal(6, (await loader.LoadAsync("lake.orders", new LoadOptions { Version = 0 })).Frame.Rows.Count);
        Assert.Equal(2, catalog.GetTableVersions(new TableName("lake", "orders")).Count);
        Assert.Empty(DeltaSpecValidator.Validate(options.Path).Problems);
    }

    [Fact]
    public async Task An_overwrite_removes_every_live_file_and_time_travel_reads_the_rows_it_replaced()
    {
        using var temp = new TempFolder();
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        var options = Delta(temp.Combine("orders"), WriteMode.Append) with { CatalogTable = "lake.orders" };
        await new FrameWriter(catalog).WriteAsync(WrittenFrames.Orders(), options);
        await new FrameWriter(catalog).WriteAsync(WrittenFrames.Orders(), options);

        var result = await new FrameWriter(catalog).WriteAsync(WrittenFrames.Orders().Head(2), options with { Mode = WriteMode.Overwrite });

        var replay = DeltaSpecValidator.Validate(options.Path);
        Assert.Empty(replay.Problems);
        Assert.Equal((2L, 1, 2L), (replay.Latest, replay.LiveFiles.Count, replay.FooterRows));
        Assert.Equal([new RemovedPartition(string.Empty, 2)], result.Removed);
        var loader = new TableLoader(catalog);
        Assert.Equal([1, 2], Ids((await loader.LoadAsync("lake.orders")).Frame));
        Assert.Equal([1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6], Ids((await loader.LoadAsync("lake.orders", new LoadOptions { Version = 1 })).Frame));
    }

    [Fact]
    public async Task A_partition_overwrite_replaces_only_the_partitions_written()
    {
        using var temp = new TempFolder();
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        var options = Delta(temp.Combine("orders"), WriteMode.Append, "year") with { CatalogTable = "lake.orders" };
        await new FrameWriter(catalog).WriteAsync(WrittenFrames.Orders(), options);
        var frame2025 = WrittenFrames.Orders().Filter(new PrimitiveDataFrameColumn<bool>("keep", [false, false, false, true, false, false]));

        var result = await new FrameWriter(catalog).WriteAsync(frame2025, options with { Mode = WriteMode.Overwrite });

        Assert.Equal([new RemovedPartition("year=2025", 1)], result.Removed);
        Assert.Equal([1, 2, 3, 4, 6], Ids((await new TableLoader(catalog).LoadAsync("lake.orders")).Frame));
        Assert.Empty(DeltaSpecValidator.Validate(options.Path).Problems);
    }

    [Fact]
    public async Task An_overwrite_table_replaces_the_schema_under_the_same_table_id()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("t");
        await new FrameWriter().WriteAsync(WrittenFrames.Orders(), Delta(path, WriteMode.Append));

        await new FrameWriter().WriteAsync(new DataFrame(new StringDataFrameColumn("name", ["x"])), Delta(path, WriteMode.OverwriteTable));

        var metadata = File.ReadLines(Path.Combine(path, "_delta_log", "00000000000000000001.json")).Select(l => JsonDocument.Parse(l).RootElement)
            .Single(l => l.TryGetProperty("metaData", out _)).GetProperty("metaData");
        var first = File.ReadLines(Path.Combine(path, "_delta_log", "00000000000000000000.json")).Select(l => JsonDocument.Parse(l).RootElement)
            .Single(l => l.TryGetProperty("metaData", out _)).GetProperty("metaData");
        Assert.Equal(first.GetProperty("id").GetString(), metadata.GetProperty("id").GetString());
        Assert.Contains("\"name\":\"name\"", metadata.GetProperty("schemaString").GetString(), StringComparison.Ordinal);
        Assert.Empty(DeltaSpecValidator.Validate(path).Problems);
    }

    private static WriteOptions Delta(string path, WriteMode mode, params string[] partitionBy) =>
        new() { Path = path, Format = WriteFormat.Delta, Mode = mode, PartitionBy = partitionBy };

    private static DataFrame Numbers(int start, int count) => new(new Int32DataFrameColumn("id", Enumerable.Range(start, count)));

    private static List<int> Ids(DataFrame frame) => Enumerable.Range(0, (int)frame.Rows.Count).Select(r => Convert.ToInt32(frame["order_id"][r], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();

    private static async Task<List<int>> LoadIdsAsync(TempFolder temp, string path)
    {
        var catalog = DataCatalog.Open(temp.Combine($"catalog-{Guid.NewGuid():N}.db"));
        var crawl = await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = path, Database = "lake" });
        var frame = (await new TableLoader(catalog).LoadAsync($"lake.{crawl.Tables.Single().Name}")).Frame;
        return Enumerable.Range(0, (int)frame.Rows.Count).Select(r => Convert.ToInt32(frame["id"][r], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
    }
}
