using System.Data.Common;
using DevEndpoint.Catalog;
using DevEndpoint.Sources.Databases;
using Microsoft.Data.Sqlite;
using MySqlConnector;
using Npgsql;

namespace DevEndpoint.Tests.Sources.Databases;

/// <summary>
/// A fresh schema (PostgreSQL), database (MariaDB) or file (SQLite) on the test servers for one test, with a catalog that
/// has a connection to it named <c>src</c>; dropped on dispose. SQL runs through the provider directly, as a second
/// reader to compare loads with.
/// </summary>
internal sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly TempFolder folder = new();

    private ScratchDatabase(string type)
    {
        Type = type;
        Name = "t_" + Guid.NewGuid().ToString("N")[..12];
        Catalog = DataCatalog.Open(folder.Combine("catalog.db"));
        Connection = type == ConnectionTypes.Sqlite
            ? new Connection { Name = "src", Type = type, Url = folder.Combine("source.db") }.Validated()
            : TestServers.Connection(type, "src");
        Catalog.Update(u => u.PutConnection(Connection));
    }

    public string Type { get; }

    /// <summary>The schema (PostgreSQL) or database (MariaDB) this test owns; <c>main</c> for SQLite.</summary>
    public string Name { get; }

    public string Schema => Type == ConnectionTypes.Sqlite ? "main" : Name;

    /// <summary>The include path that reaches every table of this scratch space.</summary>
    public string Include => Type switch
    {
        ConnectionTypes.Postgres => $"shop/{Name}/%",
        ConnectionTypes.MySql => $"{Name}/%",
        _ => "main/%",
    };

    /// <summary>The catalog table name of a source table here.</summary>
    public string TableName(string table) => Type switch
    {
        ConnectionTypes.Postgres => $"shop_{Name}_{table}",
        ConnectionTypes.MySql => $"{Name}_{table}",
        _ => $"main_{table}",
    };

    public DataCatalog Catalog { get; }

    public string CatalogPath => Catalog.Path;

    public Connection Connection { get; }

    public static async Task<ScratchDatabase> CreateAsync(string type)
    {
        var scratch = new ScratchDatabase(type);
        if (type != ConnectionTypes.Sqlite)
        {
            await scratch.ExecuteAsync(type == ConnectionTypes.Postgres ? $"CREATE SCHEMA {scratch.Name}" : $"CREATE DATABASE {scratch.Name}", useSchema: false);
        }

        return scratch;
    }

    /// <summary>Runs SQL with the scratch schema or database as the default one.</summary>
    public async Task ExecuteAsync(string sql, bool useSchema = true)
    {
        await using var connection = Open(useSchema);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of the first row of a query, read by the provider directly.</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = Open(useSchema: true);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    public Task<CrawlResultSummary> CrawlAsync(params string[] excludes) => CrawlAsync(new DatabaseCrawlOptions { Connection = "src", Database = "src", Includes = [Include], Exclusions = excludes });

    public async Task<CrawlResultSummary> CrawlAsync(DatabaseCrawlOptions options) =>
        new(await new DatabaseCrawler(Catalog).CrawlAsync(options));

    private DbConnection Open(bool useSchema) => Type switch
    {
        ConnectionTypes.Postgres => new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestServers.Url(Type))
        {
            Username = TestServers.User(Type),
            Password = TestServers.Password(Type),
            SearchPath = useSchema ? Name : null,
        }.ConnectionString),
        ConnectionTypes.MySql => new MySqlConnection(new MySqlConnectionStringBuilder(TestServers.Url(Type))
        {
            UserID = TestServers.User(Type),
            Password = TestServers.Password(Type),
            Database = useSchema ? Name : "shop",
        }.ConnectionString),
        _ => new SqliteConnection(new SqliteConnectionStringBuilder(Connection.Url) { Pooling = false }.ConnectionString),
    };

    public async ValueTask DisposeAsync()
    {
        if (Type != ConnectionTypes.Sqlite)
        {
            await ExecuteAsync(Type == ConnectionTypes.Postgres ? $"DROP SCHEMA {Name} CASCADE" : $"DROP DATABASE {Name}", useSchema: false);
        }

        folder.Dispose();
    }
}

/// <summary>A crawl's result with its tables by name.</summary>
internal sealed record CrawlResultSummary(DevEndpoint.Crawling.CrawlResult Result)
{
    public DevEndpoint.Crawling.CrawledTable Table(string name) => Assert.Single(Result.Tables, t => t.Name == name);
}
