using System.Data.Common;
using System.Net.Sockets;
using DevEndpoint.Catalog;
using DevEndpoint.Connections;
using Npgsql;

namespace DevEndpoint.Sources.Databases;

/// <summary>PostgreSQL through Npgsql.</summary>
internal sealed partial class PostgresEngine : DatabaseEngine
{
    public override string Classification => "postgresql";

    public override DbConnection Create(string url, DatabaseLogin login)
    {
        var builder = new NpgsqlConnectionStringBuilder(url) { ApplicationName = "DevEndpoint", PersistSecurityInfo = false };
        if (login.User is not null)
        {
            builder.Username = login.User;
        }

        if (login.Password is not null)
        {
            builder.Password = login.Password;
        }

        return new NpgsqlConnection(builder.ConnectionString);
    }

    public override string Target(string url)
    {
        var builder = new NpgsqlConnectionStringBuilder(url);
        return $"postgresql://{builder.Host ?? "localhost"}:{builder.Port}/{builder.Database}";
    }

    public override async Task<string> ServerVersionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SHOW server_version";
        return $"PostgreSQL {await command.ExecuteScalarAsync(cancellationToken)}";
    }

    public override string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public override string? ExplainConnectFailure(Exception exception, Connection connection, DatabaseLogin login)
    {
        var builder = new NpgsqlConnectionStringBuilder(connection.Url);
        return exception switch
        {
            PostgresException { SqlState: "28P01" or "28000" } => Refused(connection, login, login.User ?? builder.Username),
            // Npgsql's own refusal, before it sends anything: the server asked for a password and the login has none.
            NpgsqlException when login.Password is null && exception.Message.StartsWith("No password has been provided", StringComparison.Ordinal) =>
                Refused(connection, login, login.User ?? builder.Username),
            PostgresException { SqlState: "3D000" } => NoDatabase(builder.Database),
            NpgsqlException { InnerException: SocketException or TimeoutException } => Unreachable($"{builder.Host ?? "localhost"}:{builder.Port}"),
            _ => null,
        };
    }
}
