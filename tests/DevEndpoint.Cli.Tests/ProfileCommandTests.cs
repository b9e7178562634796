using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;

namespace DevEndpoint.Cli.Tests;

public sealed class ProfileCommandTests : IAsyncLifetime
{
    private readonly TempFolder temp = new();

    public async Task InitializeAsync()
    {
        temp.Write(
            "lake/people/people.csv",
            "id,name,born,score\n"
            + "1,Mary,1980-02-29,1.5\n"
            + "2,Lee,1975-12-01,\n"
            + "3,Lee,,2.25\n"
            + "4,Ann,1990-06-30,4\n");
        var crawl = await RunAsync("crawl", temp.Combine("lake"), "--database", "crm");
        Assert.True(crawl.ExitCode == 0, crawl.Error);
    }

    public Task DisposeAsync()
    {
        temp.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_profile_prints_a_summary_and_a_row_per_column()
    {
        var result = await RunAsync("profile", "crm.people");

        Assert.True(result.ExitCode == 0, result.Error);
        var lines = result.Output.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal("crm.people: 4 rows, 0 duplicate rows, 4 columns.", lines[0]);
        Assert.StartsWith("column", lines[1], StringComparison.Ordinal);
        Assert.Equal(["id", "name", "born", "score"], lines[2..6].Select(l => l.Split(' ')[0]));
        Assert.Contains("Lee (2)", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_holds_the_profile_and_html_writes_a_well_formed_page()
    {
        var page = temp.Combine("out", "people.html");

        var result = await RunAsync("profile", "crm.people", "--columns", "name,score", "--html", page, "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var profile = json.RootElement.GetProperty("Profile");
        Assert.Equal("crm.people", profile.GetProperty("Source").GetString());
        Assert.Equal(4, profile.GetProperty("Rows").GetInt64());
        var score = profile.GetProperty("Columns")[1];
        Assert.Equal("score", score.GetProperty("Name").GetString());
        Assert.Equal("Numeric", score.GetProperty("Kind").GetString());
        Assert.Equal(1, score.GetProperty("Nulls").GetInt64());
        Assert.Equal((1.5 + 2.25 + 4) / 3, score.GetProperty("Mean").GetDouble(), 12);
        Assert.Equal(0.75, score.GetProperty("Completeness").GetDouble());
        Assert.Equal("Lee", profile.GetProperty("Columns")[0].GetProperty("TopValues")[0].GetProperty("Value").GetString());
        Assert.Equal("Profile of crm.people", XDocument.Parse(File.ReadAllText(page)).Descendants("title").Single().Value);
    }

    [Fact]
    public async Task An_unknown_table_or_column_fails_with_its_message()
    {
        var table = await RunAsync("profile", "crm.peple");
        var column = await RunAsync("profile", "crm.people", "--columns", "scor");

        Assert.Equal(1, table.ExitCode);
        Assert.Equal($"error: Table 'crm.peple' does not exist in the catalog {temp.Combine("catalog.db")}. Did you mean 'crm.people'?\n", table.Error.ReplaceLineEndings("\n"));
        Assert.Equal(1, column.ExitCode);
        Assert.Equal("error: Table crm.people has no column 'scor'. Did you mean 'score'? Its columns: id, name, born, score.\n", column.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task A_sample_of_fewer_rows_says_so()
    {
        var result = await RunAsync("profile", "crm.people", "--sample", 2.ToString(CultureInfo.InvariantCulture));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.StartsWith("crm.people: 2 rows (a random sample), ", result.Output, StringComparison.Ordinal);
    }

    private Task<CliResult> RunAsync(params string[] args) => DevEndpointCommand.RunAsync([.. args, "--catalog", temp.Combine("catalog.db")]);
}
