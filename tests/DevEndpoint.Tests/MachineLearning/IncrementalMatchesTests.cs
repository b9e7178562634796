using DevEndpoint.MachineLearning;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.MachineLearning;

public sealed class IncrementalMatchesTests
{
    [Fact]
    public async Task Existing_records_keep_their_match_ids_and_a_new_copy_joins_its_entity()
    {
        using var people = await PeopleCatalog.CreateAsync();
        var transform = await TrainedAsync(people);
        var existing = await transform.FindMatchesAsync();

        var result = await transform.FindIncrementalMatchesAsync(existing, NewRecords());

        Assert.Equal(["id", "first_name", "last_name", "city", "birth_date", "phone", "match_id"], result.Columns.Select(c => c.Name));
        var before = Rows(existing);
        var after = Rows(result);
        Assert.Equal(before, after.Take(before.Count));
        Assert.Equal(Id(after, "1-a"), Id(after, "1-d"));
        Assert.Equal(Id(after, "6-a"), Id(after, "6-d"));
        Assert.Equal(new DateTime(1971, 6, 24), result.Columns["birth_date"][before.Count]);
    }

    [Fact]
    public async Task A_brand_new_person_gets_a_fresh_match_id_above_every_existing_one()
    {
        using var people = await PeopleCatalog.CreateAsync();
        var transform = await TrainedAsync(people);
        var existing = await transform.FindMatchesAsync();

        var after = Rows(await transform.FindIncrementalMatchesAsync(existing, NewRecords()));

        var highest = Rows(existing).Max(r => r.MatchId);
        Assert.Equal(highest + 1, Id(after, "17-a"));
        Assert.Equal(Id(after, "17-a"), Id(after, "17-b"));
        Assert.Equal(["17-a", "17-b"], after.Where(r => r.MatchId == Id(after, "17-a")).Select(r => r.Id));
    }

    [Fact]
    public async Task A_new_record_like_two_existing_entities_joins_one_of_them_and_neither_is_merged_or_renumbered()
    {
        using var people = await PeopleCatalog.CreateAsync();
        var transform = await TrainedAsync(people);
        var existing = await transform.FindMatchesAsync();
        var ids = existing.Columns["match_id"];
        for (long row = 0; row < existing.Rows.Count; row++)
        {
            if ((string)existing.Columns["id"][row] is "1-b" or "1-c")
            {
                ids[row] = 100L;
            }
        }

        var after = Rows(await transform.FindIncrementalMatchesAsync(existing, NewRecords()));

        Assert.Equal(Rows(existing), after.Take((int)existing.Rows.Count));
        Assert.Equal(0, Id(after, "1-a"));
        Assert.Equal(100, Id(after, "1-b"));
        Assert.Contains(Id(after, "1-d"), new long[] { 0, 100 });
        Assert.Equal(101, Id(after, "17-a"));
    }

    [Fact]
    public async Task New_labels_since_the_earlier_matches_train_the_model_again_first()
    {
        using var people = await PeopleCatalog.CreateAsync();
        var transform = await TrainedAsync(people);
        var existing = await transform.FindMatchesAsync();
        await PeopleCatalog.LabelRoundsAsync(transform, 1);
        Assert.Null(people.Catalog.GetMLTransformModel(transform.Definition.TransformId));

        var after = Rows(await transform.FindIncrementalMatchesAsync(existing, NewRecords()));

        Assert.NotNull(people.Catalog.GetMLTransformModel(transform.Definition.TransformId));
        Assert.Equal(Id(after, "1-a"), Id(after, "1-d"));
    }

    [Fact]
    public async Task The_same_records_are_matched_the_same_way_every_time()
    {
        using var people = await PeopleCatalog.CreateAsync();
        var transform = await TrainedAsync(people);
        var existing = await transform.FindMatchesAsync();

        var first = Rows(await transform.FindIncrementalMatchesAsync(existing, NewRecords()));
        var second = Rows(await transform.FindIncrementalMatchesAsync(existing, NewRecords()));

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task New_records_can_come_from_a_catalog_table()
    {
        using var people = await PeopleCatalog.CreateAsync();
        people.Temp.Write("new/people_new/new.csv", "id,first_name,last_name,city,birth_date,phone\n1-d,Robert,Allen,Leeds,1971-06-24,0113 496 0001\n");
        await new DevEndpoint.Crawling.Crawler(people.Catalog).CrawlAsync(new DevEndpoint.Crawling.CrawlOptions { Path = people.Temp.Combine("new"), Database = "crm" });
        var transform = await TrainedAsync(people);
        var existing = await transform.FindMatchesAsync();

        var after = Rows(await transform.FindIncrementalMatchesAsync(existing, "crm.people_new"));

        Assert.Equal(29, after.Count);
        Assert.Equal(Id(after, "1-a"), Id(after, "1-d"));
    }

    [Fact]
    public async Task Existing_matches_without_match_id_are_refused()
    {
        using var people = await PeopleCatalog.CreateAsync();
        var transform = await TrainedAsync(people);
        var existing = await transform.FindMatchesAsync();
        existing.Columns.Remove("match_id");

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => transform.FindIncrementalMatchesAsync(existing, NewRecords()));

        Assert.Equal(
            "The existing matches DataFrame has no column 'match_id'. Give the existing matches as an earlier find-matches of ML transform 'people' wrote them: the columns of crm.people plus match_id.",
            error.Message);
    }

