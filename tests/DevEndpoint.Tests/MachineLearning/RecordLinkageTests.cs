using DevEndpoint.Catalog;
using DevEndpoint.MachineLearning;
using DevEndpoint.MachineLearning.Internals;
using Microsoft.Data.Analysis;
using Microsoft.Data.Sqlite;

namespace DevEndpoint.Tests.MachineLearning;

public sealed class RecordLinkageTests
{
    private static readonly FindMatchesOptions Linkage = new() { SourceColumn = "source" };

    [Fact]
    public async Task A_source_column_is_kept_with_the_transform_and_a_transform_without_one_keeps_glues_shape()
    {
        using var people = await PeopleCatalog.CreateAsync(PeopleTable.LinkageCsv);
        await people.CreateTransformAsync("linked", new FindMatchesOptions { SourceColumn = "SOURCE" });
        await people.CreateTransformAsync("deduplicated");

        var reopened = DataCatalog.Open(people.Catalog.Path);
        var linked = reopened.GetMLTransform("linked");
        var deduplicated = reopened.GetMLTransform("deduplicated");

        Assert.Equal(new FindMatchesParameters("id", SourceColumnName: "source"), linked.FindMatches);
        Assert.Null(deduplicated.FindMatches.SourceColumnName);
        Assert.Contains("\"SourceColumnName\":\"source\"", StoredDefinition(people, "linked"), StringComparison.Ordinal);
        Assert.DoesNotContain("SourceColumnName", StoredDefinition(people, "deduplicated"), StringComparison.Ordinal);
        Assert.Contains(["Task", "record linkage over source"], MLText.Properties(linked));
        Assert.Contains(["Task", "deduplication"], MLText.Properties(deduplicated));
    }

    [Fact]
    public async Task A_definition_stored_before_source_columns_existed_reads_as_deduplication()
    {
        using var people = await PeopleCatalog.CreateAsync();
        var transform = await people.CreateTransformAsync();
        var old = """{"TransformId":"<id>","Name":"people","Status":"NOT_READY","InputRecordTables":[{"DatabaseName":"crm","TableName":"people"}],"Parameters":{"TransformType":"FIND_MATCHES","FindMatchesParameters":{"PrimaryKeyColumnName":"id","PrecisionRecallTradeoff":0.5,"AccuracyCostTradeoff":0.5,"EnforceProvidedLabels":false}},"LabelCount":0,"Schema":[]}""".Replace("<id>", transform.Definition.TransformId, StringComparison.Ordinal);
        Execute(people, "UPDATE ml_transforms SET definition = $definition", ("$definition", old));

        var stored = DataCatalog.Open(people.Catalog.Path).GetMLTransform("people");

        Assert.Equal(new FindMatchesParameters("id"), stored.FindMatches);
        Assert.Null(stored.FindMatches.SourceColumnName);
    }

    [Fact]
    public async Task A_source_column_the_table_does_not_have_is_refused_with_the_closest_columns()
    {
        using var people = await PeopleCatalog.CreateAsync(PeopleTable.LinkageCsv);

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => people.CreateTransformAsync(options: new FindMatchesOptions { SourceColumn = "sorce" }));

