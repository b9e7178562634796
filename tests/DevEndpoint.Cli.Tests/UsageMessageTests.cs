namespace DevEndpoint.Cli.Tests;

public sealed class UsageMessageTests
{
    [Fact]
    public async Task A_misspelt_option_names_the_closest_option_and_lists_them_all()
    {
        var result = await DevEndpointCommand.RunAsync("load", "sales.orders", "--colums", "Date");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            "error: Unknown option '--colums' for devendpoint load. Did you mean '--columns'? devendpoint load takes --columns, --where, --limit, --sample, --sample-rows, --mode, --error-threshold, --strings, --bookmark, --version, --as-of, --summary, --hash-field, --hash-partitions, --bookmark-key, --catalog; devendpoint load --help describes them."
                + Environment.NewLine + "Run 'devendpoint load --help' for its usage." + Environment.NewLine,
            result.Error);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task A_word_for_a_number_names_the_option_the_value_and_the_expected_form()
    {
        var result = await DevEndpointCommand.RunAsync("load", "sales.orders", "--limit", "ten");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: devendpoint load --limit must be a whole number, such as 100; got 'ten'." + Environment.NewLine, result.Error);
    }

    [Fact]
    public async Task A_misspelt_command_names_the_closest_command()
    {
        var result = await DevEndpointCommand.RunAsync("catalog", "databse");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            "error: Unknown subcommand 'databse' for devendpoint catalog. Did you mean 'databases'? devendpoint catalog takes databases, tables, table, partitions, versions, runs, check, backup, copy, grant, revoke or grants; devendpoint catalog --help describes them."
                + Environment.NewLine + "Run 'devendpoint catalog --help' for its usage." + Environment.NewLine,
            result.Error);
    }
}
