using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Loading;

namespace DevEndpoint.Tests.Formats.Delta;

/// <summary>Loads of Delta tables: deletion vectors applied, files skipped by statistics, time travel by version and time.</summary>
public sealed class DeltaLoadingTests
{
    [Fact]
    public async Task Deletion_vectors_leave_out_exactly_the_deleted_rows()
    {
        using var lake = await CrawledFolder.CreateAsync(DeltaGolden.Get("dv-partitioned-with-checkpoint").Root, "lake");

        var frame = (await lake.LoadAsync(lake.Result.Tables.Single().Name)).Frame;

        var expected = Enumerable.Range(0, 50).Where(x => !(x % 2 == 0 && x < 30)).Select(x => $"{x % 10}|{x}|foo{x % 5}").Order(StringComparer.Ordinal);
        var rows = Enumerable.Range(0, (int)frame.Rows.Count).Select(i => $"{frame["part"][i]}|{frame["col1"][i]}|{frame["col2"][i]}").Order(StringComparer.Ordinal);
        Assert.Equal(expected, rows);
    }

    [Fact]
    public async Task Column_mapping_and_deletion_vectors_together_give_the_same_rows()
    {
        using var plain = await CrawledFolder.CreateAsync(DeltaGolden.Get("dv-partitioned-with-checkpoint").Root, "plain");
        using var mapped = await CrawledFolder.CreateAsync(DeltaGolden.Get("dv-with-columnmapping").Root, "mapped");

        var a = (await plain.LoadAsync(plain.Result.Tables.Single().Name)).Frame;
        var b = (await mapped.LoadAsync(mapped.Result.Tables.Single().Name)).Frame;

        static IEnumerable<string> Rows(Microsoft.Data.Analysis.DataFrame f) =>
            Enumerable.Range(0, (int)f.Rows.Count).Select(i => $"{f["part"][i]}|{f["col1"][i]}|{f["col2"][i]}").Order(StringComparer.Ordinal);
        Assert.Equal(Rows(a), Rows(b));
    }

    [Fact]
    public async Task A_where_on_partition_and_data_columns_skips_files_by_partition_values_and_statistics()
    {
        using var lake = await CrawledFolder.CreateAsync(DeltaGolden.Get("dv-partitioned-with-checkpoint").Root, "lake");
        var table = lake.Result.Tables.Single().Name;

        var all = await lake.LoadAsync(table);
        var partitions = await lake.LoadAsync(table, new LoadOptions { Where = "part >= 7" });
        var result = await lake.LoadAsync(table, new LoadOptions { Where = "part >= 7 AND col1 = 38" });

        Assert.Equal(15, all.FilesRead);
        Assert.True(partitions.FilesRead < all.FilesRead, $"{partitions.FilesRead} files read for part >= 7");
        Assert.True(result.FilesRead < partitions.FilesRead, $"{result.FilesRead} files read for col1 = 38 too, {partitions.FilesRead} without");
        Assert.Equal(["38"], Enumerable.Range(0, (int)result.Frame.Rows.Count).Select(i => $"{result.Frame["col1"][i]}"));
    }

    [Fact]
    public async Task Version_loads_each_version_of_the_table()
    {
        using var lake = await CrawledFolder.CreateAsync(DeltaGolden.Get("time-travel-start-start20-start40").Root, "lake");
        var table = lake.Result.Tables.Single().Name;

        var rows = new List<long>();
        for (var version = 0; version <= 2; version++)
        {
            rows.Add((await lake.LoadAsync(table, new LoadOptions { Version = version })).Frame.Rows.Count);
        }

        Assert.Equal([10L, 20L, 30L], rows);
    }

    [Fact]
    public async Task As_of_loads_the_version_current_at_that_time_and_refuses_a_time_after_the_latest_commit()
    {
        using var copy = new GoldenCopy("time-travel-start-start20-start40");
        var start = new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc);
        for (var version = 0; version <= 2; version++)
        {
            File.SetLastWriteTimeUtc(copy.Log(version), start.AddMinutes(20 * version));
        }

