using DevEndpoint.Catalog;
using DevEndpoint.Loading;
using DevEndpoint.Tests.Catalog;

namespace DevEndpoint.Tests.Jobs;

public sealed class JobBookmarkErrorTests : IDisposable
{
    private readonly BookmarkedLake lake = new();

    public void Dispose() => lake.Dispose();

    [Fact]
    public async Task An_unknown_job_is_named_with_the_closest_ones()
    {
        lake.WriteIds("orders/a.csv", 1);
        await lake.CrawlAsync();
        await lake.LoadAsync("orders", "nightly");
        await lake.LoadAsync("orders", "hourly");

        var misspelt = Assert.Throws<DevEndpointException>(() => lake.Bookmarks.Commit("nighty"));
        var other = Assert.Throws<DevEndpointException>(() => lake.Bookmarks.Reset("weekly_rollup_of_everything"));

        Assert.Equal($"Job bookmark 'nighty' does not exist in the catalog {lake.Catalog.Path}. Did you mean 'nightly'?", misspelt.Message);
        Assert.Equal(
            $"Job bookmark 'weekly_rollup_of_everything' does not exist in the catalog {lake.Catalog.Path}. Job bookmarks: 'hourly', 'nightly'.",
            other.Message);
    }

    [Fact]
    public async Task A_table_in_an_object_store_is_not_loaded_with_a_bookmark_yet()
    {
        var orders = TestTables.Orders();
        lake.Catalog.Update(update =>
        {
            update.EnsureDatabase(TestTables.Sales);
            update.PutTable(orders with { PartitionKeys = [], StorageDescriptor = orders.StorageDescriptor with { Location = "s3://lake/sales/orders/" } });
        });

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => new TableLoader(lake.Catalog).LoadAsync("sales.orders", new LoadOptions { Bookmark = "nightly" }));

        Assert.Equal(
            "Job bookmarks follow local files only so far, and table sales.orders is in an object store (s3://lake/sales/orders/). Load it without --bookmark.",
            error.Message);
    }

    [Fact]
    public async Task A_commit_without_a_pending_run_says_to_load_first()
    {
        lake.WriteIds("orders/a.csv", 1);
        await lake.CrawlAsync();
        await lake.LoadAsync("orders", "nightly");
        lake.Bookmarks.Commit("nightly");

        var again = Assert.Throws<DevEndpointException>(() => lake.Bookmarks.Commit("nightly"));

        Assert.Equal(
            "Job bookmark 'nightly' has no pending run to commit: nothing was loaded with it since its last commit. Load its tables with bookmark nightly, then commit.",
            again.Message);
        Assert.Equal(1, lake.Bookmarks.Get("nightly").CommittedRuns);
    }

    [Theory]
    [InlineData("night ly")]
    [InlineData("")]
    [InlineData("a/b")]
    public async Task A_job_name_that_is_not_valid_is_refused(string job)
    {
        lake.WriteIds("orders/a.csv", 1);
        await lake.CrawlAsync();

        var load = await Assert.ThrowsAsync<DevEndpointException>(() => lake.LoadAsync("orders", job));
        var status = Assert.Throws<DevEndpointException>(() => lake.Bookmarks.Get(job));

        var expected = $"'{job}' is not a valid job name. Use 1 to 255 letters, digits, underscores, hyphens or dots, for example nightly_orders.";
        Assert.Equal(expected, load.Message);
        Assert.Equal(expected, status.Message);
    }

    [Theory]
    [InlineData(10L, null, null)]
    [InlineData(null, 0.5, null)]
    [InlineData(null, null, 10L)]
    public async Task A_bookmarked_load_refuses_a_limit_or_a_sample_which_would_leave_rows_unread(long? limit, double? fraction, long? rows)
    {
        lake.WriteIds("orders/a.csv", 1);
        await lake.CrawlAsync();

        var error = await Assert.ThrowsAsync<DevEndpointException>(
            () => lake.LoadAsync("orders", "nightly", new LoadOptions { Limit = limit, SampleFraction = fraction, SampleRows = rows }));

        Assert.Equal(
            "A load with job bookmark 'nightly' reads whole files and records them as processed, so it cannot take a row limit or a sample. Load without them, or without the bookmark.",
            error.Message);
        Assert.Empty(lake.Bookmarks.List());
    }
}
