using DevEndpoint.Catalog;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Interactive.Tests.Magics;

public sealed class MLMagicTests
{
    private const string FillLabels = """
        for (long row = 0; row < labels.Rows.Count; row++)
        {
            var id = (string)labels.Columns["id"][row];
            labels.Columns["label"][row] = id.Substring(0, id.IndexOf('-'));
        }
        """;

    private const string NewPeople = """
        var new_people = new DataFrame(
            new StringDataFrameColumn("id", new[] { "1-d", "17-a" }),
            new StringDataFrameColumn("first_name", new[] { "Robert", "Zoe" }),
            new StringDataFrameColumn("last_name", new[] { "Allen", "Baxter" }),
            new StringDataFrameColumn("city", new[] { "Leeds", "Exeter" }),
            new StringDataFrameColumn("birth_date", new[] { "1971-06-24", "1999-12-12" }),
            new StringDataFrameColumn("phone", new[] { "0113 496 0001", "01392 555 010" }));
        """;

    [Fact]
    public async Task A_user_labels_sets_in_a_dataframe_and_gets_one_record_per_entity_in_a_variable()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await CrawlPeopleAsync(fixture);

        var create = await fixture.MagicAsync("#!ml create people --source crm.people --primary-key id");
        KernelFixture.AssertSucceeded(create);
        Assert.Contains("<td style=\"text-align:left\">Status</td><td style=\"text-align:left\">NOT_READY</td>", KernelFixture.Html(create), StringComparison.Ordinal);
        for (var round = 1; round <= 4; round++)
        {
            var set = await fixture.MagicAsync("#!ml labeling-set people --as labels");
            KernelFixture.AssertSucceeded(set);
            Assert.Contains("into the DataFrame labels. Fill in its label column", KernelFixture.Html(set), StringComparison.Ordinal);
            KernelFixture.AssertSucceeded(await fixture.SubmitAsync(FillLabels));
            var import = await fixture.MagicAsync("#!ml import-labels people --from labels");
            KernelFixture.AssertSucceeded(import);
            Assert.Contains("labels into ML transform &#39;people&#39;: it has ", KernelFixture.Html(import), StringComparison.Ordinal);
        }

        var evaluate = await fixture.MagicAsync("#!ml evaluate people");
        var find = await fixture.MagicAsync("#!ml find-matches people --as people_once --one-per-entity");
        var list = await fixture.MagicAsync("#!ml list");

