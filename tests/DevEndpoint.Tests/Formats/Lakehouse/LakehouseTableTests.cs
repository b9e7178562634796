using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Formats.Iceberg;
using DevEndpoint.Loading;
using DevEndpoint.Tests.Formats.Hudi;
using DevEndpoint.Tests.Formats.Iceberg;

namespace DevEndpoint.Tests.Formats.Lakehouse;

/// <summary>
/// Iceberg and Hudi tables through the table-format seam: a lake folder holding the corpus's <c>lineitem_iceberg</c>
/// (copied) and a Hudi copy-on-write table written here crawls into one table each and loads like a Delta table.
/// </summary>
public sealed class LakehouseTableTests
{
    private const string Iceberg = "lineitem_iceberg";
    private const string FirstSnapshot = "7817332053627255703";
    private const string CurrentSnapshot = "2354745328521181395";
    internal const string First = "20240101000000000";
    private const string Update = "20240102000000000";
    private const string Third = "20240103000000000";

    private static readonly string Corpus = IcebergRows.Table($"duckdb-iceberg/data/persistent/iceberg/{Iceberg}");

    [Fact]
    public async Task A_folder_with_an_iceberg_and_a_hudi_table_crawls_into_one_table_each_with_their_parameters_and_columns()
    {
        using var folder = new TempFolder();
        using var lake = await CrawledLakeAsync(folder);

        Assert.Equal(["hudi_t:hudi", "lineitem_iceberg:iceberg"], lake.Result.Tables.Select(t => $"{t.Name}:{t.Classification}").Order(StringComparer.Ordinal));
        var iceberg = lake.Table(Iceberg);
        Assert.Equal("ICEBERG", iceberg.Parameter("table_type"));
        Assert.Equal(folder.Combine("lake", Iceberg, "metadata", "v2.metadata.json"), iceberg.Parameter("metadata_location"));
        Assert.Equal(folder.Combine("lake", Iceberg, "metadata", "v1.metadata.json"), iceberg.Parameter("previous_metadata_location"));
        Assert.Equal(CurrentSnapshot, iceberg.Parameter(IcebergTableFormat.SnapshotParameter));
        Assert.Equal("51793", iceberg.Parameter("recordCount"));
        Assert.Equal("l_orderkey:bigint", $"{iceberg.StorageDescriptor.Columns[0].Name}:{iceberg.StorageDescriptor.Columns[0].Type}");
        Assert.Equal(16, iceberg.StorageDescriptor.Columns.Count);
        var hudi = lake.Table("hudi_t");
        Assert.Equal("hudi", hudi.Parameter("spark.sql.sources.provider"));
        Assert.Equal(Update, hudi.Parameter("last_commit_time_sync"));
        Assert.Equal(
            ["_hoodie_commit_time:string", "_hoodie_record_key:string", "_hoodie_partition_path:string", "id:int", "name:string"],
            hudi.StorageDescriptor.Columns.Select(c => $"{c.Name}:{c.Type}"));
    }

