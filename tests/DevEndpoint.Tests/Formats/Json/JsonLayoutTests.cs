using DevEndpoint.Catalog;
using DevEndpoint.Formats;

namespace DevEndpoint.Tests.Formats.Json;

public sealed class JsonLayoutTests
{
    [Fact]
    public async Task An_array_of_objects_makes_each_element_a_record()
    {
        using var folder = new TempFolder();
        var path = folder.Write("items.json", "[\n  {\"id\": 1, \"tags\": [\"a\"], \"size\": {\"w\": 2}},\n  {\"id\": 3000000000, \"name\": \"x\"}\n]\n");

        var schema = await FileClassifier.ClassifyAsync(path, new SampleOptions());

        Assert.NotNull(schema);
        Assert.Equal(("json", "array", 2L), (schema.Classification, schema.Parameters["jsonLayout"], schema.RecordCount));
        Assert.Equal(
            [new Column("id", "bigint"), new Column("tags", "array<string>"), new Column("size", "struct<w:int>"), new Column("name", "string")],
            schema.Columns);
    }

    [Fact]
    public async Task One_object_spanning_lines_is_one_record()
    {
        using var folder = new TempFolder();
        var path = folder.Write("config.json", "{\n  \"name\": \"lake\",\n  \"ratio\": 0.25,\n  \"owner\": {\"id\": 7, \"active\": true}\n}\n");

        var schema = await FileClassifier.ClassifyAsync(path, new SampleOptions());

        Assert.NotNull(schema);
        Assert.Equal(("json", "object", 1L), (schema.Classification, schema.Parameters["jsonLayout"], schema.RecordCount));
        Assert.Equal(
            [new Column("name", "string"), new Column("ratio", "double"), new Column("owner", "struct<id:int,active:boolean>")],
            schema.Columns);
    }

    [Fact]
    public async Task Json_lines_record_their_layout()
    {
        using var folder = new TempFolder();
        var path = folder.Write("events.json", "{\"a\":1}\n{\"a\":2}\n");

        var schema = await FileClassifier.ClassifyAsync(path, new SampleOptions());

        Assert.Equal("lines", schema!.Parameters["jsonLayout"]);
    }

    [Theory]
    [InlineData("[{\"a\":1}, 2]", "element 2 of its top-level array is a JSON number, not an object. A JSON file must hold objects: one per line, an array of them, or one.")]
    [InlineData("[{\"a\":1},\n {\"a\":}]", "line 2, column 7: invalid JSON ('}' is an invalid start of a value). Fix the file, or leave it out with --exclude.")]
    [InlineData("[{\"a\":1}", "line 1, column 9: invalid JSON (Expected depth to be zero at the end of the JSON payload). Fix the file, or leave it out with --exclude.")]
    public async Task An_array_that_is_not_of_objects_or_not_json_is_a_bad_file(string content, string reason)
    {
        using var folder = new TempFolder();
        var path = folder.Write("bad.json", content);

        var error = await Assert.ThrowsAsync<BadFileException>(() => FileClassifier.ClassifyAsync(path, new SampleOptions()));

        Assert.Equal(reason, error.Reason);
    }

    [Theory]
    [InlineData("[10.0.0.1]\n[10.0.0.2]\n[10.0.0.3]\n")]
    [InlineData("[1, 2, 3]")]
    [InlineData("[\"a\", {\"b\": 1}]")]
    public async Task Text_opening_with_a_bracket_but_holding_no_json_records_is_left_to_the_other_classifiers(string content)
    {
        using var folder = new TempFolder();

        var schema = await FileClassifier.ClassifyAsync(folder.Write("values.txt", content), new SampleOptions());

        Assert.NotEqual("json", schema?.Classification);
    }

    [Fact]
    public async Task A_large_array_is_sampled_and_its_record_count_estimated()
    {
        using var folder = new TempFolder();
        var path = folder.Write("big.json", "[" + string.Join(",\n", Enumerable.Range(0, 2000).Select(i => $"{{\"id\":{i},\"name\":\"n{i}\"}}")) + "]");

        var schema = await FileClassifier.ClassifyAsync(path, new SampleOptions { MaxBytes = 4096 });

        Assert.NotNull(schema);
        Assert.Equal([new Column("id", "int"), new Column("name", "string")], schema.Columns);
        Assert.InRange(schema.RecordCount, 1800, 2200);
    }

    [Fact]
    public async Task Duckdb_top_level_array_is_an_array_of_records()
    {
        var schema = await FileClassifier.ClassifyAsync(Corpora.Path("duckdb", "data", "json", "top_level_array.json"), new SampleOptions());

        Assert.NotNull(schema);
        Assert.Equal(("array", 2L), (schema.Parameters["jsonLayout"], schema.RecordCount));
        Assert.Equal([new Column("conclusion", "string")], schema.Columns);
    }
}