        KernelFixture.AssertSucceeded(evaluate);
        Assert.Contains("<td style=\"text-align:left\">F1</td>", KernelFixture.Html(evaluate), StringComparison.Ordinal);
        KernelFixture.AssertSucceeded(find);
        Assert.True(fixture.CSharp.TryGetValue("people_once", out DataFrame matches));
        Assert.Equal(16, matches.Rows.Count);
        Assert.Equal("match_id", matches.Columns[^1].Name);
        Assert.Contains("<td style=\"text-align:left\">people</td><td style=\"text-align:left\">READY</td><td style=\"text-align:left\">crm.people</td><td style=\"text-align:left\">id</td>", KernelFixture.Html(list), StringComparison.Ordinal);
        Assert.Equal(MLTransform.Ready, DataCatalog.Open(fixture.CatalogPath).GetMLTransform("people").Status);
    }

    [Fact]
    public async Task New_records_in_a_dataframe_are_matched_against_earlier_matches_and_keep_their_ids()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await CrawlPeopleAsync(fixture);
        KernelFixture.AssertSucceeded(await fixture.MagicAsync("#!ml create people --source crm.people --primary-key id"));
        for (var round = 1; round <= 4; round++)
        {
            KernelFixture.AssertSucceeded(await fixture.MagicAsync("#!ml labeling-set people --as labels"));
            KernelFixture.AssertSucceeded(await fixture.SubmitAsync(FillLabels));
            KernelFixture.AssertSucceeded(await fixture.MagicAsync("#!ml import-labels people --from labels"));
        }

        KernelFixture.AssertSucceeded(await fixture.MagicAsync("#!ml find-matches people --as matched"));
        KernelFixture.AssertSucceeded(await fixture.SubmitAsync(NewPeople));

        var find = await fixture.MagicAsync("#!ml find-matches people --incremental new_people --existing matched --as everyone");

        KernelFixture.AssertSucceeded(find);
        Assert.Contains(
            "Matched 2 new records against 28 existing ones: 1 joined existing entities, the other 1 form 1 new entity. Wrote 30 records of 17 entities to the DataFrame everyone.",
            KernelFixture.Html(find),
            StringComparison.Ordinal);
        Assert.True(fixture.CSharp.TryGetValue("matched", out DataFrame matched));
        Assert.True(fixture.CSharp.TryGetValue("everyone", out DataFrame everyone));
        var ids = Enumerable.Range(0, (int)everyone.Rows.Count).ToDictionary(r => (string)everyone.Columns["id"][r], r => (long)everyone.Columns["match_id"][r]);
        Assert.All(Enumerable.Range(0, (int)matched.Rows.Count), r => Assert.Equal((long)matched.Columns["match_id"][r], ids[(string)matched.Columns["id"][r]]));
        Assert.Equal(ids["1-a"], ids["1-d"]);
        Assert.Equal(16, ids["17-a"]);
        KernelFixture.AssertSucceeded(await fixture.MagicAsync("#!ml find-matches people --incremental new_people --existing matched --as everyone_once --one-per-entity"));
        Assert.True(fixture.CSharp.TryGetValue("everyone_once", out DataFrame once));
        Assert.Equal(17, once.Rows.Count);
        Assert.Contains("17-a", once.Columns["id"].Cast<string>());
        Assert.DoesNotContain("1-d", once.Columns["id"].Cast<string>());
    }

    [Fact]
    public async Task Create_with_a_source_column_shows_a_record_linkage_transform()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await CrawlPeopleAsync(fixture, PeopleTable.LinkageCsv);

        var create = await fixture.MagicAsync("#!ml create people --source crm.people --primary-key id --source-column source");
        var typo = await fixture.MagicAsync("#!ml create other --source crm.people --primary-key id --source-column sorce");

        KernelFixture.AssertSucceeded(create);
        Assert.Contains("<td style=\"text-align:left\">Task</td><td style=\"text-align:left\">record linkage over source</td>", KernelFixture.Html(create), StringComparison.Ordinal);
        Assert.Equal("source", DataCatalog.Open(fixture.CatalogPath).GetMLTransform("people").FindMatches.SourceColumnName);
        Assert.Equal("Table crm.people has no column 'sorce' to be the source column. Did you mean 'source'?", KernelFixture.Failure(typo));
    }

    [Theory]
    [InlineData("#!ml find-matches people --as all --existing matched", "Give #!ml find-matches both --incremental <database>.<table> (the new records) and --existing <variable> (the records matched before, with match_id), or neither.")]
    [InlineData("#!ml", "Give #!ml a subcommand: create, labeling-set, import-labels, evaluate, find-matches, list, show or delete.")]
    [InlineData("#!ml import-labels people", "Give #!ml import-labels either a DataFrame variable with --from <variable> or a labelled CSV file with --input <file.csv>.")]
    public async Task An_ml_magic_that_cannot_run_fails_the_cell_saying_why(string magic, string message)
    {
        await using var fixture = await KernelFixture.CreateAsync();

        var result = await fixture.SubmitAsync(magic);

        Assert.Equal(message, KernelFixture.Failure(result));
    }

    [Fact]
    public async Task Importing_from_a_variable_that_is_not_there_says_how_to_make_it()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await CrawlPeopleAsync(fixture);
        KernelFixture.AssertSucceeded(await fixture.MagicAsync("#!ml create people --source crm.people --primary-key id"));

        var result = await fixture.MagicAsync("#!ml import-labels people --from nothing");

        Assert.Equal("There is no C# variable 'nothing'. Generate a labelling set into it first (#!ml labeling-set people --as nothing).", KernelFixture.Failure(result));
    }

    [Fact]
    public async Task Ml_in_an_endpoint_cell_uses_the_endpoints_catalog()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await CrawlPeopleAsync(fixture);
        KernelFixture.AssertSucceeded(await fixture.SubmitAsync($"#!endpoint create next --catalog {fixture.CatalogPath}"));

        var create = await fixture.SubmitAsync("#!next\n#!ml create people --source crm.people --primary-key id");

        KernelFixture.AssertSucceeded(create);
        Assert.Equal(["people"], DataCatalog.Open(fixture.CatalogPath).GetMLTransforms().Select(t => t.Name));
    }

    private static async Task CrawlPeopleAsync(KernelFixture fixture, string csv = PeopleTable.Csv)
    {
        var lake = Path.Combine(fixture.Folder, "people-lake");
        Directory.CreateDirectory(Path.Combine(lake, "people"));
        await File.WriteAllTextAsync(Path.Combine(lake, "people", "people.csv"), csv.ReplaceLineEndings("\n") + "\n");
        KernelFixture.AssertSucceeded(await fixture.MagicAsync($"#!crawl {lake} --database crm"));
    }
}
