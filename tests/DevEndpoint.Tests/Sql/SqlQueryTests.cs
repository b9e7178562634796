using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Frames;
using DevEndpoint.Sql;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Sql;

/// <summary>Parameters, saved queries, DataFrames as tables, result types and the messages of queries that fail.</summary>
public sealed class SqlQueryTests : IDisposable
{
    private const string Hostile = "O'Brien'; DROP TABLE x; --";

    private readonly TempFolder temp = new();
    private readonly DataCatalog catalog;
    private readonly SqlSession session;

    public SqlQueryTests()
    {
        catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        temp.Write("lake/people/p.csv", $"id,name,city\n1,Ann,Oslo\n2,\"{Hostile.Replace("\"", "\"\"", StringComparison.Ordinal)}\",Rome\n3,Bo,Oslo\n");
        new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" }).GetAwaiter().GetResult();
        session = new SqlSession(catalog);
    }

    public void Dispose()
    {
        session.Dispose();
        temp.Dispose();
    }

    [Fact]
    public async Task A_hostile_parameter_value_is_bound_as_a_value_and_finds_its_row()
    {
        var found = await session.QueryAsync("SELECT id FROM lake.people WHERE name = {{who}}", Parameters(("who", Hostile)));
        var all = await session.QueryAsync("SELECT count(*) AS n FROM lake.people");

        Assert.Equal([2], found["id"].Cast<int?>().Select(i => i!.Value));
        Assert.Equal(3L, all["n"][0]);
    }

    [Fact]
    public async Task A_parameter_used_twice_and_one_given_as_text_bind_in_order()
    {
        var rows = await session.QueryAsync(
            "SELECT id FROM lake.people WHERE (city = {{ city }} AND id > {{min}}) OR name = {{city}} ORDER BY id",
            Parameters(("city", "Oslo"), ("min", "1")));

        Assert.Equal([3], rows["id"].Cast<int?>().Select(i => i!.Value));
    }

    [Fact]
    public async Task A_parameter_inside_quotes_fails_saying_to_write_it_without_them()
    {
        var error = await Assert.ThrowsAsync<DevEndpointException>(() =>
            session.QueryAsync("SELECT id\nFROM lake.people WHERE name = '{{who}}'", Parameters(("who", "Ann"))));

        Assert.Equal("Line 2, column 32: {{who}} is inside a quoted string, where it stays as text. Write it without quotes: its value is bound as a parameter.", error.Message);
    }

    [Fact]
    public async Task A_parameter_without_a_value_or_of_another_type_fails_naming_it()
    {
        var missing = await Assert.ThrowsAsync<DevEndpointException>(() => session.QueryAsync("SELECT * FROM lake.people WHERE id = {{n}}"));
        var list = await Assert.ThrowsAsync<DevEndpointException>(() =>
            session.QueryAsync("SELECT * FROM lake.people WHERE id = {{n}}", Parameters(("n", new List<int> { 1 }))));

        Assert.Equal("The query's {{n}} has no value. Give it one: a C# variable n in a notebook, --param n=<value> on the command line.", missing.Message);
        Assert.Equal("The query's {{n}} is a List`1, which a query parameter cannot hold: give it a number, text, boolean, date or time.", list.Message);
    }

    [Fact]
    public async Task Saved_queries_compose_as_common_table_expressions_before_a_query_and_its_own_with()
    {
        await session.QueryAsync("SELECT * FROM lake.people WHERE city = 'Oslo';", new SqlQueryOptions { Save = "oslo" });
        await session.QueryAsync("SELECT id, upper(name) AS name FROM oslo", new SqlQueryOptions { With = ["oslo"], Save = "loud" });

        var rows = await session.QueryAsync(
            "WITH firsts AS (SELECT min(id) AS id FROM loud)\nSELECT loud.name FROM loud JOIN firsts USING (id)",
            new SqlQueryOptions { With = ["loud"] });

        Assert.Equal(["ANN"], rows["name"].Cast<string>());
        Assert.Equal(["loud", "oslo"], session.SavedQueries.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_unknown_saved_query_fails_listing_the_saved_ones()
    {
        var none = await Assert.ThrowsAsync<DevEndpointException>(() => session.QueryAsync("SELECT 1", new SqlQueryOptions { With = ["big"] }));
        await session.QueryAsync("SELECT 1 AS one", new SqlQueryOptions { Save = "one" });
        var other = await Assert.ThrowsAsync<DevEndpointException>(() => session.QueryAsync("SELECT 1", new SqlQueryOptions { With = ["big"] }));

        Assert.Equal("There is no saved query 'big': no query is saved in this session yet. Save one with --save big, then use it with --with big.", none.Message);
        Assert.Equal("There is no saved query 'big'. Saved queries: 'one'.", other.Message);
    }

    [Fact]
    public async Task A_save_name_that_is_no_identifier_fails_before_the_query_runs()
    {
        var bad = await Assert.ThrowsAsync<DevEndpointException>(() => session.QueryAsync("SELECT 1", new SqlQueryOptions { Save = "2 rows" }));

        Assert.Equal("'2 rows' is not a name --save can take. Use letters, digits and underscores, starting with a letter.", bad.Message);
        Assert.Empty(session.SavedQueries);
    }

    [Fact]
    public async Task An_error_inside_a_saved_query_says_it_is_in_a_saved_query()
    {
        static Dictionary<string, DataFrame> Frame(string column) => new() { ["numbers"] = new DataFrame(new Int32DataFrameColumn(column, [1, 2])) };
        await session.QueryAsync("SELECT v FROM numbers", new SqlQueryOptions { Save = "picked", Frames = Frame("v") });

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => session.QueryAsync("SELECT * FROM picked", new SqlQueryOptions { With = ["picked"], Frames = Frame("w") }));

        Assert.Equal("In a saved query of --with: Binder Error: Referenced column \"v\" not found in FROM clause!\nCandidate bindings: \"w\"", error.Message.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task A_dataframe_is_a_table_by_its_name_and_joins_a_catalog_table()
    {
        var scores = new DataFrame(new Int32DataFrameColumn("id", [1, 2, 3, 3]), new DoubleDataFrameColumn("score", [0.5, null, 1.5, 2.0]), new StringDataFrameColumn("tag", ["a", "b", null, "d"]));

        var rows = await session.QueryAsync(
            "SELECT p.name, sum(s.score) AS total, count(s.tag) AS tags FROM lake.people p JOIN scores s ON s.id = p.id GROUP BY p.name ORDER BY p.name",
            new SqlQueryOptions { Frames = new Dictionary<string, DataFrame> { ["scores"] = scores } });

        Assert.Equal(["Ann", "Bo", Hostile], rows["name"].Cast<string>());
        Assert.Equal([0.5, 3.5, null], rows["total"].Cast<double?>());
        Assert.Equal([1L, 1L, 1L], rows["tags"].Cast<long?>().Select(n => n!.Value));
    }

    [Fact]
    public async Task Results_keep_their_types_and_nulls()
    {
        var row = await session.QueryAsync("""
            SELECT 1::INTEGER AS i, 2::BIGINT AS b, 1.25::DOUBLE AS d, 3.10::DECIMAL(10, 2) AS m, 'x' AS s, true AS t,
                   DATE '2024-02-29' AS day, TIMESTAMP '2024-02-29 13:45:10' AS at, NULL::INTEGER AS n, 7::TINYINT AS tiny, 1::HUGEINT + 1 AS huge
            """);

        Assert.Equal(
            "i Int32, b Int64, d Double, m Decimal, s String, t Boolean, day DateTime, at DateTime, n Int32, tiny SByte, huge Decimal",
            string.Join(", ", row.Columns.Select(c => $"{c.Name} {c.DataType.Name}")));
        Assert.Equal(
            new object?[] { 1, 2L, 1.25, 3.10m, "x", true, new DateTime(2024, 2, 29), new DateTime(2024, 2, 29, 13, 45, 10), null, (sbyte)7, 2m },
            row.Columns.Select(c => c[0]));
    }

    [Fact]
    public async Task A_limit_keeps_the_first_rows()
    {
        var rows = await session.QueryAsync("SELECT * FROM range(10) r(i)", new SqlQueryOptions { Limit = 3 });

        Assert.Equal([0L, 1L, 2L], rows["i"].Cast<long?>().Select(i => i!.Value));
    }

    [Fact]
    public async Task An_unknown_table_fails_naming_the_closest_catalog_tables()
    {
        // The view lake.people exists once a query named it; a bare people is still no table.
        await session.QueryAsync("SELECT * FROM lake.people");
        var bare = await Assert.ThrowsAsync<DevEndpointException>(() => session.QueryAsync("SELECT * FROM people"));
        var misspelt = await Assert.ThrowsAsync<DevEndpointException>(() => session.QueryAsync("SELECT * FROM lake.peple"));
        var nothing = await Assert.ThrowsAsync<DevEndpointException>(() => session.QueryAsync("SELECT * FROM zzzzzzzzzz"));

        Assert.Equal("Table 'people' is neither a catalog table nor a DataFrame variable. Did you mean 'lake.people'?", bare.Message);
        Assert.Equal($"Table 'lake.peple' does not exist in the catalog {catalog.Path}. Did you mean 'lake.people'?", misspelt.Message);
        Assert.Equal("Table 'zzzzzzzzzz' is neither a catalog table nor a DataFrame variable. Name a catalog table as <database>.<table>, or a DataFrame variable by its name.", nothing.Message);
    }

    [Fact]
    public async Task A_query_error_names_the_line_and_column_of_the_query_as_written()
    {
        var alone = await Assert.ThrowsAsync<DevEndpointException>(() => session.QueryAsync("SELECT id,\n       nosuch\nFROM lake.people"));
        await session.QueryAsync("SELECT 1 AS one", new SqlQueryOptions { Save = "one" });
        var after = await Assert.ThrowsAsync<DevEndpointException>(() =>
            session.QueryAsync("SELECT id,\n       nosuch\nFROM lake.people", new SqlQueryOptions { With = ["one"] }));
        var syntax = await Assert.ThrowsAsync<DevEndpointException>(() => session.QueryAsync("SELECT id\nFORM lake.people"));

        Assert.Equal("Line 2, column 8: Binder Error: Referenced column \"nosuch\" not found in FROM clause!\nCandidate bindings: \"name\"", alone.Message);
        Assert.Equal(alone.Message, after.Message);
        Assert.Equal("Line 2, column 6: Parser Error: syntax error at or near \"lake\"", syntax.Message);
    }

    [Fact]
    public async Task A_query_that_fails_while_its_rows_stream_reports_the_error_instead_of_the_rows_before_it()
    {
        var failed = await Assert.ThrowsAsync<DevEndpointException>(() =>
            session.QueryAsync("SELECT CAST(CASE WHEN i < 5000 THEN '1' ELSE 'x' END AS INTEGER) AS n FROM range(10000) t(i)"));

        Assert.Equal("Line 1, column 8: Conversion Error: Could not convert string 'x' to INT32", failed.Message);
    }

    [Fact]
    public async Task Strings_utf8_gives_text_columns_as_utf8_bytes_with_the_same_values_on_both_read_paths()
    {
        const string Query = "SELECT CASE WHEN i % 3 = 0 THEN NULL ELSE 'naïve text number ' || i END AS t, i FROM range(5000) r(i)";
        var utf8 = new SqlQueryOptions { Strings = StringStorage.Utf8 };
        var dotnet = await session.QueryAsync(Query, new SqlQueryOptions { Strings = StringStorage.Dotnet });
        var chunked = await session.QueryAsync(Query, utf8);
        var valuePath = await session.QueryAsync("SELECT 1 AS one; " + Query, utf8);

        foreach (var frame in new[] { chunked, valuePath })
        {
            var column = Assert.IsType<Utf8StringDataFrameColumn>(frame.Columns["t"]);
            Assert.Equal(dotnet.Columns["t"].NullCount, column.NullCount);
            Assert.Equal(Enumerable.Range(0, 5000).Select(i => (string?)dotnet.Columns["t"][i]), Enumerable.Range(0, 5000).Select(i => column[i]));
            Assert.IsNotType<Utf8StringDataFrameColumn>(frame.Columns["i"]);
        }
    }

    [Fact]
    public async Task Strings_auto_the_default_holds_repeated_text_as_strings_and_rarely_repeated_text_as_utf8_on_both_read_paths()
    {
        // code repeats from its 6th row on; label never repeats; late repeats only after the first 2,048 rows.
        const string Query = """
            SELECT CASE WHEN i % 7 = 0 THEN NULL ELSE 'code ' || (i % 5) END AS code, 'label ' || i AS label,
                   CASE WHEN i < 2048 THEN 'first ' || i ELSE 'same' END AS late
            FROM range(5000) r(i)
            """;
        var auto = new SqlQueryOptions { Strings = StringStorage.Auto };
        var dotnet = await session.QueryAsync(Query, new SqlQueryOptions { Strings = StringStorage.Dotnet });
        var chunked = await session.QueryAsync(Query, auto);
        var valuePath = await session.QueryAsync("SELECT 1 AS one; " + Query, auto);
        var byDefault = await session.QueryAsync(Query);

        Assert.All(dotnet.Columns, c => Assert.IsType<StringDataFrameColumn>(c));
        foreach (var frame in new[] { chunked, valuePath, byDefault })
        {
            Assert.IsType<StringDataFrameColumn>(frame.Columns["code"]);
            Assert.IsType<Utf8StringDataFrameColumn>(frame.Columns["label"]);
            Assert.IsType<Utf8StringDataFrameColumn>(frame.Columns["late"]);
            foreach (var name in new[] { "code", "label", "late" })
            {
                Assert.Equal(dotnet.Columns[name].NullCount, frame.Columns[name].NullCount);
                Assert.Equal(Enumerable.Range(0, 5000).Select(i => dotnet.Columns[name][i]), Enumerable.Range(0, 5000).Select(i => frame.Columns[name][i]));
            }
        }
    }

    [Fact]
    public async Task Strings_auto_keeps_a_text_column_of_only_nulls_as_strings()
    {
        var frame = await session.QueryAsync("SELECT CAST(NULL AS VARCHAR) AS nothing FROM range(3000)", new SqlQueryOptions { Strings = StringStorage.Auto });

        Assert.IsType<StringDataFrameColumn>(frame.Columns["nothing"]);
        Assert.Equal(3000, frame.Columns["nothing"].NullCount);
    }

    [Fact]
    public async Task Repeated_short_text_of_a_result_is_one_shared_string_per_value()
    {
        var frame = await session.QueryAsync("SELECT 'category ' || (i % 3) AS category FROM range(5000) r(i)", new SqlQueryOptions { Strings = StringStorage.Dotnet });

        var category = frame.Columns["category"];
        Assert.Equal("category 1", category[4000]);
        Assert.Same(category[1], category[4000]);
        Assert.Same(category[2], category[4001]);
    }

    private static SqlQueryOptions Parameters(params (string Name, object? Value)[] values) =>
        new() { Parameters = values.ToDictionary(v => v.Name, v => v.Value) };
}
