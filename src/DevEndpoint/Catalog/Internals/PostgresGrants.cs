namespace DevEndpoint.Catalog.Internals;

/// <summary>
/// Per-database grants on a PostgreSQL catalog, enforced by PostgreSQL itself. <c>database_grants</c> (written by the
/// catalog's owner only) says which role may read or write which database. Row-level security shows a role only the rows
/// of the databases it may read; a trigger on every table keyed by a database refuses (SQLSTATE 42501) any row a role
/// without a write grant inserts, updates or deletes, naming the role, the database and what it holds. The owner of the
/// catalog (the role that created it) may do everything.
/// </summary>
internal static class PostgresGrants
{
    /// <summary>The tables keyed by a database, with the column that names it.</summary>
    public static readonly (string Table, string Column)[] Keyed =
    [
        ("databases", "name"), ("tables", "database_name"), ("table_versions", "database_name"), ("partitions", "database_name"),
        ("crawl_runs", "database_name"), ("job_bookmark_tables", "database_name"), ("job_bookmark_files", "database_name"),
        ("key_bookmarks", "database_name"), ("long_values", "database_name"), ("dq_results", "database_name"), ("dq_metrics", "database_name"),
    ];

    /// <summary>The start of the message of the trigger's refusal, which <see cref="CatalogErrors.PostgresFailed"/> words for people.</summary>
    public const string Refusal = "devendpoint grant:";

    /// <summary>The message of the refusal of a migration that grants, run by a role that is not the catalog's owner.</summary>
    public const string NotOwner = "devendpoint migration: only the owner of the catalog may bring its grants up to date";

    /// <summary>What comes before the database's name in the trigger's refusal (its detail field is redacted by Npgsql).</summary>
    public const string RefusedDatabase = " may not write database ";

    /// <summary>
    /// Gives every role granted a database the privileges on the catalog's tables that <see cref="DataCatalog.GrantIn"/>
    /// gives (all of them, changes to <c>database_grants</c> aside), for a migration that adds tables: a role granted before
    /// it uses them as its grants say. What the role may do in each database stays with the policies and triggers. Only the
    /// owner may grant, so another role that opens the catalog first is refused (<see cref="NotOwner"/>) rather than
    /// recording a migration that granted nothing.
    /// </summary>
    public const string RegrantSql = $$"""
        DO $f$
        DECLARE
            granted text;
        BEGIN
            IF NOT devendpoint_is_owner() THEN
                RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = '{{NotOwner}}', HINT = current_user;
            END IF;
            FOR granted IN SELECT DISTINCT g.role_name FROM database_grants g JOIN pg_roles r ON r.rolname = g.role_name LOOP
                EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), granted);
                EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', current_schema(), granted);
                EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON database_grants FROM %I', granted);
            END LOOP;
        END
        $f$;
        """;

    /// <summary>The grant table, the functions the policies and triggers call, and the policies and triggers themselves.</summary>
    public static string Sql => Setup + string.Concat(Keyed.Select(k => Table(k.Table, k.Column)));

    private const string Setup = $$"""
        CREATE TABLE database_grants (
            database_name TEXT NOT NULL,
            role_name TEXT NOT NULL,
            access TEXT NOT NULL CHECK (access IN ('read', 'write')),
            PRIMARY KEY (database_name, role_name));
        GRANT SELECT ON database_grants TO PUBLIC;
        CREATE FUNCTION devendpoint_is_owner() RETURNS boolean LANGUAGE sql STABLE AS $f$
            SELECT pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = 'database_grants'::regclass), 'MEMBER')
        $f$;
        CREATE FUNCTION devendpoint_access(db text) RETURNS text LANGUAGE sql STABLE AS $f$
            SELECT CASE WHEN devendpoint_is_owner() THEN 'write' ELSE (
                SELECT max(g.access) FROM database_grants g
                WHERE g.database_name = db AND g.role_name IN (SELECT rolname FROM pg_roles WHERE pg_has_role(current_user, oid, 'MEMBER'))) END
        $f$;
        CREATE FUNCTION devendpoint_check_write() RETURNS trigger LANGUAGE plpgsql AS $f$
        DECLARE
            db text := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ->> TG_ARGV[0] ELSE to_jsonb(NEW) ->> TG_ARGV[0] END;
            held text;
        BEGIN
            IF db IS NOT NULL THEN
                held := devendpoint_access(db);
                IF held IS DISTINCT FROM 'write' THEN
                    RAISE EXCEPTION USING ERRCODE = '42501',
                        MESSAGE = format('{{Refusal}} role %s{{RefusedDatabase}}%s', current_user, db),
                        HINT = current_user, CONSTRAINT = coalesce(held, 'none');
                END IF;
            END IF;
            RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END
        $f$;

        """;

    private static string Table(string table, string column) => $"""
        ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
        CREATE POLICY devendpoint_read ON {table} FOR SELECT USING ({column} IS NULL OR devendpoint_access({column}) IS NOT NULL);
        CREATE POLICY devendpoint_insert ON {table} FOR INSERT WITH CHECK (true);
        CREATE POLICY devendpoint_update ON {table} FOR UPDATE USING (true);
        CREATE POLICY devendpoint_delete ON {table} FOR DELETE USING (true);
        CREATE TRIGGER devendpoint_check_write BEFORE INSERT OR UPDATE OR DELETE ON {table}
            FOR EACH ROW EXECUTE FUNCTION devendpoint_check_write('{column}');

        """;
}
