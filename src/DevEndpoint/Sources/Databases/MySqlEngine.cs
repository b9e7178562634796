using System.Data.Common;
using DevEndpoint.Catalog;
using DevEndpoint.Connections;
using MySqlConnector;

namespace DevEndpoint.Sources.Databases;

/// <summary>MySQL and MariaDB through MySqlConnector.</summary>
internal sealed partial class MySqlEngine : DatabaseEngine
{
    public override string Classification => "mysql";

    public override DbConnection Create(string url, DatabaseLogin login)
    {
        var builder = new MySqlConnectionStringBuilder(url) { ApplicationName = "DevEndpoint", PersistSecurityInfo = false };
        if (login.User is not null)
        {
            builder.UserID = login.User;
        }

        if (login.Password is not null)
        {
            builder.Password = login.Password;
        }

        return new MySqlConnection(builder.ConnectionString);
    }

    public override string Target(string url)
    {
        var builder = new MySqlConnectionStringBuilder(url);
        return $"mysql://{HostAndPort(builder)}/{builder.Database}";
    }

    public override async Task<string> ServerVersionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT VERSION()";
        var version = Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
        return version.Contains("MariaDB", StringComparison.OrdinalIgnoreCase) ? $"MariaDB {version}" : $"MySQL {version}";
    }

    public override string Quote(string identifier) => "`" + identifier.Replace("`", "``", StringComparison.Ordinal) + "`";

    public override string? ExplainConnectFailure(Exception exception, Connection connection, DatabaseLogin login)
    {
        var builder = new MySqlConnectionStringBuilder(connection.Url);
        return exception switch
        {
            MySqlException { ErrorCode: MySqlErrorCode.AccessDenied } => Refused(connection, login, login.User ?? builder.UserID),
            MySqlException { ErrorCode: MySqlErrorCode.UnknownDatabase } => NoDatabase(builder.Database),
            MySqlException { ErrorCode: MySqlErrorCode.UnableToConnectToHost } => Unreachable(HostAndPort(builder)),
            _ => null,
        };
    }

    private static string HostAndPort(MySqlConnectionStringBuilder builder) =>
        $"{(string.IsNullOrEmpty(builder.Server) ? "localhost" : builder.Server)}:{builder.Port}";
}
