using DevEndpoint.Catalog;
using DevEndpoint.Jobs;
using DevEndpoint.Loading;

namespace DevEndpoint.Tests.Jobs;

public sealed class JobBookmarkTests : IDisposable
{
    private readonly BookmarkedLake lake = new();

    public void Dispose() => lake.Dispose();

    [Fact]
    public async Task A_second_run_reads_only_the_files_added_since_the_committed_one()
    {
        lake.WriteIds("orders/a.csv", 1, 2);
        lake.WriteIds("orders/b.csv", 3);
        await lake.CrawlAsync();

        var first = await lake.LoadAsync("orders", "nightly");
        var commit = lake.Bookmarks.Commit("nightly");
        lake.WriteIds("orders/c.csv", 4, 5);
        var second = await lake.LoadAsync("orders", "nightly");

        Assert.Equal([1, 2, 3], first.Frame["id"].Cast<int>().Order());
        Assert.Equal(new BookmarkSelection("nightly", new TableName("lake", "orders"), first.Bookmark!.Files, 0), first.Bookmark);
        Assert.Equal(2, first.Bookmark.Files.Count);
        Assert.Equal((1, 2, 1), (commit.Run, commit.Files, commit.Tables.Count));
        Assert.Equal([4, 5], second.Frame["id"].Cast<int>().Order());
        Assert.Equal(1, second.FilesRead);
        Assert.Equal(2, second.Bookmark!.FilesSkipped);
        Assert.Equal("c.csv", Path.GetFileName(Assert.Single(second.Bookmark.Files).Path));
    }

    [Fact]
    public async Task A_run_with_nothing_new_reads_no_rows_and_still_commits()
    {
        lake.WriteIds("orders/a.csv", 1);
        await lake.CrawlAsync();
        await lake.LoadAsync("orders", "nightly");
        lake.Bookmarks.Commit("nightly");

        var again = await lake.LoadAsync("orders", "nightly");
        var commit = lake.Bookmarks.Commit("nightly");

        Assert.Equal(0, again.Frame.Rows.Count);
        Assert.Equal(["id", "name"], again.Frame.Columns.Select(c => c.Name));
        Assert.Equal((2, 0), (commit.Run, commit.Files));
        Assert.Equal(1, lake.Bookmarks.Get("nightly").FilesProcessed);
    }

    [Fact]
    public async Task A_rewritten_file_is_read_again_whether_its_size_or_only_its_time_changed()
    {
        var a = lake.WriteIds("orders/a.csv", 1, 2);
        var b = lake.WriteIds("orders/b.csv", 3);
        await lake.CrawlAsync();
        await lake.LoadAsync("orders", "nightly");
        lake.Bookmarks.Commit("nightly");

        lake.WriteIds("orders/a.csv", 1, 2, 6);
        File.SetLastWriteTimeUtc(b, File.GetLastWriteTimeUtc(b).AddMinutes(1));
        var changed = await lake.IdsAsync("orders", "nightly");
        lake.Bookmarks.Commit("nightly");
        var after = await lake.IdsAsync("orders", "nightly");

        Assert.Equal([1, 2, 3, 6], changed);
        Assert.Empty(after);
        Assert.Equal(2, lake.Bookmarks.Get("nightly").FilesProcessed);
        Assert.True(File.Exists(a));
    }

    [Fact]
    public async Task A_run_that_is_not_committed_leaves_the_bookmark_where_it_was()
    {
        lake.WriteIds("orders/a.csv", 1);
        await lake.CrawlAsync();
        await lake.LoadAsync("orders", "nightly");
        lake.Bookmarks.Commit("nightly");
        lake.WriteIds("orders/b.csv", 2);

        var failedRun = await lake.IdsAsync("orders", "nightly");
        lake.WriteIds("orders/c.csv", 3);
        var nextRun = await lake.IdsAsync("orders", "nightly");
        var bookmark = lake.Bookmarks.Get("nightly");

        Assert.Equal([2], failedRun);
        Assert.Equal([2, 3], nextRun);
        Assert.Equal((1, 1, 2), (bookmark.CommittedRuns, bookmark.FilesProcessed, bookmark.PendingFiles));
    }

