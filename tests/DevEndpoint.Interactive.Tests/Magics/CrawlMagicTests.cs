using Microsoft.DotNet.Interactive.Events;

namespace DevEndpoint.Interactive.Tests.Magics;

public sealed class CrawlMagicTests
{
    [Fact]
    public async Task Crawl_shows_progress_then_a_summary_of_tables_and_skipped_files()
    {
        await using var fixture = await KernelFixture.CreateAsync();

        var result = await fixture.MagicAsync($"#!crawl {fixture.Lake} --database sales");

        KernelFixture.AssertSucceeded(result);
        Assert.Contains(result.Events, e => e is DisplayedValueProduced);
        var updates = result.Events.OfType<DisplayedValueUpdated>().ToList();
        Assert.NotEmpty(updates);
        var summary = updates[^1].FormattedValues.Single(v => v.MimeType == "text/html").Value;
        Assert.Contains("Tables: 3 created, 0 updated, 0 unchanged. Partitions added: 5.", summary);
        Assert.Contains("<td>orders</td><td>created</td><td>csv</td>", summary);
        Assert.Contains("orders/year=2024/month=01/_SUCCESS", summary);
    }

    [Fact]
    public async Task Crawl_leaves_out_every_excluded_glob()
    {
        await using var fixture = await KernelFixture.CreateAsync();

        var result = await fixture.MagicAsync($"#!crawl {fixture.Lake} --database sales --exclude \"{{products,tmp}}/**,orders/year=2023\"");

        KernelFixture.AssertSucceeded(result);
        var summary = result.Events.OfType<DisplayedValueUpdated>().Last().FormattedValues.Single(v => v.MimeType == "text/html").Value;
        Assert.Contains("Tables: 2 created, 0 updated, 0 unchanged. Partitions added: 3.", summary);
        Assert.Contains("excluded: 5.", summary);
        Assert.DoesNotContain("<td>products</td>", summary);
    }

    [Fact]
    public async Task Crawl_takes_sample_sizes_and_refuses_a_sample_too_small()
    {
        await using var fixture = await KernelFixture.CreateAsync();

        var small = await fixture.MagicAsync($"#!crawl {fixture.Lake} --database sales --sample-rows 5 --sample-bytes 8192");
        var refused = await fixture.MagicAsync($"#!crawl {fixture.Lake} --database sales --sample-bytes 10");

        KernelFixture.AssertSucceeded(small);
        Assert.Equal(
            "--sample-bytes must be between 4096 and 2147483647; got 10. The default, 1048576, reads the first MiB of each file.",
            KernelFixture.Failure(refused));
    }

    [Fact]
    public async Task Crawl_of_a_missing_folder_fails_the_cell_with_a_clear_message()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        var missing = Path.Combine(fixture.Folder, "nowhere");

        var result = await fixture.MagicAsync($"#!crawl {missing} --database sales");

        Assert.Equal(
            $"The folder '{missing}' does not exist (resolved to {missing}). Check the path; relative paths start from {Environment.CurrentDirectory}.",
            KernelFixture.Failure(result));
    }

    [Fact]
    public async Task Crawl_without_a_database_names_the_missing_parameter()
    {
        await using var fixture = await KernelFixture.CreateAsync();

        var result = await fixture.SubmitAsync($"#!crawl {fixture.Lake}");

        Assert.Contains("Missing required parameter '--database'", KernelFixture.Failure(result));
    }

    [Fact]
    public async Task An_unknown_option_is_rejected_by_name()
    {
        await using var fixture = await KernelFixture.CreateAsync();

        var result = await fixture.SubmitAsync($"#!crawl {fixture.Lake} --database sales --bogus 1");

        Assert.Contains("Unrecognized parameter name '--bogus'", KernelFixture.Failure(result));
    }
}
