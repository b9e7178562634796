using Microsoft.DotNet.Interactive.Events;

namespace DevEndpoint.Interactive.Tests.Views;

public sealed class FrameViewsTests
{
    private const string Frame =
        "new Microsoft.Data.Analysis.DataFrame("
        + "new Microsoft.Data.Analysis.PrimitiveDataFrameColumn<System.DateTime>(\"Date\", new System.DateTime?[] { new System.DateTime(2022, 8, 5) }), "
        + "new Microsoft.Data.Analysis.StringDataFrameColumn(\"Team\", new[] { new string('x', 80) }), "
        + "new Microsoft.Data.Analysis.PrimitiveDataFrameColumn<long>(\"Goals\", new long?[] { 3 }))";

    [Fact]
    public async Task A_DataFrame_in_a_cell_shows_dates_as_dates_long_text_shortened_and_numbers_right_in_html()
    {
        await using var fixture = await KernelFixture.CreateAsync();

        var result = await fixture.SubmitAsync(Frame);

        var html = Assert.Single(result.Events.OfType<ReturnValueProduced>()).FormattedValues.Single(v => v.MimeType == "text/html").Value;
        Assert.Contains(
            "<thead><tr><th style=\"text-align:left\">Date</th><th style=\"text-align:left\">Team</th><th style=\"text-align:right\">Goals</th></tr></thead>"
                + $"<tbody><tr><td style=\"text-align:left\">2022-08-05</td><td style=\"text-align:left\">{new string('x', 59)}…</td><td style=\"text-align:right\">3</td></tr></tbody>",
            html);
        Assert.Contains("1 rows x 3 columns.", html);
    }

    [Fact]
    public async Task A_DataFrame_in_a_cell_has_a_plain_text_table_too()
    {
        await using var fixture = await KernelFixture.CreateAsync();

        var result = await fixture.SubmitAsync(Frame);

        var text = Assert.Single(result.Events.OfType<ReturnValueProduced>()).FormattedValues.Single(v => v.MimeType == "text/plain").Value;
        Assert.Equal(
            $"Date       | Team{new string(' ', 56)} | Goals\n"
                + $"-----------+-{new string('-', 60)}-+------\n"
                + $"2022-08-05 | {new string('x', 59)}… |     3\n"
                + "1 rows x 3 columns.",
            text);
    }

    [Fact]
    public async Task A_load_shows_its_first_rows_with_dates_and_alignment()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();

        var load = await fixture.MagicAsync("#!load sales.orders --as orders --columns order_id,year --limit 2");

        KernelFixture.AssertSucceeded(load);
        Assert.Contains(
            "<tr><td style=\"text-align:right\">1000</td><td style=\"text-align:left\">2023</td></tr>",
            KernelFixture.Html(load));
    }
}
