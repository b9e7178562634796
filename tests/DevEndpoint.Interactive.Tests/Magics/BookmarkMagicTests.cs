using DevEndpoint.Jobs;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Interactive.Tests.Magics;

public sealed class BookmarkMagicTests
{
    [Fact]
    public async Task Load_with_a_bookmark_reads_only_files_added_since_the_committed_run()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();

        var first = await fixture.MagicAsync("#!load sales.orders --as orders --bookmark nightly");
        var commit = await fixture.MagicAsync("#!bookmark commit nightly");
        File.Copy(OrdersFile(fixture, "2024", "01"), Path.Combine(Path.GetDirectoryName(OrdersFile(fixture, "2024", "02"))!, "part-0001.csv"));
        var second = await fixture.MagicAsync("#!load sales.orders --as orders --bookmark nightly");
        var status = await fixture.MagicAsync("#!bookmark status nightly");

        KernelFixture.AssertSucceeded(first);
        Assert.Contains("Bookmark nightly: read 5 new or changed files of sales.orders, skipped 0 that its committed runs processed. When the run succeeds, #!bookmark commit nightly.", KernelFixture.Html(first));
        KernelFixture.AssertSucceeded(commit);
        Assert.Matches(
            "Committed run 1 of job bookmark nightly at [0-9-]+ [0-9:]+ UTC: 5 files of sales.orders are processed; the next load with --bookmark nightly reads only files added or changed since.",
            KernelFixture.Html(commit));
        KernelFixture.AssertSucceeded(second);
        Assert.Contains("read 1 new or changed files of sales.orders, skipped 5", KernelFixture.Html(second));
        Assert.True(fixture.CSharp.TryGetValue<DataFrame>("orders", out var orders));
        Assert.Equal(40, orders.Rows.Count);
        Assert.All(orders["month"].Cast<string>(), month => Assert.Equal("02", month));
        var html = KernelFixture.Html(status);
        Assert.Matches("1 committed runs, the last at [0-9-]+ [0-9:]+ UTC; 5 files processed; a pending run since [0-9-]+ [0-9:]+ UTC that read 1 files", html);
        Assert.Matches("<tr><td style=\"text-align:left\">sales.orders</td><td style=\"text-align:right\">5</td><td style=\"text-align:left\">[0-9-]+ [0-9:]+ UTC</td><td style=\"text-align:right\">1</td><td style=\"text-align:left\">[0-9-]+ [0-9:]+ UTC</td></tr>", html);
        Assert.Contains($"<td style=\"text-align:left\">{Path.Combine(fixture.Lake, "orders", "year=2024", "month=02", "part-0001.csv")}</td><td style=\"text-align:left\">sales.orders</td>", html);
    }

    [Fact]
    public async Task Reset_makes_the_next_bookmarked_load_read_every_file_again()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();
        KernelFixture.AssertSucceeded(await fixture.MagicAsync("#!load sales.orders --as orders --bookmark nightly"));
        KernelFixture.AssertSucceeded(await fixture.MagicAsync("#!bookmark commit nightly"));

        var reset = await fixture.MagicAsync("#!bookmark reset nightly");
        var again = await fixture.MagicAsync("#!load sales.orders --as orders --bookmark nightly");

        KernelFixture.AssertSucceeded(reset);
        Assert.Contains("Reset job bookmark nightly: forgot 5 processed and 0 pending files of 1 tables; the next load with --bookmark nightly reads every file.", KernelFixture.Html(reset));
        KernelFixture.AssertSucceeded(again);
        Assert.True(fixture.CSharp.TryGetValue<DataFrame>("orders", out var orders));
        Assert.Equal(200, orders.Rows.Count);
    }

    [Fact]
    public async Task Status_without_a_job_lists_every_job_and_says_how_to_start_one_when_there_is_none()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();

        var none = await fixture.MagicAsync("#!bookmark status");
        KernelFixture.AssertSucceeded(await fixture.MagicAsync("#!load sales.orders --as orders --bookmark hourly"));
        KernelFixture.AssertSucceeded(await fixture.MagicAsync("#!load sales.products --as products --bookmark daily"));
        var all = await fixture.MagicAsync("#!bookmark status");

        Assert.Contains($"No job bookmarks in {fixture.CatalogPath} yet: #!load &lt;db&gt;.&lt;table&gt; --as &lt;name&gt; --bookmark &lt;job&gt; starts one.", KernelFixture.Html(none));
        var html = KernelFixture.Html(all);
        Assert.True(html.IndexOf("Job bookmark daily", StringComparison.Ordinal) is >= 0 and var daily && daily < html.IndexOf("Job bookmark hourly", StringComparison.Ordinal), html);
        Assert.Contains("no committed run yet; 0 files processed; a pending run since", html);
    }

    [Fact]
    public async Task Bookmark_errors_fail_the_cell_with_the_cores_message()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();
        KernelFixture.AssertSucceeded(await fixture.MagicAsync("#!load sales.orders --as orders --bookmark nightly"));

        var unknown = await fixture.MagicAsync("#!bookmark commit nighty");
        var limit = await fixture.MagicAsync("#!load sales.orders --as orders --bookmark nightly --limit 5");
        var badName = await fixture.MagicAsync("#!bookmark status \"night ly\"");
        var noSubcommand = await fixture.SubmitAsync("#!bookmark");

        Assert.Equal($"Job bookmark 'nighty' does not exist in the catalog {fixture.CatalogPath}. Did you mean 'nightly'?", KernelFixture.Failure(unknown));
        Assert.Equal(
            "A load with job bookmark 'nightly' reads whole files and records them as processed, so it cannot take a row limit or a sample. Load without them, or without the bookmark.",
            KernelFixture.Failure(limit));
        Assert.Equal("'night ly' is not a valid job name. Use 1 to 255 letters, digits, underscores, hyphens or dots, for example nightly_orders.", KernelFixture.Failure(badName));
        Assert.Equal("Give #!bookmark a subcommand: status, commit or reset.", KernelFixture.Failure(noSubcommand));
    }

    [Fact]
    public async Task Bookmark_in_an_endpoint_cell_uses_the_endpoints_catalog()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();
        KernelFixture.AssertSucceeded(await fixture.SubmitAsync($"#!endpoint create next --catalog {fixture.CatalogPath}"));

        var load = await fixture.SubmitAsync("#!next\n#!load sales.products --as products --bookmark nightly");
        var commit = await fixture.SubmitAsync("#!next\n#!bookmark commit nightly");

        KernelFixture.AssertSucceeded(load);
        KernelFixture.AssertSucceeded(commit);
        Assert.Equal(1, new JobBookmarks(Catalog.DataCatalog.Open(fixture.CatalogPath)).Get("nightly").FilesProcessed);
    }

    private static string OrdersFile(KernelFixture fixture, string year, string month) =>
        Path.Combine(fixture.Lake, "orders", $"year={year}", $"month={month}", "part-0000.csv");
}
