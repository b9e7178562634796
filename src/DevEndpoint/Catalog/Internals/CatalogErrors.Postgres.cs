using Npgsql;

namespace DevEndpoint.Catalog.Internals;

/// <summary>What goes wrong with a catalog on PostgreSQL: every message names the catalog (its URL without a password) and what to do.</summary>
internal static partial class CatalogErrors
{
    /// <summary>What PostgreSQL (or Npgsql, reaching it) reported, as an error naming the catalog.</summary>
    public static DevEndpointException PostgresFailed(string catalog, NpgsqlException e)
    {
        if (e is not PostgresException server)
        {
            return Unreachable(catalog, e);
        }

        var message = server.SqlState switch
        {
            "3D000" => $"The PostgreSQL server of the catalog {catalog} has no such database ({server.MessageText}). Create it first (createdb, as a role that may), or fix the database in the URL.",
            "28P01" or "28000" => $"PostgreSQL refused the login to the catalog {catalog}: {server.MessageText}. Give the password in PGPASSWORD (or PostgreSQL's password file ~/.pgpass) for a postgresql:// URL, or in the secret source of the postgres connection named by --catalog.",
            _ => $"The catalog at {catalog} failed: PostgreSQL found \"{server.MessageText}\".",
        };
        return new DevEndpointException(message, e);
    }

    /// <summary>The server of a PostgreSQL catalog did not answer.</summary>
    public static DevEndpointException Unreachable(string catalog, Exception e) =>
        new($"Cannot reach the PostgreSQL server of the catalog {catalog}: {e.Message.TrimEnd('.')}. Check that the server is running and the host and port in the URL.", e);

    /// <summary>A <c>postgresql://</c> catalog URL that cannot be read.</summary>
    public static DevEndpointException BadStoreUrl(string url) =>
        new($"The catalog {StoreUrl().Replace(url, "${scheme}://", 1)} is not a PostgreSQL URL this build reads. Write it as postgresql://user@host:port/database (the password comes from PGPASSWORD or ~/.pgpass).");

    /// <summary>A <c>postgresql://</c> catalog URL with a setting this build does not take.</summary>
    public static DevEndpointException UrlSetting(string url, string key) =>
        new($"The catalog {StoreUrl().Replace(url, "${scheme}://", 1).Split('?')[0]} has the setting '{key}', which DevEndpoint does not take (or whose value it cannot read) in a catalog URL. Use only sslmode=disable|prefer|require|verify-ca|verify-full and passfile=<path>.");

    /// <summary>A <c>postgresql://</c> catalog URL with a password in it, which is never taken (nor repeated).</summary>
    public static DevEndpointException PasswordInUrl(string url) =>
        new($"The catalog {StoreUrl().Replace(url, "${scheme}://", 1)} holds a password in its URL, which DevEndpoint never takes (it would show in shell history and process lists). Remove it from the URL and set PGPASSWORD, or use PostgreSQL's password file ~/.pgpass, or name a postgres connection with --catalog.");
}
