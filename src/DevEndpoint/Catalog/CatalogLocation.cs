using DevEndpoint.Catalog.Internals;
using Npgsql;

namespace DevEndpoint.Catalog;

/// <summary>
/// Where a catalog lives, from what <c>--catalog</c> (or <c>$DEVENDPOINT_CATALOG</c>) names: a SQLite file (the default),
/// a PostgreSQL database named by URL (<c>postgresql://user@host:port/db</c>), or the name of a <c>postgres</c> connection
/// of the default catalog. The one place that reads those forms and finds the password: from <c>PGPASSWORD</c> (or
/// PostgreSQL's password file) for a URL, as the connection says for a connection. The password never appears in
/// <see cref="Display"/>; a URL that holds one is refused. A URL may end with <c>?sslmode=require</c> and
/// <c>?passfile=/path/to/pgpass</c> (libpq's settings of those names).
/// </summary>
internal sealed class CatalogLocation
{
    private CatalogLocation(string display, string? filePath, string? connectionString)
    {
        Display = display;
        FilePath = filePath;
        ConnectionString = connectionString;
    }

    /// <summary>How messages name the catalog: the full file path, or the URL without a password.</summary>
    public string Display { get; }

    /// <summary>The full path of a SQLite catalog; <c>null</c> for PostgreSQL.</summary>
    public string? FilePath { get; }

    /// <summary>Whether the catalog is a PostgreSQL database.</summary>
    public bool IsPostgres => ConnectionString is not null;

    /// <summary>The Npgsql connection string of a PostgreSQL catalog, with its password: hand it to Npgsql only, never show it.</summary>
    public string? ConnectionString { get; }

    /// <summary>Reads what names a catalog; <c>null</c> or blank is <c>$DEVENDPOINT_CATALOG</c>, else <c>~/.devendpoint/catalog.db</c>.</summary>
    public static CatalogLocation Parse(string? catalog)
    {
        var named = string.IsNullOrWhiteSpace(catalog) ? Environment.GetEnvironmentVariable(DataCatalog.PathVariable) : catalog;
        if (!string.IsNullOrWhiteSpace(named) && CatalogErrors.StoreScheme(named) is { } scheme)
        {
            return scheme.ToLowerInvariant() is "postgresql" or "postgres" ? FromUrl(named) : throw CatalogErrors.UnsupportedStore(named, scheme);
        }

        if (!string.IsNullOrWhiteSpace(catalog) && FromConnection(catalog) is { } connection)
        {
            return connection;
        }

        var path = System.IO.Path.GetFullPath(string.IsNullOrWhiteSpace(catalog) ? DataCatalog.DefaultPath : catalog);
        return File(path);
    }

    /// <summary>A SQLite catalog file.</summary>
    public static CatalogLocation File(string fullPath) => new(fullPath, fullPath, null);

    /// <summary>A PostgreSQL catalog from an Npgsql connection string (with its password, when it needs one).</summary>
    internal static CatalogLocation Postgres(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var user = builder.Username is { Length: > 0 } name ? $"{name}@" : string.Empty;
        return new($"postgresql://{user}{builder.Host}:{builder.Port}/{builder.Database}", null, builder.ConnectionString);
    }

    private static CatalogLocation FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host) || uri.AbsolutePath.Trim('/') is not { Length: > 0 } database || database.Contains('/'))
        {
            throw CatalogErrors.BadStoreUrl(url);
        }

        var user = Uri.UnescapeDataString(uri.UserInfo);
        if (user.Contains(':'))
        {
            throw CatalogErrors.PasswordInUrl(url);
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(database),
            Username = user.Length > 0 ? user : Environment.GetEnvironmentVariable("PGUSER") ?? Environment.UserName,
            Password = Environment.GetEnvironmentVariable("PGPASSWORD") is { Length: > 0 } password ? password : null,
            ApplicationName = "devendpoint",
        };
        foreach (var setting in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = setting.IndexOf('=') is var at and > 0
                ? (Uri.UnescapeDataString(setting[..at]), Uri.UnescapeDataString(setting[(at + 1)..]))
                : (Uri.UnescapeDataString(setting), string.Empty);
            switch (key.ToLowerInvariant())
            {
                case "passfile":
                    builder.Passfile = value;
                    break;
                case "sslmode" when Enum.TryParse<SslMode>(value.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var mode):
                    builder.SslMode = mode;
                    break;
                default:
                    throw CatalogErrors.UrlSetting(url, key);
            }
        }

        return Postgres(builder.ConnectionString);
    }

    /// <summary>
    /// The <c>postgres</c> connection of the default catalog named <paramref name="name"/>, when <paramref name="name"/> is a
    /// bare name (no folder, no file of that name) and the default catalog file has such a connection.
    /// </summary>
    private static CatalogLocation? FromConnection(string name)
    {
        if (name.IndexOfAny(['/', '\\']) >= 0 || System.IO.File.Exists(name) || !System.IO.File.Exists(DataCatalog.DefaultPath)
            || CatalogErrors.StoreScheme(Environment.GetEnvironmentVariable(DataCatalog.PathVariable) ?? string.Empty) is not null)
        {
            return null;
        }

        var connection = DataCatalog.OpenReadOnly(DataCatalog.DefaultPath).GetConnections()
            .FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase) && c.Type == ConnectionTypes.Postgres);
        if (connection is null)
        {
            return null;
        }

        var (user, password) = CatalogLogins.Login(connection);
        var builder = new NpgsqlConnectionStringBuilder(connection.Url) { Username = user, Password = password, ApplicationName = "devendpoint" };
        return Postgres(builder.ConnectionString);
    }
}
