using System.Text.Json;

namespace DevEndpoint.Cli.Tests;

/// <summary><c>devendpoint dq</c>: a ruleset file or a kept ruleset over a crawled table, its history, rulesets and recommendations.</summary>
public sealed class DataQualityCommandTests : IAsyncLifetime
{
    private static readonly string[] Names = ["Ann", "Bo", "Cy", "Di", "Ed"];

    private readonly TempFolder temp = new();

    public async Task InitializeAsync()
    {
        temp.Write("lake/people/people.csv", "id,name,age\n" + string.Concat(Names.Select((n, i) => $"{i + 1},{n},{(i == 2 ? string.Empty : (20 + i).ToString(System.Globalization.CultureInfo.InvariantCulture))}\n")));
        temp.Write("rules.dqdl", "Rules = [\n  RowCount = 5,\n  IsComplete \"age\",\n  Mean \"age\" > 20\n]\n");
        var crawl = await RunAsync("crawl", temp.Combine("lake"), "--database", "crm");
        Assert.True(crawl.ExitCode == 0, crawl.Error);
    }

    public Task DisposeAsync()
    {
        temp.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_run_prints_each_rule_exits_3_when_one_fails_and_keeps_the_run()
    {
        var ages = new[] { 20, 21, 23, 24 };

        var run = await RunAsync("dq", "run", "crm.people", "--ruleset", temp.Combine("rules.dqdl"), "--json");

        Assert.Equal(3, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var result = json.RootElement.GetProperty("DataQualityResult");
        var rules = result.GetProperty("RuleResults").EnumerateArray().ToList();
        Assert.Equal(["PASS", "FAIL", "PASS"], rules.Select(r => r.GetProperty("Result").GetString()));
        Assert.Equal(ages.Average(), rules[2].GetProperty("EvaluatedMetrics").GetProperty("Column.age.Mean").GetDouble(), 9);
        Assert.Equal("IsComplete \"age\"", rules[1].GetProperty("Description").GetString());
        var history = await RunAsync("dq", "history", "crm.people", "--json");
        Assert.Equal(
            result.GetProperty("ResultId").GetString(),
            JsonDocument.Parse(history.Output).RootElement.GetProperty("Results")[0].GetProperty("ResultId").GetString());
    }

    [Fact]
    public async Task A_kept_ruleset_runs_by_name_and_is_listed_shown_and_deleted()
    {
        var created = await RunAsync("dq", "ruleset", "create", "people-checks", "--table", "crm.people", "--file", temp.Combine("rules.dqdl"));
        Assert.True(created.ExitCode == 0, created.Error);
        Assert.Equal("Kept ruleset people-checks for crm.people; run it with devendpoint dq run crm.people --ruleset people-checks\n", created.Output);

        var run = await RunAsync("dq", "run", "crm.people", "--ruleset", "people-checks", "--no-record");
        Assert.Equal(3, run.ExitCode);
        Assert.EndsWith("Score 0.666667: 2 of 3 rules passed.\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("Value: 0.8 does not meet the constraint requirement: 1 of 5 values of age are null.", run.Output, StringComparison.Ordinal);

        Assert.Equal(File.ReadAllText(temp.Combine("rules.dqdl")).TrimEnd() + "\n", (await RunAsync("dq", "ruleset", "show", "people-checks")).Output);
        Assert.Contains("people-checks  crm.people  3", (await RunAsync("dq", "ruleset", "list")).Output, StringComparison.Ordinal);
        Assert.Equal(0, (await RunAsync("dq", "ruleset", "delete", "people-checks")).ExitCode);
        var missing = await RunAsync("dq", "run", "crm.people", "--ruleset", "people-checks");
        Assert.Equal(
            "error: There is no ruleset 'people-checks' in the catalog, which has none yet. Create one with dq ruleset create people-checks --table <database>.<table> --file <rules.dqdl>.\n",
            missing.Error);
    }

    [Fact]
    public async Task A_ruleset_with_a_syntax_error_fails_at_its_line_and_column()
    {
        temp.Write("bad.dqdl", "Rules = [\n  RowCount = 5\n  IsComplete \"age\"\n]\n");

        var run = await RunAsync("dq", "run", "crm.people", "--ruleset", temp.Combine("bad.dqdl"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: Ruleset line 3, column 3: expected ',' between rules or ']' to close the list, found 'IsComplete'.\n", run.Error);
    }

    [Fact]
    public async Task Suggest_prints_a_ruleset_the_table_passes()
    {
        var suggested = await RunAsync("dq", "suggest", "crm.people");
        temp.Write("suggested.dqdl", suggested.Output);

        Assert.Contains("IsUnique \"id\"", suggested.Output, StringComparison.Ordinal);
        var run = await RunAsync("dq", "run", "crm.people", "--ruleset", temp.Combine("suggested.dqdl"));
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
    }

    [Fact]
    public async Task Suggest_from_a_saved_profile_prints_the_same_ruleset_as_from_the_table()
    {
        var profile = await RunAsync("profile", "crm.people", "--json");
        temp.Write("people-profile.json", profile.Output);

        var fromTable = await RunAsync("dq", "suggest", "crm.people");
        var fromProfile = await RunAsync("dq", "suggest", "crm.people", "--from-profile", temp.Combine("people-profile.json"));
        var otherTable = await RunAsync("dq", "suggest", "crm.orders", "--from-profile", temp.Combine("people-profile.json"));

        Assert.True(fromProfile.ExitCode == 0, fromProfile.Error);
        Assert.Contains("ColumnValues \"age\" between 20 and 24 with threshold >= 0.8", fromProfile.Output, StringComparison.Ordinal);
        Assert.Equal(fromTable.Output, fromProfile.Output);
        Assert.Equal("error: The profile is of crm.people, not crm.orders. Suggest rules for crm.people, or profile crm.orders first.\n", otherTable.Error);
    }

    [Fact]
    public async Task Creating_a_ruleset_from_a_missing_file_names_the_file_and_keeps_nothing()
    {
        var missing = await RunAsync("dq", "ruleset", "create", "people-rules", "--table", "crm.people", "--file", temp.Combine("none.dqdl"));
        var list = await RunAsync("dq", "ruleset", "list", "--json");

        Assert.Equal(1, missing.ExitCode);
        Assert.Equal($"error: The DQDL file {temp.Combine("none.dqdl")} does not exist.\n", missing.Error.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("people-rules", list.Output, StringComparison.Ordinal);
    }

    private Task<CliResult> RunAsync(params string[] args) =>
        DevEndpointCommand.RunAsync(args.Concat(["--catalog", temp.Combine("catalog.db")]));
}
