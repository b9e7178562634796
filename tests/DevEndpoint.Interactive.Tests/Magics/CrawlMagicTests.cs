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
        Assert.Contains("<td style=\"text-align:left\">orders</td><td style=\"text-align:left\">created</td><td style=\"text-align:left\">csv</td>", summary);
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
        Assert.DoesNotContain("<td style=\"text-align:left\">products</td>", summary);
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
    public async Task Crawl_takes_a_sample_of_files_per_folder_and_shows_how_many_were_listed_and_sampled()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        var lake = Path.Combine(fixture.Folder, "many");
        Directory.CreateDirectory(Path.Combine(lake, "events"));
        for (var i = 0; i < 5; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(lake, "events", $"part-{i}.csv"), $"id,kind\n{i},click\n");
        }

        var result = await fixture.MagicAsync($"#!crawl {lake} --database many --sample-files 2");

        KernelFixture.AssertSucceeded(result);
        var summary = result.Events.OfType<DisplayedValueUpdated>().Last().FormattedValues.Single(v => v.MimeType == "text/html").Value;
        Assert.Contains(
            "Files scanned: 2, skipped: 0, excluded: 0. Files listed: 5, sampled: 2 (--sample-files 2: at most 2 per folder, unless its files make several tables); files not sampled count in their tables but were not read.",
            summary);
        Assert.Contains("<td style=\"text-align:left\">events</td><td style=\"text-align:left\">created</td><td style=\"text-align:left\">csv</td><td style=\"text-align:right\">2</td><td style=\"text-align:right\">0</td><td style=\"text-align:right\">0</td><td style=\"text-align:right\">5</td><td style=\"text-align:right\">5</td>", summary);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("abc")]
    public async Task Crawl_refuses_a_sample_of_files_that_is_not_a_whole_number_of_at_least_one(string value)
    {
        await using var fixture = await KernelFixture.CreateAsync();

        var refused = await fixture.MagicAsync($"#!crawl {fixture.Lake} --database sales --sample-files {value}");

        Assert.Equal(
            $"--sample-files must be a whole number of files from 1 to 2147483647; got '{value}'. It is how many files of each folder are read; leave it out to read every file.",
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

        Assert.Equal(
            "#!crawl needs --database <database>: The catalog database that receives the tables (created when missing). #!crawl --help describes every option.",
            KernelFixture.Failure(result));
    }

    [Fact]
    public async Task An_unknown_option_is_rejected_by_name()
    {
        await using var fixture = await KernelFixture.CreateAsync();

        var result = await fixture.SubmitAsync($"#!crawl {fixture.Lake} --database sales --bogus 1");

        Assert.StartsWith("Unknown option '--bogus' for #!crawl. #!crawl takes --path, --database, --exclude, ", KernelFixture.Failure(result));
    }
}
