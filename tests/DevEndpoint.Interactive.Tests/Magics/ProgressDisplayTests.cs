using Microsoft.DotNet.Interactive.Events;

namespace DevEndpoint.Interactive.Tests.Magics;

public sealed class ProgressDisplayTests
{
    [Fact]
    public async Task A_failed_load_replaces_its_progress_with_the_news_that_it_failed()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();

        var result = await fixture.MagicAsync("#!load sales.order --as orders");

        Assert.StartsWith("Table 'sales.order' does not exist", KernelFixture.Failure(result));
        var shown = Assert.Single(result.Events.OfType<DisplayedValueProduced>());
        var last = result.Events.OfType<DisplayedValueUpdated>().Last(u => u.ValueId == shown.ValueId);
        Assert.Equal(
            "<div style=\"margin:4px 0\">Loading sales.order failed: see the error below.</div>",
            last.FormattedValues.Single(v => v.MimeType == "text/html").Value);
        Assert.Contains("<progress max=\"100\"></progress> Loading sales.order: 0 of 0 files", shown.FormattedValues.Single(v => v.MimeType == "text/html").Value);
    }

    [Fact]
    public async Task A_failed_crawl_replaces_its_progress_with_the_news_that_it_failed()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        var missing = Path.Combine(fixture.Folder, "missing");

        var result = await fixture.MagicAsync($"#!crawl {missing} --database sales");

        KernelFixture.Failure(result);
        var shown = Assert.Single(result.Events.OfType<DisplayedValueProduced>());
        var last = result.Events.OfType<DisplayedValueUpdated>().Last(u => u.ValueId == shown.ValueId);
        Assert.Equal(
            $"<div style=\"margin:4px 0\">Crawling {missing} failed: see the error below.</div>",
            last.FormattedValues.Single(v => v.MimeType == "text/html").Value);
    }
}
