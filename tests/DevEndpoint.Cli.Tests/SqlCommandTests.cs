using System.Text.Json;

namespace DevEndpoint.Cli.Tests;

public sealed class SqlCommandTests : IAsyncLifetime
{
    private readonly TempFolder temp = new();

    public async Task InitializeAsync()
    {
        temp.Write(
            "lake/people/people.csv",
            "id,name,born,score\n"
            + "1,\"Smith, Mary\",1980-02-29,1.5\n"
            + "2,O'Brien,1975-12-01,\n"
            + "3,Lee,,2.25\n");
        var crawl = await RunAsync("crawl", temp.Combine("lake"), "--database", "crm");
        Assert.True(crawl.ExitCode == 0, crawl.Error);
    }

    public Task DisposeAsync()
    {
        temp.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_query_prints_a_text_table_of_its_rows()
    {
        var result = await RunAsync("sql", "SELECT id, name, born, score FROM crm.people ORDER BY id");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(
            """
            id  name         born        score
            1   Smith, Mary  1980-02-29  1.50
            2   O'Brien      1975-12-01
            3   Lee                      2.25
            (3 rows)

            """,
            result.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task A_hostile_param_is_bound_and_json_keeps_types_and_nulls()
    {
        var result = await RunAsync("sql", "SELECT id, born, score FROM crm.people WHERE name = {{who}} OR id > {{min}}", "--param", "who=O'Brien", "--param", "min=2", "--json");
        var hostile = await RunAsync("sql", "SELECT count(*) AS n FROM crm.people WHERE name = {{who}}", "--param", "who='; DROP TABLE crm.people; --");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("n\n0\n(1 rows)\n", hostile.Output.ReplaceLineEndings("\n"));
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(
            """[{"Name":"id","Type":"INTEGER"},{"Name":"born","Type":"DATE"},{"Name":"score","Type":"DECIMAL"}]""",
            json.RootElement.GetProperty("Columns").GetRawText().Replace(" ", string.Empty, StringComparison.Ordinal).ReplaceLineEndings(string.Empty));
        Assert.Equal(
            """[[2,"1975-12-01",null],[3,null,2.25]]""",
            json.RootElement.GetProperty("Rows").GetRawText().Replace(" ", string.Empty, StringComparison.Ordinal).ReplaceLineEndings(string.Empty));
    }

    [Fact]
    public async Task Csv_quotes_what_needs_quotes()
    {
        var result = await RunAsync("sql", "SELECT name, score FROM crm.people ORDER BY id", "--csv");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("name,score\n\"Smith, Mary\",1.50\nO'Brien,\nLee,2.25\n", result.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task An_unknown_table_and_a_bad_param_fail_with_their_messages()
    {
        var unknown = await RunAsync("sql", "SELECT * FROM crm.peple");
        var param = await RunAsync("sql", "SELECT {{x}}", "--param", "x");

        Assert.Equal(1, unknown.ExitCode);
        Assert.Equal($"error: Table 'crm.peple' does not exist in the catalog {temp.Combine("catalog.db")}. Did you mean 'crm.people'?\n", unknown.Error.ReplaceLineEndings("\n"));
        Assert.Equal(2, param.ExitCode);
        Assert.StartsWith("error: --param takes name=value, such as --param region=EU (the query names it {{region}}); got 'x'.\n", param.Error.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_and_csv_together_fail_before_the_query_runs()
    {
        var both = await RunAsync("sql", "SELECT * FROM crm.people", "--json", "--csv");

        Assert.Equal(2, both.ExitCode);
        Assert.StartsWith("error: --json and --csv are two forms of the same output: give one of them.\n", both.Error.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Empty(both.Output);
    }

    private Task<CliResult> RunAsync(params string[] args) => DevEndpointCommand.RunAsync([.. args, "--catalog", temp.Combine("catalog.db")]);
}
