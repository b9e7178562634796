using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.MachineLearning;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.MachineLearning;

public sealed class LabelingSetTests
{
    private const string Header = "labeling_set_id,label,id,first_name,last_name,city,birth_date,phone";

    [Fact]
    public async Task A_labelling_set_has_glues_columns_and_about_ten_sets_of_at_most_ten_records()
    {
        using var people = await PeopleCatalog.CreateAsync();
        var transform = await people.CreateTransformAsync();

        var set = await transform.GenerateLabelingSetAsync();

        Assert.Equal(Header.Split(','), set.Columns.Select(c => c.Name));
        var sets = set.Rows.GroupBy(r => (string)r[0]).ToList();
        Assert.InRange(sets.Count, 2, 10);
        Assert.All(sets, s => Assert.InRange(s.Count(), 2, 10));
        Assert.All(sets, s => Assert.Matches("^r1-s[0-9]{2}$", s.Key));
        Assert.Equal(set.Rows.Count, set.Rows.Select(r => (string)r[2]).Distinct().Count());
        Assert.Equal(set.Rows.Count, set.Columns["label"].NullCount);
    }

    [Fact]
    public async Task The_first_round_puts_records_with_their_look_alikes_so_sets_hold_matches_and_non_matches()
    {
        using var people = await PeopleCatalog.CreateAsync();
        var transform = await people.CreateTransformAsync();

        var set = await transform.GenerateLabelingSetAsync();

        var sets = set.Rows.GroupBy(r => (string)r[0]).Select(s => s.Select(r => PeopleTable.EntityOf((string)r[2])).ToList()).ToList();
        Assert.Contains(sets, s => s.Distinct().Count() < s.Count);
        Assert.Contains(sets, s => s.Distinct().Count() > 1);
    }