    [Fact]
    public async Task Loads_give_the_current_snapshot_exactly_as_the_standalone_readers_do()
    {
        using var folder = new TempFolder();
        using var lake = await CrawledLakeAsync(folder);

        var iceberg = (await lake.LoadAsync(Iceberg)).Frame;
        var standalone = new List<object?[]>();
        await IcebergTable.Open(folder.Combine("lake", Iceberg)).ReadAsync(new IcebergReadOptions(), standalone.Add, CancellationToken.None);
        Assert.Equal(51793, iceberg.Rows.Count);
        Assert.Equal(standalone.Select(r => r[0]).Sum(v => Convert.ToInt64(v, CultureInfo.InvariantCulture)), iceberg.Columns["l_orderkey"].Cast<object>().Sum(v => Convert.ToInt64(v, CultureInfo.InvariantCulture)));
        var hudi = (await lake.LoadAsync("hudi_t")).Frame;
        Assert.Equal(["1:a1", "2:a2 updated", "3:b3"], Enumerable.Range(0, (int)hudi.Rows.Count).Select(i => $"{hudi.Columns["id"][i]}:{hudi.Columns["name"][i]}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Time_travel_reads_an_iceberg_snapshot_by_id_or_time_and_a_hudi_instant_by_time()
    {
        using var folder = new TempFolder();
        using var lake = await CrawledLakeAsync(folder);

        Assert.Equal(60175, (await lake.LoadAsync(Iceberg, new LoadOptions { Version = long.Parse(FirstSnapshot, CultureInfo.InvariantCulture) })).Frame.Rows.Count);
        var first = IcebergTable.Open(folder.Combine("lake", Iceberg)).Snapshot(long.Parse(FirstSnapshot, CultureInfo.InvariantCulture))!.Timestamp;
        Assert.Equal(60175, (await lake.LoadAsync(Iceberg, new LoadOptions { AsOf = first.AddMilliseconds(1) })).Frame.Rows.Count);
        var hudi = (await lake.LoadAsync("hudi_t", new LoadOptions { AsOf = LoadOptions.ParseAsOf("2024-01-01T12:00:00Z") })).Frame;
        Assert.Equal(["a2"], Enumerable.Range(0, (int)hudi.Rows.Count).Where(i => (int)hudi.Columns["id"][i] == 2).Select(i => (string)hudi.Columns["name"][i]));
        Assert.Equal(3, (await lake.LoadAsync("hudi_t", new LoadOptions { Version = long.Parse(Update, CultureInfo.InvariantCulture) })).Frame.Rows.Count);
    }

    [Fact]
    public async Task A_recrawl_after_a_new_iceberg_snapshot_updates_the_table_to_it()
    {
        using var folder = new TempFolder();
        await LakeAsync(folder);
        folder.Write($"lake/{Iceberg}/metadata/version-hint.text", "1");
        var catalog = DataCatalog.Open(folder.Combine("catalog.db"));
        var crawler = new Crawler(catalog);
        var options = new CrawlOptions { Path = folder.Combine("lake"), Database = "lake" };
        await crawler.CrawlAsync(options);
        var first = catalog.GetTable(new TableName("lake", Iceberg));
        folder.Write($"lake/{Iceberg}/metadata/version-hint.text", "2");

        var again = await crawler.CrawlAsync(options);

        var table = catalog.GetTable(new TableName("lake", Iceberg));
        Assert.Equal(TableChange.Updated, again.Tables.Single(t => t.Name == Iceberg).Change);
        Assert.Equal(FirstSnapshot, first.Parameter(IcebergTableFormat.SnapshotParameter));
        Assert.Null(first.Parameter("previous_metadata_location"));
        Assert.Equal(CurrentSnapshot, table.Parameter(IcebergTableFormat.SnapshotParameter));
        Assert.Equal(folder.Combine("lake", Iceberg, "metadata", "v2.metadata.json"), table.Parameter("metadata_location"));
        Assert.Equal(51793, (await new TableLoader(catalog).LoadAsync($"lake.{Iceberg}")).Frame.Rows.Count);
    }

    [Fact]
    public async Task Where_skips_iceberg_data_files_whose_statistics_rule_out_every_row()
    {
        using var folder = new TempFolder();
        using var lake = await CrawledLakeAsync(folder);

        var none = await lake.LoadAsync(Iceberg, new LoadOptions { Where = "l_orderkey < 0" });
        var all = await lake.LoadAsync(Iceberg, new LoadOptions { Where = "l_orderkey >= 0" });

        Assert.Equal((0L, 0), (none.Frame.Rows.Count, none.FilesRead));
        Assert.Equal((51793L, 1), (all.Frame.Rows.Count, all.FilesRead));
    }

    [Fact]
    public async Task A_recrawl_after_a_new_hudi_commit_updates_the_table_to_it()
    {
        using var folder = new TempFolder();
        await LakeAsync(folder);
        var catalog = DataCatalog.Open(folder.Combine("catalog.db"));
        var crawler = new Crawler(catalog);
        var options = new CrawlOptions { Path = folder.Combine("lake"), Database = "lake" };
        await crawler.CrawlAsync(options);
        await HudiFiles.BaseFileAsync(folder.Combine("lake", "hudi_t"), "b", "fg2", "0-3-0", Third, (3, "b3"), (4, "b4"));
        HudiFiles.Timeline(folder.Combine("lake", "hudi_t"), $"{Third}.commit");

        var again = await crawler.CrawlAsync(options);

        Assert.Equal(TableChange.Updated, again.Tables.Single(t => t.Name == "hudi_t").Change);
        Assert.Equal(Third, catalog.GetTable(new TableName("lake", "hudi_t")).Parameter("last_commit_time_sync"));
        Assert.Equal(4, (await new TableLoader(catalog).LoadAsync("lake.hudi_t")).Frame.Rows.Count);
    }

    [Fact]
    public async Task A_merge_on_read_hudi_table_is_reported_with_its_reason_and_the_crawl_goes_on()
    {
        using var folder = new TempFolder();
        await LakeAsync(folder);
        HudiFiles.Properties(folder.Combine("lake", "mor"), "hoodie.table.name=mor\nhoodie.table.type=MERGE_ON_READ\n");

        using var lake = await CrawledFolder.CreateAsync(folder.Combine("lake"), "lake");

        Assert.Equal(2, lake.Result.Tables.Count);
        var skipped = Assert.Single(lake.Result.SkippedFiles, s => s.Reason != Crawler.HiddenFileReason);
        Assert.Equal("mor/", skipped.Path);
        Assert.Equal(
            $"{folder.Combine("lake", "mor")}: the Hudi table is merge-on-read (hoodie.table.type=MERGE_ON_READ), which DevEndpoint cannot read yet: only copy-on-write tables are read. Compact it into a copy-on-write copy with Hudi, or read it with Spark.",
            skipped.Reason);
    }

    /// <summary>The lake: a copy of lineitem_iceberg and a Hudi table of two commits (fg1 in a updated, fg2 in b).</summary>
    private static async Task LakeAsync(TempFolder folder)
    {
        Copy(Corpus, folder.Combine("lake", Iceberg));
        await HudiTableAsync(folder.Combine("lake", "hudi_t"));
    }

    /// <summary>The lake of <see cref="LakeAsync"/>, crawled into database <c>lake</c>.</summary>
    private static async Task<CrawledFolder> CrawledLakeAsync(TempFolder folder)
    {
        await LakeAsync(folder);
        return await CrawledFolder.CreateAsync(folder.Combine("lake"), "lake");
    }

    /// <summary>
    /// Writes a Hudi copy-on-write table at <paramref name="root"/>: file groups fg1 (partition a) and fg2 (b) written by
    /// instant <see cref="First"/>, then fg1 rewritten by <see cref="Update"/>.
    /// </summary>
    internal static async Task HudiTableAsync(string root)
    {
        HudiFiles.Properties(root, "hoodie.table.name=t\nhoodie.table.type=COPY_ON_WRITE\nhoodie.table.base.file.format=PARQUET\n");
        await HudiFiles.BaseFileAsync(root, "a", "fg1", "0-1-0", First, (1, "a1"), (2, "a2"));
        await HudiFiles.BaseFileAsync(root, "b", "fg2", "0-1-0", First, (3, "b3"));
        HudiFiles.Timeline(root, $"{First}.commit");
        await HudiFiles.BaseFileAsync(root, "a", "fg1", "0-2-0", Update, (1, "a1"), (2, "a2 updated"));
        HudiFiles.Timeline(root, $"{Update}.commit");
    }

    internal static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
