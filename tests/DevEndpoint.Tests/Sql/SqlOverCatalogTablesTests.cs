using DevEndpoint.Catalog;
using DevEndpoint.Connections;
using DevEndpoint.Crawling;
using DevEndpoint.Loading;
using DevEndpoint.Sql;
using DevEndpoint.Tests.Sources.Databases;
using DuckDB.NET.Data;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Sql;

/// <summary>
/// A query's answer over each kind of table the crawler makes equals the table loaded by <see cref="TableLoader"/> plus the
/// same computation in C#, cell by cell: whole tables in key order, and a group-by.
/// </summary>
public sealed class SqlOverCatalogTablesTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly DataCatalog catalog;

    public SqlOverCatalogTablesTests()
    {
        catalog = DataCatalog.Open(temp.Combine("catalog.db"));
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task A_quoted_comma_separated_csv_table_reads_as_loaded()
    {
        temp.Write("lake/orders/a.csv", """"
            id,customer,amount,ordered,paid_at,express,note
            1,"Smith, Jane",12.50,2024-01-05,2024-01-05 10:15:00,true,"said ""hi"""
            2,Lee,7.25,2024-01-06,2024-01-06 08:00:00,false,
            3,"Smith, Jane",100.00,2024-02-01,2024-02-01 23:59:59,true,NULL
            4,Ng,,2024-02-03,,false,plain

            """");
        await CrawlAsync();
        using var session = new SqlSession(catalog);

        await AssertSameAsLoadAsync(session, "lake.orders", "id");
        var sums = await session.QueryAsync("SELECT customer, sum(amount) AS total, count(*) AS orders FROM lake.orders GROUP BY customer ORDER BY customer");
        var loaded = await LoadAsync("lake.orders");
        var expected = Enumerable.Range(0, (int)loaded.Rows.Count)
            .GroupBy(r => (string)loaded["customer"][r])
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();

        Assert.Equal(expected.Select(g => g.Key), sums["customer"].Cast<string>());
        // SQL's sum of no values is null.
        Assert.Equal(expected.Select(g => g.Select(r => loaded["amount"][r]).OfType<decimal>().ToList() is { Count: > 0 } amounts ? amounts.Sum() : (decimal?)null), sums["total"].Cast<decimal?>());
        Assert.Equal(expected.Select(g => (long?)g.Count()), sums["orders"].Cast<long?>());
    }

    [Fact]
    public async Task A_semicolon_table_with_a_preamble_reads_as_loaded()
    {
        temp.Write("lake/prices/p.csv", """
            Price list
            exported 2024-03-01

            name;price;qty;since
            bolt;1.5;10;2023-12-31
            nut;0.25;200;2024-01-15
            screw;;50;
            washer;0.1;;2024-02-29

            """);
        await CrawlAsync();
        using var session = new SqlSession(catalog);

        Assert.Equal("3", catalog.GetTable(new TableName("lake", "prices")).Parameter("preambleLineCount"));
        await AssertSameAsLoadAsync(session, "lake.prices", "name");
        var cheap = await session.QueryAsync("SELECT name, qty FROM lake.prices WHERE price < 1 ORDER BY name");
        var loaded = await LoadAsync("lake.prices");
        var expected = Enumerable.Range(0, (int)loaded.Rows.Count)
            .Where(r => loaded["price"][r] is { } price && Convert.ToDouble(price, System.Globalization.CultureInfo.InvariantCulture) < 1)
            .OrderBy(r => (string)loaded["name"][r], StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expected.Select(r => loaded["name"][r]), cheap["name"].Cast<object>());
        Assert.Equal(expected.Select(r => loaded["qty"][r]), cheap["qty"].Cast<object>());
    }

    [Fact]
    public async Task A_json_lines_table_reads_as_loaded()
    {
        temp.Write("lake/events/e.json", """
            {"id": 1, "kind": "click", "score": 0.5, "at": "2024-01-05T10:15:00Z", "ok": true}
            {"id": 2, "kind": "view", "score": null, "at": "2024-01-05T11:00:00Z", "ok": false}
            {"id": 3, "kind": "click", "score": 2.25, "ok": true}

            """);
        await CrawlAsync();
        using var session = new SqlSession(catalog);

        await AssertSameAsLoadAsync(session, "lake.events", "id");
        var kinds = await session.QueryAsync("SELECT kind, count(*) AS n, sum(score) AS score FROM lake.events GROUP BY kind ORDER BY kind");
        Assert.Equal(["click", "view"], kinds["kind"].Cast<string>());
        Assert.Equal([2L, 1L], kinds["n"].Cast<long?>().Select(n => n!.Value));
        Assert.Equal([2.75, null], kinds["score"].Cast<double?>());
    }

    [Fact]
    public async Task A_parquet_table_reads_as_loaded()
    {
        Directory.CreateDirectory(temp.Combine("lake", "trips"));
        Duck($"""
            COPY (SELECT i AS id, 'zone-' || (i % 3) AS zone, i * 1.5 AS fare, CAST(i * 0.25 AS DECIMAL(10, 2)) AS tip,
                  DATE '2024-01-01' + CAST(i AS INTEGER) AS day, CASE WHEN i % 4 = 0 THEN NULL ELSE i % 2 = 0 END AS shared
                  FROM range(1, 50) r(i))
            TO '{temp.Combine("lake", "trips", "t.parquet")}' (FORMAT parquet)
            """);
        await CrawlAsync();
        using var session = new SqlSession(catalog);

        await AssertSameAsLoadAsync(session, "lake.trips", "id");
        var zones = await session.QueryAsync("SELECT zone, sum(tip) AS tips FROM lake.trips GROUP BY zone ORDER BY zone");
        var loaded = await LoadAsync("lake.trips");
        var expected = Enumerable.Range(0, (int)loaded.Rows.Count).GroupBy(r => (string)loaded["zone"][r]).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Select(g => g.Key), zones["zone"].Cast<string>());
        Assert.Equal(expected.Select(g => (decimal?)g.Sum(r => (decimal)loaded["tip"][r])), zones["tips"].Cast<decimal?>());
    }

    [Fact]
    public async Task A_parquet_file_that_lost_a_catalogued_column_fails_naming_the_table()
    {
        var file = temp.Combine("lake", "trips", "t.parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        Duck($"COPY (SELECT 1 AS id, 'a' AS zone) TO '{file}' (FORMAT parquet)");
        await CrawlAsync();
        Duck($"COPY (SELECT 1 AS id) TO '{file}' (FORMAT parquet)");
        using var session = new SqlSession(catalog);

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => session.QueryAsync("SELECT * FROM lake.trips"));

        Assert.Equal(
            "Table lake.trips cannot be read as the catalog describes it (Binder Error: Table \"f\" does not have a column named \"zone\"). Crawl its folder again if its files changed.",
            error.Message);
    }

    [Fact]
    public async Task A_partition_predicate_reads_only_the_partitions_it_keeps()
    {
        temp.Write("lake/sales/year=2023/a.csv", "id,amount\n1,10\n2,20\n");
        temp.Write("lake/sales/year=2024/a.csv", "id,amount\n3,30\n4,40\n");
        await CrawlAsync();
        using var session = new SqlSession(catalog);
        await AssertSameAsLoadAsync(session, "lake.sales", "id");

        // The 2024 file no longer fits the table's types: a query that read it would fail.
        temp.Write("lake/sales/year=2024/a.csv", "id,amount\nthree,thirty\n");
        var only2023 = await session.QueryAsync("SELECT id, amount, year FROM lake.sales WHERE year = '2023' ORDER BY id");
        var loaded = (await new TableLoader(catalog).LoadAsync("lake.sales", new LoadOptions { Where = "year = '2023'" })).Frame;

        SameCells.Assert(loaded.OrderBy("id"), only2023);
        var all = await Assert.ThrowsAsync<DevEndpointException>(() => session.QueryAsync("SELECT sum(amount) FROM lake.sales"));
        Assert.Contains("three", all.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_table_of_a_shared_folder_reads_only_its_own_files()
    {
        temp.Write("lake/events/clicks-1.csv", "id,kind\n1,click\n2,click\n");
        temp.Write("lake/events/clicks-2.csv", "id,kind\n3,click\n");
        temp.Write("lake/events/prices.csv", "name;price;qty\nbolt;1.5;10\nnut;0.25;200\nscrew;0.5;50\n");
        await CrawlAsync();
        using var session = new SqlSession(catalog);

        Assert.NotNull(catalog.GetTable(new TableName("lake", "events")).Parameter(TableFiles.SharedFolderFilesParameter));
        await AssertSameAsLoadAsync(session, "lake.events", "id");
        await AssertSameAsLoadAsync(session, "lake.prices_csv", "name");
    }

    [Fact]
    public async Task An_xml_table_is_loaded_by_devendpoint_and_queried_as_loaded()
    {
        temp.Write("lake/books/books.xml", """
            <catalog>
              <book id="1"><title>Dune</title><price>9.99</price><published>1965-08-01</published></book>
              <book id="2"><title>Solaris</title><price>12.5</price></book>
              <book id="3"><title>Roadside Picnic</title><published>1972-01-01</published></book>
            </catalog>
            """);
        await CrawlAsync();
        using var session = new SqlSession(catalog);

        await AssertSameAsLoadAsync(session, "lake.books", "id", direct: false);
        var priced = await session.QueryAsync("SELECT count(*) AS n, sum(price) AS total FROM lake.books WHERE price IS NOT NULL");
        Assert.Equal(2L, priced["n"][0]);
        Assert.Equal(22.49m, priced["total"][0]);
    }

    [Fact]
    public async Task A_table_with_a_choice_column_is_loaded_by_devendpoint_and_queried_as_loaded()
    {
        temp.Write("lake/readings/r.json", """
            {"id": 1, "value": 12}
            {"id": 2, "value": true}
            {"id": 3, "value": null}

            """);
        await CrawlAsync();
        using var session = new SqlSession(catalog);

        Assert.Equal(["int", "boolean"], catalog.GetTable(new TableName("lake", "readings")).StorageDescriptor.Columns[1].Choices);
        await AssertSameAsLoadAsync(session, "lake.readings", "id", direct: false);
    }

    [Fact]
    public async Task A_sqlite_table_is_loaded_by_devendpoint_and_queried_as_loaded()
    {
        await using var db = await ScratchDatabase.CreateAsync(ConnectionTypes.Sqlite);
        await db.ExecuteAsync("CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT, age INTEGER, score REAL)");
        await db.ExecuteAsync("INSERT INTO people VALUES (1, 'Ann', 31, 0.5), (2, 'Bo', NULL, 1.5), (3, NULL, 40, NULL), (4, 'Cy', 31, 2.0)");
        await db.CrawlAsync();
        using var session = new SqlSession(db.Catalog);
        var name = $"src.{db.TableName("people")}";
        Assert.Null(TableViews.Select(db.Catalog, db.Catalog.GetTable(TableName.Parse(name))));

        var all = await session.QueryAsync($"SELECT * FROM {name} ORDER BY id");
        var loaded = (await new TableLoader(db.Catalog).LoadAsync(name)).Frame;
        SameCells.Assert(loaded.OrderBy("id"), all);
        var ages = await session.QueryAsync($"SELECT age, count(*) AS n FROM {name} WHERE age IS NOT NULL GROUP BY age ORDER BY age");
        var expected = Enumerable.Range(0, (int)loaded.Rows.Count).Where(r => loaded["age"][r] is not null)
            .GroupBy(r => Convert.ToInt64(loaded["age"][r], System.Globalization.CultureInfo.InvariantCulture)).OrderBy(g => g.Key).ToList();
        Assert.Equal(expected.Select(g => g.Key), ages["age"].Cast<object>().Select(a => Convert.ToInt64(a, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(expected.Select(g => (long?)g.Count()), ages["n"].Cast<long?>());
    }

    /// <param name="direct">Whether DuckDB reads the table's files (else DevEndpoint's loader loads it for DuckDB).</param>
    private async Task AssertSameAsLoadAsync(SqlSession session, string table, string key, bool direct = true)
    {
        Assert.Equal(direct, TableViews.Select(catalog, catalog.GetTable(TableName.Parse(table))) is not null);
        var answer = await session.QueryAsync($"SELECT * FROM {table} ORDER BY {key}");
        SameCells.Assert((await LoadAsync(table)).OrderBy(key), answer);
    }

    private async Task<DataFrame> LoadAsync(string table) => (await new TableLoader(catalog).LoadAsync(table)).Frame;

    private Task CrawlAsync() => new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" });

    private static void Duck(string sql)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