    [Fact]
    public async Task A_later_round_never_offers_a_labelled_record_and_numbers_its_sets_anew()
    {
        using var people = await PeopleCatalog.CreateAsync();
        var transform = await people.CreateTransformAsync();
        var first = PeopleCatalog.Label(await transform.GenerateLabelingSetAsync());
        await transform.ImportLabelsAsync(first);

        var second = await transform.GenerateLabelingSetAsync();

        var labelled = first.Columns["id"].Cast<string>().ToHashSet();
        Assert.NotEqual(0, second.Rows.Count);
        Assert.DoesNotContain(second.Columns["id"].Cast<string>(), labelled.Contains);
        Assert.All(second.Columns["labeling_set_id"].Cast<string>(), id => Assert.StartsWith("r2-s", id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_seed_and_labels_give_the_same_labelling_set_and_another_seed_another()
    {
        using var people = await PeopleCatalog.CreateAsync();
        var transform = await people.CreateTransformAsync();

        var once = Ids(await transform.GenerateLabelingSetAsync(seed: 7));
        var again = Ids(await transform.GenerateLabelingSetAsync(seed: 7));
        var other = Ids(await transform.GenerateLabelingSetAsync(seed: 8));

        Assert.Equal(once, again);
        Assert.NotEqual(once, other);
    }

    [Fact]
    public async Task A_labelled_file_round_trips_every_value_and_its_labels_are_imported()
    {
        using var people = await PeopleCatalog.CreateAsync();
        var transform = await people.CreateTransformAsync();
        var path = people.Temp.Combine("labels.csv");
        var set = await transform.WriteLabelingSetAsync(path);
        var lines = File.ReadAllLines(path);
        Assert.Equal(Header, lines[0]);
        Assert.Equal(set.Rows.Count + 1, lines.Length);
        File.WriteAllLines(path, [lines[0], .. lines.Skip(1).Select(Fill)]);

        var import = await transform.ImportLabelsAsync(path);

        Assert.Equal(new LabelImport((int)set.Rows.Count, (int)set.Rows.Count, set.Columns["labeling_set_id"].Cast<string>().Distinct().Count()), import);
        var stored = people.Catalog.GetMLTransformLabels(transform.Definition.TransformId);
        Assert.Equal(set.Columns["id"].Cast<string>().Order(), stored.Select(l => l.RecordKey).Order());
        Assert.All(stored, l => Assert.Equal(PeopleTable.EntityOf(l.RecordKey), l.Label));
        Assert.Equal((int)set.Rows.Count, people.Catalog.GetMLTransform("people").LabelCount);
        var row = lines[1].Split(',');
        var original = PeopleTable.Csv.ReplaceLineEndings("\n").Split('\n').Single(l => l.StartsWith(row[2] + ",", StringComparison.Ordinal)).Trim();
        Assert.Equal(original, string.Join(',', row.Skip(2)));
    }

    [Fact]
    public async Task A_labelling_file_of_a_table_with_a_struct_column_is_imported_with_its_flattened_fields()
    {
        using var temp = new TempFolder();
        temp.Write(
            "lake/customers/customers.json",
            """
            {"id":"c1","name":"Ann Lee","address":{"city":"Leeds","zip":"LS1 4AP"}}
            {"id":"c2","name":"Anne Lee","address":{"city":"Leeds","zip":"LS1 4AP"}}
            {"id":"c3","name":"Bob Stone","address":{"city":"York","zip":"YO1 7HH"}}
            {"id":"c4","name":"Robert Stone","address":{"city":"York","zip":"YO1 7HH"}}
            {"id":"c5","name":"Carla Diaz","address":{"city":"Hull","zip":"HU1 2AA"}}
            {"id":"c6","name":"Karla Diaz","address":{"city":"Hull","zip":"HU1 2AA"}}

            """.ReplaceLineEndings("\n"));
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "crm" });
        var transform = await FindMatchesTransform.CreateAsync(catalog, "customers", "crm.customers", "id");
        var path = temp.Combine("labels.csv");
        var set = await transform.WriteLabelingSetAsync(path);
        var lines = File.ReadAllLines(path);
        Assert.Equal("labeling_set_id,label,id,name,address.city,address.zip", lines[0]);
        File.WriteAllLines(path, [lines[0], .. lines.Skip(1).Select(l => l.Split(',')).Select(f => string.Join(',', [f[0], f[3].Split(' ')[1], .. f[2..]]))]);

        var import = await transform.ImportLabelsAsync(path);

        Assert.Equal((int)set.Rows.Count, import.Imported);
        Assert.Equal((int)set.Rows.Count, catalog.GetMLTransform("customers").LabelCount);
    }

    [Fact]
    public async Task Importing_again_adds_labels_and_replace_keeps_only_the_new_ones()
    {
        using var people = await PeopleCatalog.CreateAsync();
        var transform = await people.CreateTransformAsync();
        var first = PeopleCatalog.Label(await transform.GenerateLabelingSetAsync());
        await transform.ImportLabelsAsync(first);
        var second = PeopleCatalog.Label(await transform.GenerateLabelingSetAsync());

        var added = await transform.ImportLabelsAsync(second);
        var replaced = await transform.ImportLabelsAsync(second, replace: true);

        Assert.Equal((int)(first.Rows.Count + second.Rows.Count), added.LabelCount);
        Assert.Equal((int)second.Rows.Count, replaced.LabelCount);
        Assert.Equal(second.Columns["id"].Cast<string>().Order(), people.Catalog.GetMLTransformLabels(transform.Definition.TransformId).Select(l => l.RecordKey).Order());
    }

    [Fact]
    public async Task Importing_labels_makes_a_ready_transform_not_ready_until_it_is_trained_again()
    {
        using var people = await PeopleCatalog.CreateAsync();
        var transform = await people.CreateTransformAsync();
        await PeopleCatalog.LabelRoundsAsync(transform, 2);
        await transform.EvaluateAsync();
        Assert.Equal("READY", people.Catalog.GetMLTransform("people").Status);

        await PeopleCatalog.LabelRoundsAsync(transform, 1);

        var stored = people.Catalog.GetMLTransform("people");
        Assert.Equal("NOT_READY", stored.Status);
        Assert.NotNull(stored.EvaluationMetrics);
        Assert.Null(people.Catalog.GetMLTransformModel(stored.TransformId));
    }

    [Theory]
    [InlineData("labeling_set_id,label,id,first_name,last_name,city,birth_date", "r1-s01,1,1-a,Robert,Allen,Leeds,1971-06-24", "The labelling file {0} has no column 'phone'. A labelling file has the columns labeling_set_id, label and then those of crm.people, as ml labeling-set people writes them. Nothing was imported.")]
    [InlineData("id,first_name,last_name,city,birth_date,phone", "1-a,Robert,Allen,Leeds,1971-06-24,0113 496 0001", "The labelling file {0} has no column 'labeling_set_id'. A labelling file has the columns labeling_set_id, label and then those of crm.people, as ml labeling-set people writes them. Nothing was imported.")]
    [InlineData(Header, "r1-s01,,1-b,Rob,Allen,Leeds,1971-06-24,0113 496 0001", "The labelling file {0}, row 2 (line 3): the label is empty. Give every record a label (records of one labelling set with the same label are one entity). Nothing was imported.")]
    [InlineData(Header, ",1,1-b,Rob,Allen,Leeds,1971-06-24,0113 496 0001", "The labelling file {0}, row 2 (line 3): the labeling_set_id is empty. Keep the labelling set ids and primary keys of the generated file. Nothing was imported.")]
    [InlineData(Header, "r1-s01,1,99-z,Rob,Allen,Leeds,1971-06-24,0113 496 0001", "The labelling file {0}, row 2 (line 3): id '99-z' is not a record of crm.people. Label only the records of a labelling set generated from that table. Nothing was imported.")]
    [InlineData(Header, "r1-s01,1,,Rob,Allen,Leeds,1971-06-24,0113 496 0001", "The labelling file {0}, row 2 (line 3): the id is empty. Keep the labelling set ids and primary keys of the generated file. Nothing was imported.")]
    [InlineData(Header, "r1-s01,2,1-a,Robert,Allen,Leeds,1971-06-24,0113 496 0001", "The labelling file {0}, row 2 (line 3): the record '1-a' is already in labelling set 'r1-s01' on an earlier row. List each record once per labelling set. Nothing was imported.")]
    public async Task A_bad_labelling_file_is_refused_naming_the_row_and_nothing_is_imported(string header, string secondRow, string message)
    {
        using var people = await PeopleCatalog.CreateAsync();
        var transform = await people.CreateTransformAsync();
        await transform.ImportLabelsAsync(PeopleCatalog.Label(await transform.GenerateLabelingSetAsync()));
        var before = people.Catalog.GetMLTransformLabels(transform.Definition.TransformId);
        var firstRow = header == Header ? "r1-s01,1,1-a,Robert,Allen,Leeds,1971-06-24,0113 496 0001" : secondRow;
        var path = people.Temp.Write("bad.csv", $"{header}\n{firstRow}\n{secondRow}\n");

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => transform.ImportLabelsAsync(path, replace: true));

        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, message, path), error.Message);
        Assert.Equal(before, people.Catalog.GetMLTransformLabels(transform.Definition.TransformId));
        Assert.Equal(before.Count, people.Catalog.GetMLTransform("people").LabelCount);
    }

    [Fact]
    public async Task A_missing_or_empty_labelling_file_is_refused()
    {
        using var people = await PeopleCatalog.CreateAsync();
        var transform = await people.CreateTransformAsync();
        var missing = people.Temp.Combine("missing.csv");
        var empty = people.Temp.Write("empty.csv", Header + "\n");

        var noFile = await Assert.ThrowsAsync<DevEndpointException>(() => transform.ImportLabelsAsync(missing));
        var noRows = await Assert.ThrowsAsync<DevEndpointException>(() => transform.ImportLabelsAsync(empty));

        Assert.Equal($"The labelling file {missing} does not exist. Generate one with ml labeling-set <name> --output {missing} and fill in its label column.", noFile.Message);
        Assert.Equal($"The labelling file {empty} has no rows to import. Fill in the label column of a generated labelling set and import that.", noRows.Message);
    }

    [Fact]
    public async Task A_labelling_dataframe_with_an_empty_label_is_refused_naming_its_row()
    {
        using var people = await PeopleCatalog.CreateAsync();
        var transform = await people.CreateTransformAsync();
        var set = PeopleCatalog.Label(await transform.GenerateLabelingSetAsync());
        set.Columns["label"][3] = null;

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => transform.ImportLabelsAsync(set));

        Assert.Equal(
            "The labelling DataFrame, row 3: the label is empty. Give every record a label (records of one labelling set with the same label are one entity). Nothing was imported.",
            error.Message);
        Assert.Empty(people.Catalog.GetMLTransformLabels(transform.Definition.TransformId));
    }

    private static List<string> Ids(DataFrame set) => set.Columns["id"].Cast<string>().ToList();

    private static string Fill(string line)
    {
        var fields = line.Split(',');
        fields[1] = PeopleTable.EntityOf(fields[2]);
        return string.Join(',', fields);
    }
}