    [Fact]
    public async Task New_records_with_a_column_the_table_does_not_have_are_refused()
    {
        using var people = await PeopleCatalog.CreateAsync();
        var transform = await TrainedAsync(people);
        var existing = await transform.FindMatchesAsync();
        var records = NewRecords();
        records.Columns.Add(new StringDataFrameColumn("email", records.Rows.Count));

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => transform.FindIncrementalMatchesAsync(existing, records));

        Assert.Equal(
            "The new records DataFrame has a column 'email' that crm.people does not have. Give only the columns of crm.people: 'id', 'first_name', 'last_name', 'city', 'birth_date', 'phone'.",
            error.Message);
    }

    [Fact]
    public async Task New_records_without_a_column_of_the_table_are_refused()
    {
        using var people = await PeopleCatalog.CreateAsync();
        var transform = await TrainedAsync(people);
        var existing = await transform.FindMatchesAsync();
        var records = NewRecords();
        records.Columns.Remove("phone");

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => transform.FindIncrementalMatchesAsync(existing, records));

        Assert.Equal(
            "The new records DataFrame has no column 'phone'. Give the columns of crm.people: 'id', 'first_name', 'last_name', 'city', 'birth_date', 'phone'.",
            error.Message);
    }

    [Fact]
    public async Task A_new_record_with_the_key_of_an_existing_one_is_refused()
    {
        using var people = await PeopleCatalog.CreateAsync();
        var transform = await TrainedAsync(people);
        var existing = await transform.FindMatchesAsync();
        var records = NewRecords();
        records.Columns["id"][1] = "2-b";

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => transform.FindIncrementalMatchesAsync(existing, records));

        Assert.Equal(
            "The primary key id must be unique across the existing matches and the new records, but '2-b' is on the existing matches DataFrame, row 4 and on the new records DataFrame, row 1. Give each new record a primary key of its own.",
            error.Message);
    }

    [Fact]
    public async Task A_new_value_that_is_not_of_its_column_type_is_refused()
    {
        using var people = await PeopleCatalog.CreateAsync();
        var transform = await TrainedAsync(people);
        var existing = await transform.FindMatchesAsync();
        var records = NewRecords();
        records.Columns["birth_date"][2] = "someday";

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => transform.FindIncrementalMatchesAsync(existing, records));

        Assert.Equal(
            "The new records DataFrame, row 2: the birth_date 'someday' is not a value of type date. Correct it or leave it empty.",
            error.Message);
    }

    [Fact]
    public async Task An_existing_match_id_that_is_not_a_number_is_refused()
    {
        using var people = await PeopleCatalog.CreateAsync();
        var transform = await TrainedAsync(people);
        var existing = await transform.FindMatchesAsync();
        existing.Columns.Remove("match_id");
        existing.Columns.Add(new StringDataFrameColumn("match_id", Enumerable.Range(0, (int)existing.Rows.Count).Select(r => r == 3 ? "x" : "1")));

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => transform.FindIncrementalMatchesAsync(existing, NewRecords()));

        Assert.Equal(
            "The existing matches DataFrame, row 3: the match_id 'x' is not a whole number. Give the match_id of every existing record as find-matches wrote it.",
            error.Message);
    }

    /// <summary>New records: another copy of two existing people, and one new person typed twice.</summary>
    internal static DataFrame NewRecords() => new(
        new StringDataFrameColumn("id", ["1-d", "6-d", "17-a", "17-b"]),
        new StringDataFrameColumn("first_name", ["Robert", "Sarah", "Zoe", "Zoe"]),
        new StringDataFrameColumn("last_name", ["Allen", "Connor", "Baxter", "Baxter"]),
        new StringDataFrameColumn("city", ["Leeds", "London", "Exeter", "Exeter"]),
        new StringDataFrameColumn("birth_date", ["1971-06-24", "1965-11-13", "1999-12-12", "1999-12-12"]),
        new StringDataFrameColumn("phone", ["0113 496 0001", "020 7946 0018", "01392 555 010", "01392 555 010"]));

    private static async Task<FindMatchesTransform> TrainedAsync(PeopleCatalog people)
    {
        var transform = await people.CreateTransformAsync();
        await PeopleCatalog.LabelRoundsAsync(transform, 4);
        return transform;
    }

    private static long Id(List<(string Id, long MatchId)> rows, string id) => rows.Single(r => r.Id == id).MatchId;

    private static List<(string Id, long MatchId)> Rows(DataFrame matches) =>
        Enumerable.Range(0, (int)matches.Rows.Count).Select(r => ((string)matches.Columns["id"][r], (long)matches.Columns["match_id"][r]!)).ToList();
}
