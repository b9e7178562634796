using DevEndpoint.Formats;

namespace DevEndpoint.Tests.Formats.Json;

/// <summary>The schema of a JSON lines file, inferred line by line from the sample.</summary>
public sealed class JsonLinesSnifferTests
{
    [Fact]
    public async Task Keys_in_any_order_escaped_or_differing_in_case_are_one_field_each()
    {
        using var folder = new TempFolder();
        var path = folder.Write(
            "a.json",
            """
            {"id":1,"Name":"x","tags":[1,2],"at":{"day":"2024-01-31"}}
            {"at":{"day":"2024-02-01","n":5},"name":"y","\u0069d":3000000000}
            {"tags":[1.5],"id":2,"NAME":null}
            """);

        var schema = await FileClassifier.ClassifyAsync(path, new SampleOptions());

        Assert.NotNull(schema);
        Assert.Equal(
            ["id bigint", "name string", "tags array<double>", "at struct<day:date,n:int>"],
            schema.Columns.Select(c => $"{c.Name} {c.DisplayType}"));
        Assert.Equal(3, schema.RecordCount);
    }

    [Fact]
    public async Task Lines_may_end_in_carriage_returns_and_blank_lines_are_skipped()
    {
        using var folder = new TempFolder();
        var path = folder.Write("a.json", "{\"a\":1}\r\n\r\n{\"a\":2,\"b\":\"2024-01-31 10:00:00\"}\r{\"b\":null}\n \t\n");

        var schema = await FileClassifier.ClassifyAsync(path, new SampleOptions());

        Assert.NotNull(schema);
        Assert.Equal(["a int", "b timestamp"], schema.Columns.Select(c => $"{c.Name} {c.DisplayType}"));
        Assert.Equal(3, schema.RecordCount);
    }

    [Theory]
    [InlineData("{\"a\":1}\n[1,2]\n", "line 2 holds a JSON array, not an object. Each line of a JSON lines file must be one object.")]
    [InlineData("{\"a\":1}\n{\"a\":2} {\"a\":3}\n", "line 2, column 9: invalid JSON ('{' is invalid after a single JSON value). Each line of a JSON lines file must be one object.")]
    [InlineData("{\"a\":1}\n{\"a\":01}\n", "line 2, column 7: invalid JSON (Invalid leading zero before '1'). Each line of a JSON lines file must be one object.")]
    public async Task A_line_that_is_not_one_object_makes_a_bad_file_with_its_line_and_column(string content, string reason)
    {
        using var folder = new TempFolder();
        var path = folder.Write("a.json", content);

        var error = await Assert.ThrowsAsync<BadFileException>(() => FileClassifier.ClassifyAsync(path, new SampleOptions()));

        Assert.Equal(reason, error.Reason);
    }
}
