using DevEndpoint.Catalog;
using DevEndpoint.Connections;
using DevEndpoint.Crawling;
using DevEndpoint.Sql;
using DevEndpoint.Tests.Sources.Databases;

namespace DevEndpoint.Tests.Sql;

/// <summary>Catalog tables DevEndpoint's loader fills for DuckDB stay for later queries while their version and files stay the same.</summary>
public sealed class SqlKeptTablesTests : IDisposable
{
    private const string Kept = "SELECT count(*) AS n FROM duckdb_tables() WHERE schema_name = {{db}} AND table_name = {{table}}";

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task A_loaded_xml_table_is_kept_until_its_files_change_then_loaded_again()
    {
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        temp.Write("lake/books/books.xml", Books("<book id=\"1\"><title>Dune</title></book><book id=\"2\"><title>Solaris</title></book>"));
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" });
        using var session = new SqlSession(catalog);

        var first = await session.QueryAsync("SELECT count(*) AS n FROM lake.books");
        var keptAfterFirst = await session.QueryAsync(Kept, Names("lake", "books"));
        temp.Write("lake/books/books.xml", Books("<book id=\"1\"><title>Dune</title></book><book id=\"2\"><title>Solaris</title></book><book id=\"3\"><title>Ubik</title></book>"));
        var second = await session.QueryAsync("SELECT count(*) AS n, max(title) AS last FROM lake.books");

        Assert.Equal(2L, first["n"][0]);
        Assert.Equal(1L, keptAfterFirst["n"][0]);
        Assert.Equal(3L, second["n"][0]);
        Assert.Equal("Ubik", second["last"][0]);
    }

    [Fact]
    public async Task A_database_table_is_loaded_for_every_query_and_sees_new_rows()
    {
        await using var db = await ScratchDatabase.CreateAsync(ConnectionTypes.Sqlite);
        await db.ExecuteAsync("CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT)");
        await db.ExecuteAsync("INSERT INTO people VALUES (1, 'Ann')");
        await db.CrawlAsync();
        using var session = new SqlSession(db.Catalog);
        var table = db.TableName("people");

        var first = await session.QueryAsync($"SELECT count(*) AS n FROM src.{table}");
        var kept = await session.QueryAsync(Kept, Names("src", table));
        await db.ExecuteAsync("INSERT INTO people VALUES (2, 'Bo')");
        var second = await session.QueryAsync($"SELECT count(*) AS n FROM src.{table}");

        Assert.Equal(1L, first["n"][0]);
        Assert.Equal(0L, kept["n"][0]);
        Assert.Equal(2L, second["n"][0]);
    }

    private static string Books(string books) => $"<catalog>{books}</catalog>\n";

    private static SqlQueryOptions Names(string database, string table) =>
        new() { Parameters = new Dictionary<string, object?> { ["db"] = database, ["table"] = table } };
}