        Assert.Equal("Table crm.people has no column 'sorce' to be the source column. Did you mean 'source'?", error.Message);
        Assert.Empty(people.Catalog.GetMLTransforms());
    }

    [Fact]
    public async Task A_source_column_with_one_value_is_refused_at_create()
    {
        using var people = await PeopleCatalog.CreateAsync(OneSource());

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => people.CreateTransformAsync(options: Linkage));

        Assert.Equal(OneSourceMessage, error.Message);
        Assert.Empty(people.Catalog.GetMLTransforms());
    }

    [Fact]
    public async Task A_table_that_has_come_to_hold_one_source_is_refused_when_a_labelling_set_is_generated()
    {
        using var people = await PeopleCatalog.CreateAsync(PeopleTable.LinkageCsv);
        var transform = await people.CreateTransformAsync(options: Linkage);
        people.Temp.Write("lake/people/people.csv", OneSource() + "\n");

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => transform.GenerateLabelingSetAsync());

        Assert.Equal(OneSourceMessage, error.Message);
    }

    [Fact]
    public async Task A_record_without_a_source_is_refused()
    {
        using var people = await PeopleCatalog.CreateAsync(PeopleTable.LinkageCsv.Replace("2-c,web,", "2-c,,", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => people.CreateTransformAsync(options: Linkage));

        Assert.Equal(
            "Column 'source' of crm.people cannot be the source column: the record '2-c' has no value in it. Give every record the name of its source.",
            error.Message);
    }

    [Fact]
    public async Task Every_labelling_set_of_a_linkage_table_mixes_sources_in_the_first_and_later_rounds()
    {
        using var people = await PeopleCatalog.CreateAsync(PeopleTable.LinkageCsv);
        var transform = await people.CreateTransformAsync(options: Linkage);

        var rounds = new List<DataFrame>();
        for (var round = 0; round < 3; round++)
        {
            var set = await transform.GenerateLabelingSetAsync();
            rounds.Add(set);
            await transform.ImportLabelsAsync(PeopleCatalog.Label(set));
        }

        Assert.All(rounds, set =>
        {
            Assert.NotEqual(0, set.Rows.Count);
            Assert.All(set.Rows.GroupBy(r => (string)r[0]), s => Assert.True(s.Select(r => (string)r[3]).Distinct().Count() >= 2, $"set {s.Key} holds one source"));
        });
    }

    [Fact]
    public async Task Blocking_a_linkage_table_pairs_only_records_of_different_sources()
    {
        using var people = await PeopleCatalog.CreateAsync(PeopleTable.LinkageCsv);
        var frame = await people.LoadAsync();
        var linked = MatchRecords.From(frame, "id", "source");
        var deduplicated = MatchRecords.From(frame, "id");

        var pairs = new Blocker(linked, 0.5).CandidatePairs().Select(Blocker.Rows).Select(p => (linked.Keys[p.A], linked.Keys[p.B])).ToList();

        Assert.DoesNotContain("source", linked.Columns);
        Assert.Contains(Blocker.Pair(deduplicated.RowOfKey["1-a"], deduplicated.RowOfKey["1-b"]), new Blocker(deduplicated, 0.5).CandidatePairs());
        Assert.All(pairs, p => Assert.NotEqual(PeopleTable.SourceOf(p.Item1), PeopleTable.SourceOf(p.Item2)));
        Assert.Contains(("2-a", "2-b"), pairs);
    }

    [Fact]
    public async Task Find_matches_over_a_linkage_table_never_gives_two_records_of_one_source_one_match_id()
    {
        using var people = await PeopleCatalog.CreateAsync(PeopleTable.LinkageCsv);
        var linked = await people.CreateTransformAsync("linked", Linkage);
        var deduplicated = await people.CreateTransformAsync("deduplicated");
        await PeopleCatalog.LabelRoundsAsync(linked, 3);
        await PeopleCatalog.LabelRoundsAsync(deduplicated, 4);

        var entities = Entities(await linked.FindMatchesAsync());

        Assert.Contains(Entities(await deduplicated.FindMatchesAsync()), e => e.Contains("1-a") && e.Contains("1-b"));
        Assert.All(entities, e => Assert.Equal(e.Count, e.Select(PeopleTable.SourceOf).Distinct().Count()));
        Assert.Contains(entities, e => e.SetEquals(["2-a", "2-b", "2-c"]));
        Assert.Contains(entities, e => e.SetEquals(["6-a", "6-b", "6-c"]));
    }

    [Fact]
    public async Task A_new_record_joins_an_entity_of_other_sources_but_not_one_that_holds_a_record_of_its_source()
    {
        using var people = await PeopleCatalog.CreateAsync(PeopleTable.LinkageCsv);
        var transform = await people.CreateTransformAsync(options: Linkage);
        await PeopleCatalog.LabelRoundsAsync(transform, 3);
        var existing = await transform.FindMatchesAsync();
        var arrivals = new DataFrame(
            new StringDataFrameColumn("id", ["2-d", "4-d"]),
            new StringDataFrameColumn("source", ["crm", "app"]),
            new StringDataFrameColumn("first_name", ["Margaret", "Jennifer"]),
            new StringDataFrameColumn("last_name", ["Hughes", "Lopez"]),
            new StringDataFrameColumn("city", ["York", "Cardiff"]),
            new StringDataFrameColumn("birth_date", ["1985-02-11", "1969-07-24"]),
            new StringDataFrameColumn("phone", ["01904 555 123", "029 2018 0000"]));

        var entities = Entities(await transform.FindIncrementalMatchesAsync(existing, arrivals));

        Assert.Equal(["2-d"], entities.Single(e => e.Contains("2-d")));
        Assert.Contains(entities, e => e.SetEquals(["4-a", "4-b", "4-c", "4-d"]));
    }

    private const string OneSourceMessage =
        "Column 'source' of crm.people cannot be the source column: every record has the value 'crm', so the table holds one source. Record linkage needs records of at least two sources; give the column that names each record's source, or create the transform without --source-column to find duplicates within the table.";

    /// <summary>The linkage table with every record from the CRM.</summary>
    private static string OneSource() =>
        PeopleTable.LinkageCsv.Replace(",shop,", ",crm,", StringComparison.Ordinal).Replace(",web,", ",crm,", StringComparison.Ordinal);

    /// <summary>The primary keys of each entity of a find-matches output.</summary>
    private static List<HashSet<string>> Entities(DataFrame matches) =>
        Enumerable.Range(0, (int)matches.Rows.Count)
            .GroupBy(r => (long)matches.Columns["match_id"][r])
            .Select(g => g.Select(r => (string)matches.Columns["id"][r]).ToHashSet(StringComparer.Ordinal))
            .ToList();

    private static string StoredDefinition(PeopleCatalog people, string name)
    {
        using var connection = new SqliteConnection($"Data Source={people.Catalog.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT definition FROM ml_transforms WHERE name = $name";
        command.Parameters.AddWithValue("$name", name);
        return (string)command.ExecuteScalar()!;
    }

    private static void Execute(PeopleCatalog people, string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = new SqliteConnection($"Data Source={people.Catalog.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }
}
