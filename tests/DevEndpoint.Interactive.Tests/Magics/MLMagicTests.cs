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

    [Theory]
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

    private static async Task CrawlPeopleAsync(KernelFixture fixture)
    {
        var lake = Path.Combine(fixture.Folder, "people-lake");
        Directory.CreateDirectory(Path.Combine(lake, "people"));
        await File.WriteAllTextAsync(Path.Combine(lake, "people", "people.csv"), PeopleTable.Csv.ReplaceLineEndings("\n") + "\n");
        KernelFixture.AssertSucceeded(await fixture.MagicAsync($"#!crawl {lake} --database crm"));
    }
}
