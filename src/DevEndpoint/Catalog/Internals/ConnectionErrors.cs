using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace DevEndpoint.Catalog.Internals;

/// <summary>Checks connection definitions and words connection errors; no message ever holds a secret.</summary>
internal static class ConnectionErrors
{
    private static readonly string[] PasswordKeys = ["password", "pwd"];

    public static Connection Validate(Connection connection)
    {
        var name = connection.Name;
        if (name.Length is 0 or > 255 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
        {
            throw new DevEndpointException(
                $"'{name}' is not a valid connection name. Use 1 to 255 letters, digits, underscores, hyphens or dots, for example shop_db.");
        }

        if (!ConnectionTypes.All.Contains(connection.Type))
        {
            throw Invalid(name, $"'{connection.Type}' is not a connection type. Use {string.Join(", ", ConnectionTypes.All.SkipLast(1))} or {ConnectionTypes.All[^1]}.");
        }

        if (connection.PasswordEnv is { } variable && (variable.Length == 0 || char.IsAsciiDigit(variable[0]) || !variable.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')))
        {
            // Someone may have typed the password itself here: never repeat it.
            throw Invalid(name, "--password-env is not an environment variable name. Give the NAME of the variable that holds the password (letters, digits and underscores, for example SHOP_PASSWORD), not the password.");
        }

        if (connection.PasswordEnv is not null && connection.CredentialsFile is not null)
        {
            throw Invalid(name, "it names both --password-env and --credentials-file. Give one place for the secret.");
        }

        var url = connection.Type switch
        {
            ConnectionTypes.S3 => CheckEndpoint(name, connection.Url),
            ConnectionTypes.Sqlite => CheckSqlite(name, connection.Url),
            _ => CheckConnectionString(connection),
        };
        return connection with
        {
            Url = url,
            CredentialsFile = connection.CredentialsFile is { } file ? Path.GetFullPath(file) : null,
        };
    }

    public static DevEndpointException Invalid(string name, string problem) => new($"Connection '{name}' is not valid: {problem}");

    private static DbConnectionStringBuilder Parse(string name, string url)
    {
        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = url;
        }
        catch (ArgumentException)
        {
            // The parser's message repeats part of the text, which may hold a secret.
            throw Invalid(name, "--url is not a connection string of key=value pairs separated by semicolons, for example \"Host=127.0.0.1;Port=5432;Database=shop\".");
        }

        if (PasswordKeys.Any(builder.ContainsKey))
        {
            throw Invalid(name, "--url holds a password (Password=***). The catalog never stores secrets: remove it from --url and give the name of an environment variable that holds it with --password-env <VAR> (or a file with --credentials-file).");
        }

        return builder;
    }

    private static string CheckConnectionString(Connection connection)
    {
        var builder = Parse(connection.Name, connection.Url);
        if (builder.Count == 0)
        {
            throw Invalid(connection.Name, "--url is empty. Give a connection string such as \"Host=127.0.0.1;Port=5432;Database=shop\".");
        }

        DefinitionChecks.CheckConnectionString(connection);
        return connection.Url;
    }

    private static string CheckSqlite(string name, string url)
    {
        var builder = new SqliteConnectionStringBuilder();
        if (url.Contains('='))
        {
            builder.ConnectionString = Parse(name, url).ConnectionString;
        }
        else
        {
            builder.DataSource = url;
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            throw Invalid(name, "--url names no database file. Give its path, or a connection string such as \"Data Source=/data/shop.db\".");
        }

        if (builder.DataSource != ":memory:")
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource);
        }

        return builder.ConnectionString;
    }

    private static string CheckEndpoint(string name, string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw Invalid(name, "--url is not an http:// or https:// endpoint URL. Give the S3 endpoint, for example http://127.0.0.1:4568.");
        }

        if (uri.UserInfo.Length > 0)
        {
            throw Invalid(name, "--url holds credentials (user:***@). The catalog never stores secrets: remove them from --url; the keys come from the AWS credential chain, --credentials-file, or --user with --password-env <VAR>.");
        }

        return url;
    }
}
