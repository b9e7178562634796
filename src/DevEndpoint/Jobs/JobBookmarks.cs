using System.Data.Common;
using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.Jobs.Internals;

namespace DevEndpoint.Jobs;

/// <summary>
/// Job bookmarks, as Glue's: a load with a bookmark (<see cref="Loading.LoadOptions.Bookmark"/>) reads only the files of a
/// table that the job's committed runs did not process (a file is processed as it was: one rewritten since, with another
/// size or last-modified time, is read again), and what it read joins the job's pending run. <see cref="Commit"/> makes the
/// pending run's files processed, in one transaction; a run that fails before its commit leaves the bookmark where it was,
/// so the next run reads those files again. State is kept per job and per table in the catalog, so the pending run is the
/// job's, not a process's: a load in one process (<c>devendpoint load --bookmark</c>, a notebook) and a commit in another
/// act on the same run. One run of a job at a time, as in Glue.
/// </summary>
public sealed partial class JobBookmarks
{
    private readonly DataCatalog catalog;

    public JobBookmarks(DataCatalog catalog)
    {
        this.catalog = catalog;
    }

    /// <summary>The catalog file that keeps the bookmarks.</summary>
    public string CatalogPath => catalog.Path;

    /// <summary>Every job bookmark in the catalog, by name.</summary>
    public IReadOnlyList<JobBookmark> List() =>
        catalog.InTransaction(write: false, (connection, transaction) =>
            ReadJobNames(connection, transaction).Select(job => Read(connection, transaction, job)!).ToList());

    /// <summary>The job's bookmark; a <see cref="DevEndpointException"/> naming the closest jobs when there is none.</summary>
    public JobBookmark Get(string job)
    {
        DataCatalog.CheckJobName(job);
        return catalog.InTransaction(write: false, (connection, transaction) =>
            Read(connection, transaction, job) ?? throw BookmarkErrors.Unknown(catalog.Path, job, ReadJobNames(connection, transaction)));
    }

    /// <summary>
    /// Commits the job's pending run in one transaction: the files it read become processed (replacing what was recorded
    /// for the same paths) and the next load with the bookmark skips them.
    /// </summary>
    public JobBookmarkCommit Commit(string job)
    {
        DataCatalog.CheckJobName(job);
        return catalog.InTransaction(write: true, (connection, transaction) => Commit(connection, transaction, catalog.Path, job));
    }

    /// <summary>
    /// Commits the job's pending run as <see cref="Commit(string)"/> does, in the change set <paramref name="update"/>: with
    /// the output of the run that read the files, so that both are stored or neither.
    /// </summary>
    internal static JobBookmarkCommit Commit(CatalogUpdate update, string job)
    {
        DataCatalog.CheckJobName(job);
        return update.Run((connection, transaction) => Commit(connection, transaction, update.CatalogPath, job));
    }

    private static JobBookmarkCommit Commit(DbConnection connection, DbTransaction transaction, string catalogPath, string job)
    {
        var bookmark = Read(connection, transaction, job) ?? throw BookmarkErrors.Unknown(catalogPath, job, ReadJobNames(connection, transaction));
        if (!bookmark.HasPendingRun)
        {
            throw BookmarkErrors.NothingPending(bookmark.Job);
        }

        var now = DateTimeOffset.UtcNow;
        var key = ("$job", (object?)bookmark.Job);
        Execute(connection, transaction, """
                DELETE FROM job_bookmark_files AS done
                WHERE done.job_name = $job AND done.pending = 0 AND EXISTS (
                    SELECT 1 FROM job_bookmark_files AS run
                    WHERE run.job_name = $job AND run.pending = 1 AND run.database_name = done.database_name
                        AND run.table_name = done.table_name AND run.path = done.path)
                """, key);
        Execute(connection, transaction, "UPDATE job_bookmark_files SET pending = 0 WHERE job_name = $job AND pending = 1", key);
        Execute(
            connection,
            transaction,
            "UPDATE job_bookmark_tables SET last_commit_time = $now, pending_since = NULL WHERE job_name = $job AND pending_since IS NOT NULL",
            key,
            ("$now", Text(now)));
        Execute(
            connection,
            transaction,
            "UPDATE job_bookmarks SET last_commit_time = $now, committed_runs = committed_runs + 1, pending_since = NULL WHERE job_name = $job",
            key,
            ("$now", Text(now)));
        var tables = bookmark.Tables.Where(t => t.PendingSince is not null).ToList();
        return new JobBookmarkCommit(bookmark.Job, bookmark.CommittedRuns + 1, now, tables.Sum(t => t.PendingFiles.Count), tables.Select(t => t.Table).ToList());
    }

