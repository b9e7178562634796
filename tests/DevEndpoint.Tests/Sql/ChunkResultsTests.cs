using System.Globalization;
using DevEndpoint.Frames;
using DevEndpoint.Sql;
using DuckDB.NET.Data;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Sql;

/// <summary>
/// Results copied from DuckDB's vectors a chunk at a time give the frame the value path (DuckDB.NET's reader, value by value)
/// gives: the same names, .NET types, DuckDB type names and cells, compared as text so decimal scales and date kinds count.
/// </summary>
public sealed class ChunkResultsTests : IDisposable
{
    private readonly DuckDBConnection connection = new("Data Source=:memory:");

    public ChunkResultsTests() => connection.Open();

    public void Dispose() => connection.Dispose();

    [Fact]
    public void Every_fixed_width_type_with_nulls_over_several_chunks_reads_as_the_value_path_reads_it()
    {
        Same("""
            SELECT
              CASE WHEN i % 7 = 0 THEN NULL ELSE i % 2 = 0 END AS flag,
              CASE WHEN i % 5 = 0 THEN NULL ELSE (i % 250 - 125)::TINYINT END AS tiny,
              (i % 30000 - 15000)::SMALLINT AS small,
              CASE WHEN i % 3 = 0 THEN NULL ELSE (i * 7919 - 20000000)::INTEGER END AS int,
              (i * 1000000007 - 4000000000000)::BIGINT AS big,
              (i % 256)::UTINYINT AS utiny, (i % 65536)::USMALLINT AS usmall, (i * 100003)::UINTEGER AS uint, (i * 1000000007)::UBIGINT AS ubig,
              CASE WHEN i % 11 = 0 THEN NULL ELSE (i / 3.0)::FLOAT END AS real, i / 7.0 - 300 AS dbl,
              CASE WHEN i % 13 = 0 THEN NULL ELSE DATE '1950-01-01' + (i * 11)::INTEGER END AS day,
              CASE WHEN i % 17 = 0 THEN NULL ELSE TIMESTAMP '1969-12-31 23:59:58.25' + to_microseconds(i * 123456789) END AS moment,
              (i::HUGEINT * 1000000000000000) - 3000000000000000000 AS huge
            FROM range(5000) t(i)
            """);
    }

    [Fact]
    public void Decimals_of_every_width_keep_their_scale_and_sign()
    {
        Same("""
            SELECT
              ((i - 2500) / 10)::DECIMAL(4,1) AS d4,
              CASE WHEN i % 9 = 0 THEN NULL ELSE ((i - 2500) * 1.125)::DECIMAL(9,3) END AS d9,
              ((i - 2500) * 123456.789012)::DECIMAL(18,6) AS d18,
              ((i - 2500) * 12345678901234567.8901234567)::DECIMAL(38,10) AS d38,
              0.50::DECIMAL(5,2) AS half
            FROM range(5000) t(i)
            """);
        Same("SELECT sum(i::DECIMAL(18,2)) AS total, sum(i) AS whole, avg(i::DECIMAL(10,3)) AS mean FROM range(5000) t(i)");
    }

    [Fact]
    public void Strings_inline_up_to_twelve_bytes_and_longer_ones_read_whole()
    {
        Same("""
            SELECT * FROM (VALUES
              (''), ('a'), ('twelve bytes'), ('thirteen byte'), ('ümlaut ünïcode'), ('€€€€'), ('€€€€€'),
              (NULL), (repeat('long text, ', 40)), ('日本語のテキスト')) v(text)
            """);
        Same("SELECT CASE WHEN i % 4 = 0 THEN NULL ELSE repeat('x', (i % 30)::INTEGER) END AS text, i AS n FROM range(6000) t(i)");
    }

    [Fact]
    public void Text_held_as_utf8_over_many_chunks_with_nulls_and_lengths_growing_past_the_first_chunks_reads_as_the_value_path_stores_it()
    {
        const string sql = """
            SELECT CASE WHEN i % 6 = 0 THEN NULL ELSE repeat(chr(65 + (i % 26)::INTEGER), (i // 100)::INTEGER) || i::VARCHAR END AS text, i AS n
            FROM range(20000) t(i)
            """;
        foreach (var strings in new[] { StringStorage.Utf8, StringStorage.Auto })
        {
            var chunked = ChunkResults.TryRead(connection, sql, [], null, strings, default);

            Assert.NotNull(chunked);
            Assert.IsType<Utf8StringDataFrameColumn>(chunked.Frame["text"]);
            Assert.Equal(Cells(ResultFrames.Store(ValuePath(sql, null).Frame, strings)), Cells(chunked.Frame));
        }
    }

