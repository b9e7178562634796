using System.Data.Common;
using DevEndpoint.Catalog;
using DevEndpoint.Connections;
using Microsoft.Data.Sqlite;

namespace DevEndpoint.Sources.Databases;

/// <summary>SQLite files through Microsoft.Data.Sqlite, opened read-only.</summary>
internal sealed partial class SqliteEngine : DatabaseEngine
{
    public override string Classification => "sqlite";

    public override DbConnection Create(string url, DatabaseLogin login)
    {
        var builder = new SqliteConnectionStringBuilder(url) { Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        return new SqliteConnection(builder.ConnectionString);
    }

    public override string Target(string url) => $"sqlite://{new SqliteConnectionStringBuilder(url).DataSource}";

    public override async Task<string> ServerVersionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        return $"SQLite {await command.ExecuteScalarAsync(cancellationToken)}";
    }

    public override string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public override string? ExplainConnectFailure(Exception exception, Connection connection, DatabaseLogin login) =>
        exception is SqliteException { SqliteErrorCode: 14 }
            ? $"the database file {new SqliteConnectionStringBuilder(connection.Url).DataSource} does not exist or cannot be opened. Fix the path in the connection's --url."
            : null;
}
