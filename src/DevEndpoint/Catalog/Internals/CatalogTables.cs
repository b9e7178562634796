namespace DevEndpoint.Catalog.Internals;

/// <summary>The catalog tables of schema 1, in SQLite's types (<see cref="CatalogStore.Schema"/> turns them into the store's).</summary>
internal static class CatalogTables
{
    /// <summary>The job runs (schema 4): Glue's <c>JobRun</c> as JSON, by run, with the job's name and the order they started in.</summary>
    public const string JobRuns = """
        CREATE TABLE IF NOT EXISTS job_runs (
            run_id TEXT NOT NULL PRIMARY KEY,
            job_name TEXT NOT NULL COLLATE NOCASE,
            seq INTEGER NOT NULL,
            definition TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS job_runs_job ON job_runs (job_name, seq);
        """;

    /// <summary>Creates every table of schema 1 that is missing; runs again harmlessly.</summary>
    public const string Sql = """
        CREATE TABLE IF NOT EXISTS schema_info (version INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS databases (
            name TEXT NOT NULL PRIMARY KEY,
            definition TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS tables (
            database_name TEXT NOT NULL,
            name TEXT NOT NULL,
            version_id INTEGER NOT NULL,
            definition TEXT NOT NULL,
            PRIMARY KEY (database_name, name));
        CREATE TABLE IF NOT EXISTS table_versions (
            database_name TEXT NOT NULL,
            name TEXT NOT NULL,
            version_id INTEGER NOT NULL,
            definition TEXT NOT NULL,
            PRIMARY KEY (database_name, name, version_id));
        CREATE TABLE IF NOT EXISTS partitions (
            database_name TEXT NOT NULL,
            table_name TEXT NOT NULL,
            partition_values TEXT NOT NULL,
            definition TEXT NOT NULL,
            PRIMARY KEY (database_name, table_name, partition_values));
        CREATE TABLE IF NOT EXISTS crawl_runs (
            run_id TEXT NOT NULL PRIMARY KEY,
            database_name TEXT NOT NULL,
            definition TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS classifiers (
            name TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
            definition TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS job_bookmarks (
            job_name TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
            create_time TEXT NOT NULL,
            last_commit_time TEXT,
            committed_runs INTEGER NOT NULL,
            pending_since TEXT);
        CREATE TABLE IF NOT EXISTS job_bookmark_tables (
            job_name TEXT NOT NULL COLLATE NOCASE,
            database_name TEXT NOT NULL,
            table_name TEXT NOT NULL,
            last_commit_time TEXT,
            pending_since TEXT,
            PRIMARY KEY (job_name, database_name, table_name));
        CREATE TABLE IF NOT EXISTS job_bookmark_files (
            job_name TEXT NOT NULL COLLATE NOCASE,
            database_name TEXT NOT NULL,
            table_name TEXT NOT NULL,
            pending INTEGER NOT NULL,
            path TEXT NOT NULL,
            size INTEGER NOT NULL,
            last_modified INTEGER NOT NULL,
            PRIMARY KEY (job_name, database_name, table_name, pending, path));
        CREATE TABLE IF NOT EXISTS connections (
            name TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
            definition TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS key_bookmarks (
            database_name TEXT NOT NULL,
            table_name TEXT NOT NULL,
            bookmark_key TEXT NOT NULL COLLATE NOCASE,
            definition TEXT NOT NULL,
            PRIMARY KEY (database_name, table_name, bookmark_key));
        CREATE TABLE IF NOT EXISTS long_values (
            database_name TEXT NOT NULL,
            table_name TEXT NOT NULL,
            value_key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (database_name, table_name, value_key));
        CREATE TABLE IF NOT EXISTS ml_transforms (
            name TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
            transform_id TEXT NOT NULL UNIQUE,
            definition TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS ml_transform_labels (
            transform_id TEXT NOT NULL,
            labeling_set_id TEXT NOT NULL,
            record_key TEXT NOT NULL,
            label TEXT NOT NULL,
            seq INTEGER NOT NULL,
            PRIMARY KEY (transform_id, labeling_set_id, record_key));
        CREATE TABLE IF NOT EXISTS ml_transform_models (
            transform_id TEXT NOT NULL PRIMARY KEY,
            model BLOB NOT NULL,
            settings TEXT NOT NULL,
            trained_on TEXT NOT NULL,
            metrics TEXT);
        CREATE TABLE IF NOT EXISTS dq_rulesets (
            name TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
            definition TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS dq_results (
            result_id TEXT NOT NULL PRIMARY KEY,
            seq INTEGER NOT NULL,
            database_name TEXT,
            table_name TEXT,
            completed_on TEXT NOT NULL,
            definition TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS dq_results_table ON dq_results (database_name, table_name, completed_on);
        CREATE TABLE IF NOT EXISTS dq_metrics (
            result_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            database_name TEXT NOT NULL,
            table_name TEXT NOT NULL,
            metric TEXT NOT NULL,
            filter TEXT NOT NULL,
            value REAL NOT NULL,
            completed_on TEXT NOT NULL,
            PRIMARY KEY (result_id, metric, filter));
        CREATE INDEX IF NOT EXISTS dq_metrics_history ON dq_metrics (database_name, table_name, metric, filter, completed_on);
        """;
}
