using System.Text;

namespace DevEndpoint.Tests.Loading.Parity;

/// <summary>
/// JSON files crawled and loaded, compared cell by cell with DuckDB's <c>read_json</c>: nested objects as <c>a.b</c>
/// columns (DuckDB's struct fields), arrays as JSON text (DuckDB's lists), each value cast to the catalog type.
/// </summary>
public sealed class JsonParityTests
{
    public static TheoryData<string, string, string> Files => new()
    {
        { "scalars and nulls", "newline_delimited", """
            {"id": 1, "name": "ann", "amount": 12.50, "ok": true}
            {"id": 2, "name": null, "amount": -0.01, "ok": false}
            {"id": 3, "amount": 3, "ok": null}
            """ },
        { "dates and timestamps with offsets", "newline_delimited", """
            {"id": 1, "day": "2024-01-31", "at": "2024-03-01T10:00:00+02:00"}
            {"id": 2, "day": "2024-02-29", "at": "2024-03-01 10:00:00"}
            {"id": 3, "day": null, "at": "2024-03-01T23:30:00Z"}
            """ },
        { "nested objects", "newline_delimited", """
            {"id": 1, "address": {"city": "Oslo", "geo": {"lat": 59.91, "lon": 10.75}}}
            {"id": 2, "address": {"city": "東京", "geo": null}}
            {"id": 3, "address": null}
            {"id": 4}
            """ },
        { "arrays as JSON text", "newline_delimited", """
            {"id": 1, "tags": ["a", "b"], "scores": [1, 2, 3]}
            {"id": 2, "tags": [], "scores": null}
            {"id": 3, "tags": ["😀 emoji", "naïve"], "scores": [7]}
            """ },
        { "an array of objects", "array", """
            [
              {"id": 1, "text": "line one\nline two", "nested": {"x": 1}},
              {"id": 2, "text": "a, \"quoted\" b", "nested": {"x": null}}
            ]
            """ },
        { "numbers of every shape", "newline_delimited", """
            {"id": 1, "big": 9007199254740993, "ratio": 1e-3, "neg": -0.0}
            {"id": 2, "big": -9223372036854775808, "ratio": 2.5E10, "neg": 3}
            """ },
        { "an all-null field", "newline_delimited", """
            {"id": 1, "nothing": null}
            {"id": 2, "nothing": null}
            """ },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task A_loaded_json_file_has_the_cells_duckdb_reads(string what, string format, string content)
    {
        using var crawled = await CrawledFiles.LoadAsync(("data.json", Encoding.UTF8.GetBytes(content)));

        var (names, rows) = crawled.DuckSelect($"read_json({DuckDb.Literal(Path.Combine(crawled.TablePath, "data.json"))}, format = {DuckDb.Literal(format)})");

        Cells.AssertSame(crawled.Frame, names, rows, what, crawled.JsonColumns);
    }
}