    [Fact]
    public async Task A_load_that_fails_records_nothing_and_keeps_the_pending_run_as_it_was()
    {
        lake.WriteIds("orders/a.csv", 1);
        await lake.CrawlAsync();
        var failFast = new LoadOptions { Mode = BadRecordMode.FailFast };
        var bad = lake.WriteIds("orders/bad.csv", 2);
        File.AppendAllText(bad, "x,bad\n");

        await Assert.ThrowsAsync<DevEndpointException>(() => lake.LoadAsync("orders", "nightly", failFast));
        var unknown = Assert.Throws<DevEndpointException>(() => lake.Bookmarks.Get("nightly"));
        File.Delete(bad);
        await lake.LoadAsync("orders", "nightly");
        var pendingBefore = lake.Bookmarks.Get("nightly").Tables.Single().PendingFiles;
        File.AppendAllText(lake.WriteIds("orders/c.csv", 3), "x,bad\n");
        await Assert.ThrowsAsync<DevEndpointException>(() => lake.LoadAsync("orders", "nightly", failFast));
        var pendingAfter = lake.Bookmarks.Get("nightly").Tables.Single().PendingFiles;

        Assert.StartsWith("Job bookmark 'nightly' does not exist", unknown.Message);
        Assert.Equal(["a.csv"], pendingBefore.Select(f => Path.GetFileName(f.Path)));
        Assert.Equal(pendingBefore, pendingAfter);
    }

    [Fact]
    public async Task Reset_forgets_what_the_job_processed_so_the_next_run_reads_every_file()
    {
        lake.WriteIds("orders/a.csv", 1);
        lake.WriteIds("orders/b.csv", 2);
        await lake.CrawlAsync();
        await lake.LoadAsync("orders", "nightly");
        lake.Bookmarks.Commit("nightly");

        var before = lake.Bookmarks.Reset("nightly");
        var gone = Assert.Throws<DevEndpointException>(() => lake.Bookmarks.Get("nightly"));
        var after = await lake.IdsAsync("orders", "nightly");

        Assert.Equal((1, 2, 0), (before.CommittedRuns, before.FilesProcessed, before.PendingFiles));
        Assert.Equal($"Job bookmark 'nightly' does not exist in the catalog {lake.Catalog.Path}. The catalog has no job bookmarks yet: a load with bookmark nightly starts one.", gone.Message);
        Assert.Equal([1, 2], after);
    }

    [Fact]
    public async Task Two_jobs_reading_one_table_keep_their_own_bookmarks()
    {
        lake.WriteIds("orders/a.csv", 1);
        await lake.CrawlAsync();
        await lake.LoadAsync("orders", "hourly");
        lake.Bookmarks.Commit("hourly");
        lake.WriteIds("orders/b.csv", 2);

        var hourly = await lake.IdsAsync("orders", "hourly");
        var daily = await lake.IdsAsync("orders", "daily");
        lake.Bookmarks.Reset("daily");
        var hourlyAfterDailyReset = lake.Bookmarks.Get("hourly");

        Assert.Equal([2], hourly);
        Assert.Equal([1, 2], daily);
        Assert.Equal((1, 1, 1), (hourlyAfterDailyReset.CommittedRuns, hourlyAfterDailyReset.FilesProcessed, hourlyAfterDailyReset.PendingFiles));
        Assert.Equal(["hourly"], lake.Bookmarks.List().Select(b => b.Job));
    }

    [Fact]
    public async Task A_job_that_reads_two_tables_keeps_a_bookmark_per_table_and_commits_them_together()
    {
        lake.WriteIds("orders/a.csv", 1);
        lake.WriteCities("customers/a.csv", 10);
        await lake.CrawlAsync();
        await lake.LoadAsync("orders", "nightly");
        await lake.LoadAsync("customers", "nightly");
        var pending = lake.Bookmarks.Get("nightly");

        var commit = lake.Bookmarks.Commit("nightly");
        lake.WriteCities("customers/b.csv", 11);
        var orders = await lake.IdsAsync("orders", "nightly");
        var customers = await lake.IdsAsync("customers", "nightly");
        var status = lake.Bookmarks.Get("nightly");

        Assert.Equal([("lake.customers", 0, 1), ("lake.orders", 0, 1)], pending.Tables.Select(t => (t.Table.ToString(), t.FilesProcessed, t.PendingFiles.Count)));
        Assert.Equal(["lake.customers", "lake.orders"], commit.Tables.Select(t => t.ToString()));
        Assert.Empty(orders);
        Assert.Equal([11], customers);
        Assert.Equal([("lake.customers", 1, 1), ("lake.orders", 1, 0)], status.Tables.Select(t => (t.Table.ToString(), t.FilesProcessed, t.PendingFiles.Count)));
        Assert.All(status.Tables, t => Assert.Equal(commit.CommitTime, t.LastCommitTime));
        Assert.Equal(commit.CommitTime, status.LastCommitTime);
    }