    [Fact]
    public void Lists_structs_maps_zoned_timestamps_intervals_and_json_go_the_value_path()
    {
        foreach (var sql in new[]
        {
            "SELECT [1, 2, NULL] AS list",
            "SELECT {'a': 1, 'b': 'x'} AS struct",
            "SELECT MAP {'k': 1} AS map",
            "SELECT TIMESTAMPTZ '2024-03-01 10:00:00+02' AS zoned",
            "SELECT INTERVAL 3 DAY AS span",
            "SELECT '{\"a\": 1}'::JSON AS json",
            "SELECT 1 AS n; SELECT 2 AS n",
        })
        {
            Assert.Null(ChunkResults.TryRead(connection, sql, [], null, StringStorage.Dotnet, default));
        }
    }

    [Fact]
    public async Task A_session_query_of_mixed_types_with_parameters_and_a_limit_equals_the_value_path()
    {
        using var temp = new TempFolder();
        using var session = new SqlSession(DevEndpoint.Catalog.DataCatalog.Open(temp.Combine("catalog.db")));
        const string Flat = "SELECT i AS n, 'row ' || i AS label FROM range(5000) t(i) WHERE i >= {0} AND 'row ' || i <> {1}";
        const string Mixed = "SELECT i AS n, [i, i + 1] AS pair, TIMESTAMPTZ '2024-03-01 10:00:00+02' + to_seconds(i) AS zoned FROM range(5000) t(i) WHERE i >= {0} AND 'row ' || i <> {1}";
        var options = new SqlQueryOptions
        {
            Strings = StringStorage.Dotnet,
            Limit = 3000,
            Parameters = new Dictionary<string, object?> { ["low"] = 10, ["skip"] = "row 12" },
        };

        var flat = await session.RunAsync(Bound(Flat), options);
        var mixed = await session.RunAsync(Bound(Mixed), options);

        Assert.Equal(3000, flat.Frame.Rows.Count);
        Assert.Equal([10L, 11L, 13L], flat.Frame["n"].Cast<long?>().Take(3).Select(n => n!.Value));
        Assert.Equal(Cells(ValuePath(Literal(Flat), 3000).Frame), Cells(flat.Frame));
        Assert.Equal(Cells(ValuePath(Literal(Mixed), 3000).Frame), Cells(mixed.Frame));

        static string Bound(string query) => string.Format(CultureInfo.InvariantCulture, query, "{{low}}", "{{skip}}");

        static string Literal(string query) => string.Format(CultureInfo.InvariantCulture, query, "10", "'row 12'");
    }

    /// <summary>Asserts that the chunked read of <paramref name="sql"/> takes it and equals the value path's.</summary>
    private void Same(string sql)
    {
        var chunked = ChunkResults.TryRead(connection, sql, [], null, StringStorage.Dotnet, default);
        var expected = ValuePath(sql, null);

        Assert.NotNull(chunked);
        Assert.Equal(expected.Types, chunked.Types);
        Assert.Equal(Cells(expected.Frame), Cells(chunked.Frame));
    }

    private SqlResult ValuePath(string sql, long? limit)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        return ResultFrames.Read(reader, limit, default);
    }

    /// <summary>Every column's name and .NET type, then every cell as invariant text (dates with their kind, decimals with their scale).</summary>
    private static List<string> Cells(DataFrame frame)
    {
        var cells = frame.Columns.Select(c => $"{c.Name} {c.GetType().Name} {c.DataType.Name} nulls={c.NullCount}").ToList();
        for (long row = 0; row < frame.Rows.Count; row++)
        {
            cells.Add(string.Join(" | ", frame.Columns.Select(c => c[row] switch
            {
                null => "null",
                DateTime moment => $"{moment:O} {moment.Kind}",
                IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
                var value => value.ToString(),
            })));
        }

        return cells;
    }
}
