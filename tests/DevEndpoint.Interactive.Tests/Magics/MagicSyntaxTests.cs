using DevEndpoint.Interactive.Magics;

namespace DevEndpoint.Interactive.Tests.Magics;

public sealed class MagicSyntaxTests
{
    private const string LoadOptions = "--table, --as, --columns, --where, --limit, --sample, --sample-rows, --mode, --error-threshold, --errors-as, --strings, --bookmark, --version, --as-of, --hash-field, --hash-partitions, --bookmark-key, --catalog";

    [Fact]
    public async Task A_misspelt_option_names_the_closest_option_and_lists_them_all()
    {
        await using var fixture = await KernelFixture.CreateAsync();

        var result = await fixture.SubmitAsync("#!load sales.orders --as m --colums Date");

        Assert.Equal(
            $"Unknown option '--colums' for #!load. Did you mean '--columns'? #!load takes {LoadOptions}; #!load --help describes them.",
            KernelFixture.Failure(result));
    }

    [Fact]
    public async Task A_word_for_a_number_names_the_option_the_value_and_the_expected_form()
    {
        await using var fixture = await KernelFixture.CreateAsync();

        var limit = await fixture.SubmitAsync("#!load sales.orders --as m --limit ten");
        var sample = await fixture.SubmitAsync("#!load sales.orders --as m --sample half");

        Assert.Equal("#!load --limit must be a whole number, such as 100; got 'ten'.", KernelFixture.Failure(limit));
        Assert.Equal("#!load --sample must be a number, such as 0.5; got 'half'.", KernelFixture.Failure(sample));
    }

    [Fact]
    public async Task A_missing_option_is_named_with_what_it_is_for()
    {
        await using var fixture = await KernelFixture.CreateAsync();

        var noVariable = await fixture.SubmitAsync("#!load sales.orders");
        var noTable = await fixture.SubmitAsync("#!load --as orders");
        var noValue = await fixture.SubmitAsync("#!load sales.orders --as");

        Assert.Equal(
            "#!load needs --as <as>: The name of the C# variable that receives the DataFrame. #!load --help describes every option.",
            KernelFixture.Failure(noVariable));
        Assert.Equal(
            "#!load needs <table>: The table, as <database>.<table>. #!load --help describes every option.",
            KernelFixture.Failure(noTable));
        Assert.Equal(
            "#!load --as needs a value: The name of the C# variable that receives the DataFrame.",
            KernelFixture.Failure(noValue));
    }

    [Fact]
    public async Task An_option_given_twice_or_a_stray_word_is_refused()
    {
        await using var fixture = await KernelFixture.CreateAsync();

        var twice = await fixture.SubmitAsync("#!load sales.orders --as a --as b");
        var stray = await fixture.SubmitAsync("#!load sales.orders extra --as a");

        Assert.Equal("#!load takes --as once; give one value.", KernelFixture.Failure(twice));
        Assert.Equal(
            "Unexpected 'extra' for #!load: give a value after its option name; #!load --help describes them.",
            KernelFixture.Failure(stray));
    }

    [Fact]
    public async Task An_unknown_subcommand_is_refused_with_the_closest_one()
    {
        await using var fixture = await KernelFixture.CreateAsync();

        var devendpoint = await fixture.SubmitAsync("#!devendpoint sql");
        var classifier = await fixture.SubmitAsync("#!classifier ad pipes --type csv");

        Assert.Equal(
            "Unknown subcommand 'sql' for #!devendpoint. #!devendpoint takes help; #!devendpoint --help describes them.",
            KernelFixture.Failure(devendpoint));
        Assert.Equal(
            "Unknown subcommand 'ad' for #!classifier. Did you mean 'add'? #!classifier takes add, list or remove; #!classifier --help describes them.",
            KernelFixture.Failure(classifier));
    }

    [Fact]
    public async Task A_subcommand_option_is_checked_against_the_subcommand()
    {
        await using var fixture = await KernelFixture.CreateAsync();

        var result = await fixture.SubmitAsync("#!bookmark reset nightly --catalgo c.db");

        Assert.Equal(
            "Unknown option '--catalgo' for #!bookmark reset. Did you mean '--catalog'? #!bookmark reset takes --job, --catalog; #!bookmark reset --help describes them.",
            KernelFixture.Failure(result));
    }

    [Fact]
    public async Task Help_of_a_magic_describes_its_usage_and_options_instead_of_asking_for_its_table()
    {
        await using var fixture = await KernelFixture.CreateAsync();

        var result = await fixture.SubmitAsync("#!load -h");

        KernelFixture.AssertSucceeded(result);
        var html = KernelFixture.Html(result);
        Assert.Contains("#!load: Load a catalog table into a Microsoft.Data.Analysis.DataFrame variable", html);
        Assert.Contains("Usage: #!load &lt;table&gt; --as &lt;as&gt; [options]", html);
        Assert.Contains("<td style=\"text-align:left\">--limit &lt;limit&gt;</td><td style=\"text-align:left\"></td><td style=\"text-align:left\">Load at most this many rows (reading stops as soon as they are read).</td>", html);
    }

    [Fact]
    public async Task Help_of_a_magic_with_subcommands_lists_them()
    {
        await using var fixture = await KernelFixture.CreateAsync();

        var magic = await fixture.SubmitAsync("#!classifier --help");
        var subcommand = await fixture.SubmitAsync("#!classifier remove --help");

        KernelFixture.AssertSucceeded(magic);
        Assert.Contains("Usage: #!classifier &lt;subcommand&gt;", KernelFixture.Html(magic));
        Assert.Contains("<td style=\"text-align:left\">list</td><td style=\"text-align:left\">List the custom classifiers.</td>", KernelFixture.Html(magic));
        Assert.Contains("#!classifier remove: Remove a custom classifier from the catalog.", KernelFixture.Html(subcommand));
    }

    [Fact]
    public async Task Every_magic_answers_help_with_its_description()
    {
        await using var fixture = await KernelFixture.CreateAsync();

        foreach (var (magic, _, _) in HelpMagic.Magics.Where(m => m.Magic != "#!<endpoint>"))
        {
            var result = await fixture.SubmitAsync($"{magic} --help");

            KernelFixture.AssertSucceeded(result);
            Assert.Contains($"<div style=\"font-weight:bold;margin:4px 0\">{magic}: ", KernelFixture.Html(result));
        }
    }

    [Fact]
    public async Task Code_after_a_wrong_magic_does_not_run()
    {
        await using var fixture = await KernelFixture.CreateAsync();

        var result = await fixture.SubmitAsync("#!load sales.orders --as m --limit ten\nvar ran = 1;");
        var ran = await fixture.SubmitAsync("ran");

        Assert.Equal("#!load --limit must be a whole number, such as 100; got 'ten'.", KernelFixture.Failure(result));
        Assert.Contains("ran", KernelFixture.Failure(ran));
    }

    [Fact]
    public async Task A_quoted_value_that_looks_like_an_option_is_a_value()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();

        var result = await fixture.MagicAsync("#!load sales.orders --as m --where \"year = '-h'\" --limit 5");

        KernelFixture.AssertSucceeded(result);
    }
}