    [Fact]
    public async Task A_partitioned_table_reads_only_new_files_in_any_partition_including_new_partitions()
    {
        lake.WriteIds("sales/year=2024/a.csv", 1);
        lake.WriteIds("sales/year=2025/a.csv", 2);
        await lake.CrawlAsync();
        await lake.LoadAsync("sales", "nightly");
        lake.Bookmarks.Commit("nightly");

        lake.WriteIds("sales/year=2024/b.csv", 3);
        lake.WriteIds("sales/year=2025/b.csv", 4);
        lake.WriteIds("sales/year=2026/a.csv", 5);
        await lake.CrawlAsync();
        var second = await lake.LoadAsync("sales", "nightly");

        Assert.Equal([3, 4, 5], second.Frame["id"].Cast<int>().Order());
        Assert.Equal(["2024", "2025", "2026"], second.Frame["year"].Cast<string>().Order());
        Assert.Equal(2, second.Bookmark!.FilesSkipped);
    }

    [Fact]
    public async Task A_load_of_some_partitions_leaves_the_others_for_a_later_run()
    {
        lake.WriteIds("sales/year=2024/a.csv", 1);
        lake.WriteIds("sales/year=2025/a.csv", 2);
        await lake.CrawlAsync();

        var only2024 = await lake.IdsAsync("sales", "nightly", new LoadOptions { Where = "year = '2024'" });
        lake.Bookmarks.Commit("nightly");
        var rest = await lake.IdsAsync("sales", "nightly");

        Assert.Equal([1], only2024);
        Assert.Equal([2], rest);
    }

    [Fact]
    public async Task Loads_of_one_table_in_a_pending_run_add_up_and_a_file_read_twice_is_recorded_once()
    {
        lake.WriteIds("sales/year=2024/a.csv", 1);
        lake.WriteIds("sales/year=2025/a.csv", 2);
        await lake.CrawlAsync();

        await lake.LoadAsync("sales", "nightly", new LoadOptions { Where = "year = '2024'" });
        await lake.LoadAsync("sales", "nightly");
        var pending = lake.Bookmarks.Get("nightly");
        var commit = lake.Bookmarks.Commit("nightly");

        Assert.Equal(2, pending.PendingFiles);
        Assert.Equal(2, commit.Files);
        Assert.Equal(2, lake.Bookmarks.Get("nightly").FilesProcessed);
    }

    [Fact]
    public async Task A_run_loaded_through_one_catalog_instance_is_committed_through_another()
    {
        lake.WriteIds("orders/a.csv", 1);
        await lake.CrawlAsync();
        await lake.LoadAsync("orders", "nightly");

        var other = new JobBookmarks(DataCatalog.Open(lake.Catalog.Path));
        var pending = other.Get("nightly");
        other.Commit("nightly");

        Assert.True(pending.HasPendingRun);
        Assert.Equal("a.csv", Path.GetFileName(Assert.Single(Assert.Single(pending.Tables).PendingFiles).Path));
        Assert.Empty(await lake.IdsAsync("orders", "nightly"));
    }

    [Fact]
    public async Task Job_names_match_without_case_and_keep_the_case_first_given()
    {
        lake.WriteIds("orders/a.csv", 1);
        await lake.CrawlAsync();
        await lake.LoadAsync("orders", "Nightly");

        var commit = lake.Bookmarks.Commit("nightly");

        Assert.Equal("Nightly", commit.Job);
        Assert.Empty(await lake.IdsAsync("orders", "NIGHTLY"));
    }
}