    /// <summary>
    /// Forgets the job's bookmark, committed and pending, in one transaction: the next load with it reads every file.
    /// Returns the bookmark as it was.
    /// </summary>
    public JobBookmark Reset(string job)
    {
        DataCatalog.CheckJobName(job);
        return catalog.InTransaction(write: true, (connection, transaction) =>
        {
            var bookmark = Read(connection, transaction, job) ?? throw BookmarkErrors.Unknown(catalog.Path, job, ReadJobNames(connection, transaction));
            foreach (var table in new[] { "job_bookmark_files", "job_bookmark_tables", "job_bookmarks" })
            {
                Execute(connection, transaction, $"DELETE FROM {table} WHERE job_name = $job", ("$job", bookmark.Job));
            }

            return bookmark;
        });
    }

    private static JobBookmark? Read(DbConnection connection, DbTransaction transaction, string job)
    {
        string name;
        DateTimeOffset created;
        DateTimeOffset? lastCommit, pendingSince;
        int runs;
        using (var command = DataCatalog.Command(
            connection, transaction, "SELECT job_name, create_time, last_commit_time, committed_runs, pending_since FROM job_bookmarks WHERE job_name = $job", [("$job", job)]))
        using (var reader = command.ExecuteReader())
        {
            if (!reader.Read())
            {
                return null;
            }

            (name, created, lastCommit, runs, pendingSince) = (reader.GetString(0), Time(reader.GetString(1)), OptionalTime(reader, 2), reader.GetInt32(3), OptionalTime(reader, 4));
        }

        var pendingFiles = new List<(TableName Table, BookmarkedFile File)>();
        using (var command = DataCatalog.Command(
            connection, transaction, "SELECT database_name, table_name, path, size, last_modified FROM job_bookmark_files WHERE job_name = $job AND pending = 1 ORDER BY path", [("$job", name)]))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                pendingFiles.Add((new TableName(reader.GetString(0), reader.GetString(1)), new BookmarkedFile(reader.GetString(2), reader.GetInt64(3), new DateTime(reader.GetInt64(4), DateTimeKind.Utc))));
            }
        }

        var tables = new List<JobBookmarkTable>();
        using (var command = DataCatalog.Command(
            connection,
            transaction,
            """
            SELECT t.database_name, t.table_name, t.last_commit_time, t.pending_since,
                (SELECT COUNT(*) FROM job_bookmark_files AS f
                 WHERE f.job_name = t.job_name AND f.database_name = t.database_name AND f.table_name = t.table_name AND f.pending = 0)
            FROM job_bookmark_tables AS t WHERE t.job_name = $job ORDER BY t.database_name, t.table_name
            """,
            [("$job", name)]))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var table = new TableName(reader.GetString(0), reader.GetString(1));
                tables.Add(new JobBookmarkTable(
                    table, reader.GetInt32(4), OptionalTime(reader, 2), OptionalTime(reader, 3), pendingFiles.Where(p => p.Table == table).Select(p => p.File).ToList()));
            }
        }

        return new JobBookmark(name, created, lastCommit, runs, pendingSince, tables);
    }

    private static List<string> ReadJobNames(DbConnection connection, DbTransaction transaction)
    {
        using var command = DataCatalog.Command(connection, transaction, "SELECT job_name FROM job_bookmarks ORDER BY job_name COLLATE NOCASE", []);
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static void Execute(DbConnection connection, DbTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = DataCatalog.Command(connection, transaction, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static string Text(DateTimeOffset time) => time.ToString("o", CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static DateTimeOffset? OptionalTime(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Time(reader.GetString(ordinal));
}