        var catalog = DataCatalog.Open(copy.Catalog);
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = copy.Lake, Database = "lake" });
        var loader = new TableLoader(catalog);

        Assert.Equal(10, (await loader.LoadAsync("lake.table", new LoadOptions { AsOf = LoadOptions.ParseAsOf("2024-05-01T12:10:00Z") })).Frame.Rows.Count);
        Assert.Equal(20, (await loader.LoadAsync("lake.table", new LoadOptions { AsOf = LoadOptions.ParseAsOf("2024-05-01 12:30:00") })).Frame.Rows.Count);
        Assert.Equal(30, (await loader.LoadAsync("lake.table", new LoadOptions { AsOf = new DateTimeOffset(start.AddMinutes(40)) })).Frame.Rows.Count);
        var error = await Assert.ThrowsAsync<DevEndpointException>(() => loader.LoadAsync("lake.table", new LoadOptions { AsOf = new DateTimeOffset(start.AddMinutes(50)) }));
        Assert.Equal(
            $"Delta table {copy.Root}: 2024-05-01T12:50:00.000Z is after the latest commit (version 2, 2024-05-01T12:40:00.000Z). Give --as-of 2024-05-01T12:40:00.000Z or earlier, or leave --as-of out to read the latest version.",
            error.Message);
    }

    [Fact]
    public async Task As_of_goes_by_in_commit_timestamps_where_the_commits_have_them_and_by_file_times_before()
    {
        using var copy = new GoldenCopy("time-travel-start-start20-start40");
        var start = new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc);
        for (var version = 0; version <= 2; version++)
        {
            // The file times say the opposite order of the in-commit timestamps, which the protocol makes authoritative.
            File.SetLastWriteTimeUtc(copy.Log(version), start.AddDays(1).AddMinutes(-20 * version));
        }

        foreach (var version in new[] { 1, 2 })
        {
            var ict = new DateTimeOffset(start.AddMinutes(20 * version)).ToUnixTimeMilliseconds();
            var lines = File.ReadAllLines(copy.Log(version));
            lines[0] = lines[0].Replace("{\"commitInfo\":{", $"{{\"commitInfo\":{{\"inCommitTimestamp\":{ict},", StringComparison.Ordinal);
            File.WriteAllLines(copy.Log(version), lines);
        }

        File.SetLastWriteTimeUtc(copy.Log(0), start);
        var catalog = DataCatalog.Open(copy.Catalog);
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = copy.Lake, Database = "lake" });
        var loader = new TableLoader(catalog);

        Assert.Equal(10, (await loader.LoadAsync("lake.table", new LoadOptions { AsOf = LoadOptions.ParseAsOf("2024-05-01T12:10:00Z") })).Frame.Rows.Count);
        Assert.Equal(20, (await loader.LoadAsync("lake.table", new LoadOptions { AsOf = LoadOptions.ParseAsOf("2024-05-01T12:30:00Z") })).Frame.Rows.Count);
        Assert.Equal(30, (await loader.LoadAsync("lake.table", new LoadOptions { AsOf = LoadOptions.ParseAsOf("2024-05-01T12:40:00Z") })).Frame.Rows.Count);
    }

    [Fact]
    public async Task Version_on_a_table_of_plain_files_is_refused()
    {
        using var lake = await CrawledFolder.CreateAsync(DeltaGolden.Get("no-delta-log-folder").Root, "lake");
        var table = lake.Result.Tables.Single().Name;

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => lake.LoadAsync(table, new LoadOptions { Version = 1 }));

        Assert.Equal(
            $"lake.{table} is classified as 'parquet', which has no versions: --version and --as-of are for Delta, Iceberg and Hudi tables. Load it without them.",
            error.Message);
    }

    [Fact]
    public void An_as_of_that_is_not_a_time_is_refused()
    {
        var error = Assert.Throws<DevEndpointException>(() => LoadOptions.ParseAsOf("yesterday"));

        Assert.Equal("'yesterday' is not a time. Give --as-of as ISO 8601, e.g. 2024-05-01T12:00:00Z (without a zone, UTC).", error.Message);
    }
}
