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
            "42501" when server.MessageText.StartsWith(PostgresGrants.Refusal, StringComparison.Ordinal) =>
                NoGrantMessage(catalog, server.Hint ?? "?", server.MessageText[(server.MessageText.IndexOf(PostgresGrants.RefusedDatabase, StringComparison.Ordinal) + PostgresGrants.RefusedDatabase.Length)..], server.ConstraintName ?? "none"),
            "42501" when server.MessageText == PostgresGrants.NotOwner =>
                $"Role '{server.Hint}' may not bring the catalog {catalog} up to this build's schema {CatalogMigrations.Latest}: only its owner (the role that created it) may, since the roles granted its databases get their privileges on the new tables then. Nothing was changed. Ask the owner to open the catalog once with this build (any devendpoint command with --catalog {catalog}).",
            "42501" when server.TableName == "database_grants" || server.MessageText.Contains("database_grants", StringComparison.Ordinal) =>
                $"Only the owner of the catalog {catalog} may grant or revoke access to its databases (PostgreSQL found \"{server.MessageText}\"). Ask the owner (the role that created the catalog) to run the command.",
            "42501" => $"PostgreSQL refused access to the catalog {catalog}: {server.MessageText}. Ask the catalog's owner for a grant: devendpoint catalog grant <database> --role <your role> --read (or --write) --catalog {catalog}.",
            "3D000" => $"The PostgreSQL server of the catalog {catalog} has no such database ({server.MessageText}). Create it first (createdb, as a role that may), or fix the database in the URL.",
            "28P01" or "28000" => $"PostgreSQL refused the login to the catalog {catalog}: {server.MessageText}. Give the password in PGPASSWORD (or PostgreSQL's password file ~/.pgpass) for a postgresql:// URL, or in the secret source of the postgres connection named by --catalog.",
            _ => $"The catalog at {catalog} failed: PostgreSQL found \"{server.MessageText}\".",
        };
        return new DevEndpointException(message, e);
    }

    /// <summary>A change refused by PostgreSQL because the role holds no write grant on the database it touches.</summary>
    public static string NoGrantMessage(string catalog, string role, string database, string held) =>
        $"Role '{role}' may not change database '{database}' in the catalog {catalog}: it holds {(held == "read" ? "a read grant" : "no grant")} on it, and changes need a write grant. PostgreSQL refused the change, and nothing was changed. Ask the catalog's owner to run: devendpoint catalog grant {database} --role {role} --write --catalog {catalog}";

    /// <summary>Grants asked of a catalog that is a SQLite file.</summary>
    public static DevEndpointException GrantsNeedPostgres(string path) =>
        new($"The catalog at {path} is a SQLite file, whose readers and writers are set by the file's permissions: grants per database need a catalog on PostgreSQL (--catalog postgresql://user@host:port/database; devendpoint catalog copy moves a catalog there).");

    /// <summary>A grant to a role the server does not have.</summary>
    public static DevEndpointException UnknownRole(string catalog, string role) =>
        new($"The PostgreSQL server of the catalog {catalog} has no role '{role}'. Create it first (CREATE ROLE {role} LOGIN), or check the name.");

    /// <summary>A copy into a catalog that already holds something.</summary>
    public static DevEndpointException CopyTargetNotEmpty(string source, string target, long rows) =>
        new($"The catalog {target} is not empty ({rows} row(s)): a copy from {source} never mixes two catalogs, and nothing was copied. Copy into a new catalog, or add --replace to empty {target} first.");

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
