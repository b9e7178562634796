using System.Data.Common;
using DevEndpoint.Catalog.Internals;

namespace DevEndpoint.Catalog;

public sealed partial class DataCatalog
{
    /// <summary>
    /// Grants <paramref name="role"/> read or write access to <paramref name="database"/> (which need not exist yet),
    /// replacing what it held there, and lets the role use the catalog's tables at all. PostgreSQL catalogs only; only the
    /// catalog's owner may grant, which PostgreSQL itself enforces.
    /// </summary>
    internal void Grant(string database, string role, DatabaseAccess access)
    {
        RequireGrants();
        var name = TableName.Normalize(database);
        InTransaction(write: true, (connection, transaction) =>
        {
            RequireRole(connection, transaction, role);
            GrantIn(connection, transaction, name, role, access);
            return 0;
        });
    }

    /// <summary>
    /// Records the grant and gives the role the privileges on the catalog's tables every grant gives (all of them, changes
    /// to <c>database_grants</c> aside); what it may do in each database is left to the policies and triggers.
    /// </summary>
    internal static void GrantIn(DbConnection connection, DbTransaction transaction, string database, string role, DatabaseAccess access)
    {
        Execute(
            connection,
            transaction,
            "INSERT INTO database_grants (database_name, role_name, access) VALUES ($db, $role, $access) ON CONFLICT (database_name, role_name) DO UPDATE SET access = excluded.access",
            ("$db", database),
            ("$role", role),
            ("$access", Access(access)));
        var schema = Identifier(ReadStrings(connection, transaction, "SELECT current_schema()::text")[0]);
        Execute(connection, transaction, $"GRANT USAGE ON SCHEMA {schema} TO {Identifier(role)}");
        Execute(connection, transaction, $"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {Identifier(role)}");
        Execute(connection, transaction, $"REVOKE INSERT, UPDATE, DELETE ON database_grants FROM {Identifier(role)}");
    }

    /// <summary>
    /// Takes back a grant: <see cref="DatabaseAccess.Write"/> leaves the role reading the database,
    /// <see cref="DatabaseAccess.Read"/> takes all its access to it. Returns whether the role held what was taken.
    /// </summary>
    internal bool Revoke(string database, string role, DatabaseAccess access)
    {
        RequireGrants();
        (string, object?)[] key = [("$db", TableName.Normalize(database)), ("$role", role)];
        return InTransaction(write: true, (connection, transaction) =>
        {
            using var command = Command(
                connection,
                transaction,
                access == DatabaseAccess.Write
                    ? "UPDATE database_grants SET access = 'read' WHERE database_name = $db AND role_name = $role AND access = 'write'"
                    : "DELETE FROM database_grants WHERE database_name = $db AND role_name = $role",
                key);
            return command.ExecuteNonQuery() > 0;
        });
    }

    /// <summary>Every grant, by database then role.</summary>
    internal IReadOnlyList<DatabaseGrant> GetGrants()
    {
        RequireGrants();
        return Read(connection =>
        {
            using var command = Command(connection, null, "SELECT database_name, role_name, access FROM database_grants ORDER BY database_name, role_name", []);
            using var reader = command.ExecuteReader();
            var grants = new List<DatabaseGrant>();
            while (reader.Read())
            {
                grants.Add(new DatabaseGrant(reader.GetString(0), reader.GetString(1), reader.GetString(2) == "write" ? DatabaseAccess.Write : DatabaseAccess.Read));
            }

            return grants;
        });
    }

    private static string Access(DatabaseAccess access) => access == DatabaseAccess.Write ? "write" : "read";

    private void RequireGrants()
    {
        if (store.HasRowIds)
        {
            throw CatalogErrors.GrantsNeedPostgres(Path);
        }
    }

    private void RequireRole(DbConnection connection, DbTransaction transaction, string role)
    {
        if (ReadStrings(connection, transaction, "SELECT rolname::text FROM pg_roles WHERE rolname = $role", ("$role", role)).Count == 0)
        {
            throw CatalogErrors.UnknownRole(Path, role);
        }
    }

    private static string Identifier(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}

/// <summary>What a grant lets a role do with a database of a PostgreSQL catalog.</summary>
internal enum DatabaseAccess
{
    /// <summary>See the database and everything in it.</summary>
    Read,

    /// <summary>Also crawl into it, write tables to it, change and delete them.</summary>
    Write,
}

/// <summary>A role's grant on a database.</summary>
internal sealed record DatabaseGrant(string Database, string Role, DatabaseAccess Access);
