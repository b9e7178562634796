using System.Text.Json;
using System.Text.RegularExpressions;

namespace DevEndpoint.Cli.Tests;

public sealed class MLCommandTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task A_user_labels_two_rounds_evaluates_and_writes_the_matches_from_the_command_line()
    {
        await CrawlPeopleAsync();

        var create = await RunAsync("ml", "create", "people", "--source", "crm.people", "--primary-key", "id");
        Assert.Equal(0, create.ExitCode);
        Assert.Matches(
            "^Created ML transform 'people' \\(tfm-[0-9a-f]{32}\\) over crm.people, primary key id. Next: ml labeling-set people --output <file.csv>.\n$",
            create.Output.ReplaceLineEndings("\n"));
        for (var round = 1; round <= 4; round++)
        {
            var file = temp.Combine($"round{round}.csv");
            var set = await RunAsync("ml", "labeling-set", "people", "--output", file);
            var lines = File.ReadAllLines(file);
            var sets = lines.Skip(1).Select(l => l.Split(',')[0]).Distinct().Count();
            Assert.Equal(
                (0, $"Wrote {sets} labelling sets ({lines.Length - 1} records) to {file}. Fill in the label column (in one labelling set, records with the same label are one entity) and import it with ml import-labels people --input {file}.\n"),
                (set.ExitCode, set.Output.ReplaceLineEndings("\n")));
            Assert.Equal("labeling_set_id,label,id,first_name,last_name,city,birth_date,phone", lines[0]);
            File.WriteAllLines(file, [lines[0], .. lines.Skip(1).Select(Label)]);

            var import = await RunAsync("ml", "import-labels", "people", "--input", file);

            Assert.Equal(0, import.ExitCode);
            Assert.StartsWith($"Imported {lines.Length - 1} labels into ML transform 'people': it has ", import.Output, StringComparison.Ordinal);
        }

        var evaluate = await RunAsync("ml", "evaluate", "people", "--json");
        var matchesFile = temp.Combine("matches.csv");
        var find = await RunAsync("ml", "find-matches", "people", "--output", matchesFile);
        var deduplicatedFile = temp.Combine("people.csv");
        var deduplicate = await RunAsync("ml", "find-matches", "people", "--output", deduplicatedFile, "--one-per-entity");
        var list = await RunAsync("ml", "list");

        Assert.Equal(0, evaluate.ExitCode);
        var metrics = JsonDocument.Parse(evaluate.Output).RootElement.GetProperty("FindMatchesMetrics");
        Assert.InRange(metrics.GetProperty("F1").GetDouble(), 0.8, 1);
        Assert.Equal(5, metrics.GetProperty("ColumnImportances").GetArrayLength());
        Assert.Equal((0, $"Wrote 28 records of 16 entities to {matchesFile}.\n"), (find.ExitCode, find.Output.ReplaceLineEndings("\n")));
        var matches = File.ReadAllLines(matchesFile);
        Assert.Equal("id,first_name,last_name,city,birth_date,phone,match_id", matches[0]);
        var entityOf = matches.Skip(1).Select(l => l.Split(',')).GroupBy(f => f[^1]).Select(g => g.Select(f => PeopleTable.EntityOf(f[0])).Distinct().Single());
        Assert.Equal(16, entityOf.Distinct().Count());
        Assert.Equal((0, $"Wrote 16 records of 16 entities to {deduplicatedFile}.\n"), (deduplicate.ExitCode, deduplicate.Output.ReplaceLineEndings("\n")));
        Assert.Contains(File.ReadAllLines(deduplicatedFile), l => l.StartsWith("1-a,Robert,Allen,Leeds,1971-06-24,0113 496 0001,", StringComparison.Ordinal));
        var listed = list.Output.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal("transform  status  source      primary key  labels  F1", listed[0]);
        Assert.Matches("^people     READY   crm.people  id           [0-9]+ +[01]\\.[0-9]{3}$", listed[1]);
    }

    [Fact]
    public async Task Show_list_and_evaluate_print_json_in_glues_api_shapes()
    {
        await CrawlPeopleAsync();
        await RunAsync("ml", "create", "people", "--source", "crm.people", "--primary-key", "id", "--precision-recall", "0.7", "--accuracy-cost", "0.4", "--enforce-provided-labels");
        for (var round = 1; round <= 3; round++)
        {
            var file = temp.Combine($"round{round}.csv");
            await RunAsync("ml", "labeling-set", "people", "--output", file);
            var lines = File.ReadAllLines(file);
            File.WriteAllLines(file, [lines[0], .. lines.Skip(1).Select(Label)]);
            await RunAsync("ml", "import-labels", "people", "--input", file);
        }

        var evaluate = await RunAsync("ml", "evaluate", "people", "--json");
        var show = await RunAsync("ml", "show", "people", "--json");
        var list = await RunAsync("ml", "list", "--json");

        var evaluation = JsonDocument.Parse(evaluate.Output).RootElement;
        Assert.Equal(["FindMatchesMetrics"], evaluation.EnumerateObject().Select(p => p.Name));
        Assert.Empty(GlueServiceModel.Problems(evaluation.GetProperty("FindMatchesMetrics"), "FindMatchesMetrics"));
        var transform = JsonDocument.Parse(show.Output).RootElement;
        Assert.Empty(GlueServiceModel.Problems(transform, "GetMLTransformResponse"));
        Assert.Equal("READY", transform.GetProperty("Status").GetString());
        Assert.Equal(0.7, transform.GetProperty("Parameters").GetProperty("FindMatchesParameters").GetProperty("PrecisionRecallTradeoff").GetDouble());
        Assert.True(transform.GetProperty("Parameters").GetProperty("FindMatchesParameters").GetProperty("EnforceProvidedLabels").GetBoolean());
        Assert.Equal(
            evaluation.GetProperty("FindMatchesMetrics").GetRawText().ReplaceLineEndings().Replace(" ", string.Empty, StringComparison.Ordinal),
            transform.GetProperty("EvaluationMetrics").GetProperty("FindMatchesMetrics").GetRawText().ReplaceLineEndings().Replace(" ", string.Empty, StringComparison.Ordinal));
        Assert.Empty(GlueServiceModel.Problems(JsonDocument.Parse(list.Output).RootElement, "GetMLTransformsResponse"));
    }

    [Fact]
    public async Task A_labelling_file_with_an_unknown_record_is_refused_with_its_row_and_exit_code_1()
    {
        await CrawlPeopleAsync();
        await RunAsync("ml", "create", "people", "--source", "crm.people", "--primary-key", "id");
        var file = temp.Write("labels.csv", "labeling_set_id,label,id,first_name,last_name,city,birth_date,phone\nr1-s01,1,1-a,Robert,Allen,Leeds,1971-06-24,x\nr1-s01,1,1-z,Robert,Allen,Leeds,1971-06-24,x\n");

        var import = await RunAsync("ml", "import-labels", "people", "--input", file);
        var show = await RunAsync("ml", "show", "people");

        Assert.Equal(
            (1, string.Empty, $"error: The labelling file {file}, row 2 (line 3): id '1-z' is not a record of crm.people. Label only the records of a labelling set generated from that table. Nothing was imported.\n"),
            (import.ExitCode, import.Output, import.Error.ReplaceLineEndings("\n")));
        Assert.Contains("LabelCount               0", show.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_removes_the_transform_and_show_then_names_the_missing_one()
    {
        await CrawlPeopleAsync();
        await RunAsync("ml", "create", "people", "--source", "crm.people", "--primary-key", "id");

        var delete = await RunAsync("ml", "delete", "people");
        var show = await RunAsync("ml", "show", "people");
        var list = await RunAsync("ml", "list");

        Assert.Equal((0, "Deleted ML transform 'people' with its 0 labels.\n"), (delete.ExitCode, delete.Output.ReplaceLineEndings("\n")));
        Assert.Equal(
            (1, $"error: ML transform 'people' does not exist in the catalog {temp.Combine("catalog.db")}. The catalog has no ML transforms yet: create one with ml create.\n"),
            (show.ExitCode, show.Error.ReplaceLineEndings("\n")));
        Assert.Equal("transform  status  source  primary key  labels  F1\n", list.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Create_with_a_source_column_makes_a_record_linkage_transform_that_show_names()
    {
        temp.Write("lake/people/people.csv", PeopleTable.LinkageCsv + "\n");
        Assert.Equal(0, (await RunAsync("crawl", temp.Combine("lake"), "--database", "crm")).ExitCode);

        var create = await RunAsync("ml", "create", "people", "--source", "crm.people", "--primary-key", "id", "--source-column", "source");
        var show = await RunAsync("ml", "show", "people");
        var json = await RunAsync("ml", "show", "people", "--json");
        var typo = await RunAsync("ml", "create", "other", "--source", "crm.people", "--primary-key", "id", "--source-column", "sorce");

        Assert.Equal(0, create.ExitCode);
        Assert.Matches(
            "^Created ML transform 'people' \\(tfm-[0-9a-f]{32}\\) over crm.people, primary key id, record linkage over source. Next: ml labeling-set people --output <file.csv>.\n$",
            create.Output.ReplaceLineEndings("\n"));
        Assert.Contains("Task                     record linkage over source\n", show.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal("source", JsonDocument.Parse(json.Output).RootElement.GetProperty("Parameters").GetProperty("FindMatchesParameters").GetProperty("SourceColumnName").GetString());
        Assert.Equal(
            (1, "error: Table crm.people has no column 'sorce' to be the source column. Did you mean 'source'?\n"),
            (typo.ExitCode, typo.Error.ReplaceLineEndings("\n")));
    }

    [Fact]
    public async Task Create_without_a_primary_key_is_a_usage_error()
    {
        var create = await RunAsync("ml", "create", "people", "--source", "crm.people");

        Assert.Equal(2, create.ExitCode);
        Assert.Contains("--primary-key", create.Error, StringComparison.Ordinal);
        Assert.Empty(create.Output);
    }

    [Fact]
    public async Task Find_matches_with_incremental_matches_new_records_against_the_earlier_matches_file()
    {
        await CrawlPeopleAsync();
        temp.Write("new/people_new/new.csv", "id,first_name,last_name,city,birth_date,phone\n1-d,Robert,Allen,Leeds,1971-06-24,0113 496 0001\n17-a,Zoe,Baxter,Exeter,1999-12-12,01392 555 010\n17-b,Zoe,Baxter,Exeter,1999-12-12,01392 555 010\n");
        Assert.Equal(0, (await RunAsync("crawl", temp.Combine("new"), "--database", "crm")).ExitCode);
        await LabelRoundsAsync(4);
        var matchesFile = temp.Combine("matches.csv");
        Assert.Equal(0, (await RunAsync("ml", "find-matches", "people", "--output", matchesFile)).ExitCode);
        var allFile = temp.Combine("all.csv");

        var find = await RunAsync("ml", "find-matches", "people", "--output", allFile, "--incremental", "crm.people_new", "--existing", matchesFile);

        Assert.Equal(
            (0, $"Matched 3 new records against 28 existing ones: 1 joined existing entities, the other 2 form 1 new entity. Wrote 31 records of 17 entities to {allFile}.\n"),
            (find.ExitCode, find.Output.ReplaceLineEndings("\n")));
        var before = File.ReadAllLines(matchesFile);
        var after = File.ReadAllLines(allFile);
        Assert.Equal(before, after.Take(before.Length));
        string MatchId(string id) => after.Single(l => l.StartsWith($"{id},", StringComparison.Ordinal)).Split(',')[^1];
        Assert.Equal(MatchId("1-a"), MatchId("1-d"));
        Assert.Equal("16", MatchId("17-a"));
        Assert.Equal("16", MatchId("17-b"));
    }

    [Fact]
    public async Task Incremental_matching_against_a_file_without_match_id_is_refused_with_exit_code_1()
    {
        await CrawlPeopleAsync();
        await RunAsync("ml", "create", "people", "--source", "crm.people", "--primary-key", "id");
        var existing = temp.Write("existing.csv", "id,first_name,last_name,city,birth_date,phone\n1-a,Robert,Allen,Leeds,1971-06-24,x\n");

        var find = await RunAsync("ml", "find-matches", "people", "--output", temp.Combine("all.csv"), "--incremental", "crm.people", "--existing", existing);
        var half = await RunAsync("ml", "find-matches", "people", "--output", temp.Combine("all.csv"), "--existing", existing);

        Assert.Equal(
            (1, string.Empty, $"error: The existing matches file {existing} has no column 'match_id'. Give the existing matches as an earlier find-matches of ML transform 'people' wrote them: the columns of crm.people plus match_id.\n"),
            (find.ExitCode, find.Output, find.Error.ReplaceLineEndings("\n")));
        Assert.Equal(
            (1, "error: Give ml find-matches both --incremental <database>.<table> (the new records) and --existing <matches.csv> (the records matched before, with match_id), or neither.\n"),
            (half.ExitCode, half.Error.ReplaceLineEndings("\n")));
        Assert.False(File.Exists(temp.Combine("all.csv")));
    }

    private async Task LabelRoundsAsync(int rounds)
    {
        Assert.Equal(0, (await RunAsync("ml", "create", "people", "--source", "crm.people", "--primary-key", "id")).ExitCode);
        for (var round = 1; round <= rounds; round++)
        {
            var file = temp.Combine($"round{round}.csv");
            await RunAsync("ml", "labeling-set", "people", "--output", file);
            var lines = File.ReadAllLines(file);
            File.WriteAllLines(file, [lines[0], .. lines.Skip(1).Select(Label)]);
            Assert.Equal(0, (await RunAsync("ml", "import-labels", "people", "--input", file)).ExitCode);
        }
    }

    private static string Label(string line)
    {
        var fields = line.Split(',');
        fields[1] = PeopleTable.EntityOf(fields[2]);
        return string.Join(',', fields);
    }

    private async Task CrawlPeopleAsync()
    {
        temp.Write("lake/people/people.csv", PeopleTable.Csv.ReplaceLineEndings("\n") + "\n");
        var crawl = await RunAsync("crawl", temp.Combine("lake"), "--database", "crm");
        Assert.Equal(0, crawl.ExitCode);
    }

    private Task<CliResult> RunAsync(params string[] args) => DevEndpointCommand.RunAsync([.. args, "--catalog", temp.Combine("catalog.db")]);
}
