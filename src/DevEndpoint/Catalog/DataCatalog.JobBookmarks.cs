using System.Data.Common;
using System.Globalization;

namespace DevEndpoint.Catalog;

/// <summary>
/// What a load with a job bookmark asks of the catalog that keeps the bookmark's state: which files to read, and then that
/// they join the job's pending run. The job-level API (list, commit, reset) is <c>Jobs.JobBookmarks</c>.
/// </summary>
public sealed partial class DataCatalog
{
    /// <summary>
    /// The files of <paramref name="paths"/> that the job's committed runs did not process as they are now (path, size and
    /// last-modified time), in the order given. Each file's size and time are taken before it is read, so a file rewritten
    /// while it is read counts as changed on the next run.
    /// </summary>
    internal BookmarkSelection SelectUnprocessedFiles(string job, TableName table, IReadOnlyList<string> paths)
    {
        CheckJobName(job);
        var processed = InTransaction(write: false, (connection, transaction) =>
        {
            using var command = Command(
                connection,
                transaction,
                "SELECT path, size, last_modified FROM job_bookmark_files WHERE job_name = $job AND database_name = $db AND table_name = $table AND pending = 0",
                [("$job", job), ("$db", table.Database), ("$table", table.Table)]);
            using var reader = command.ExecuteReader();
            var files = new HashSet<BookmarkedFile>();
            while (reader.Read())
            {
                files.Add(new BookmarkedFile(reader.GetString(0), reader.GetInt64(1), new DateTime(reader.GetInt64(2), DateTimeKind.Utc)));
            }

            return files;
        });
        var all = paths.Select(BookmarkedFile.Of).ToList();
        var unread = all.Where(f => !processed.Contains(f)).ToList();
        return new BookmarkSelection(job, table, unread, all.Count - unread.Count);
    }

    /// <summary>
    /// Adds what a load read to the job's pending run, in one transaction, starting the run (and the job) when there is none.
    /// A file the run read before is recorded as it was read last.
    /// </summary>
    internal void RecordPendingFiles(BookmarkSelection selection) =>
        InTransaction(write: true, (connection, transaction) => RecordPendingFiles(connection, transaction, selection));

    /// <summary>Adds what a load read to the job's pending run, inside the caller's write transaction; returns how many files.</summary>
    internal static int RecordPendingFiles(DbConnection connection, DbTransaction transaction, BookmarkSelection selection)
    {
        var now = DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture);
        (string, object?) job = ("$job", selection.Job);
        (string, object?) db = ("$db", selection.Table.Database);
        (string, object?) table = ("$table", selection.Table.Table);
        Execute(
            connection,
            transaction,
            "INSERT INTO job_bookmarks (job_name, create_time, committed_runs) VALUES ($job, $now, 0) ON CONFLICT (job_name) DO NOTHING",
            job,
            ("$now", now));
        Execute(connection, transaction, "UPDATE job_bookmarks SET pending_since = COALESCE(pending_since, $now) WHERE job_name = $job", job, ("$now", now));
        Execute(
            connection,
            transaction,
            """
                INSERT INTO job_bookmark_tables (job_name, database_name, table_name, pending_since) VALUES ($job, $db, $table, $now)
                ON CONFLICT (job_name, database_name, table_name) DO UPDATE SET pending_since = $now
                """,
            job,
            db,
            table,
            ("$now", now));
        using var insert = Command(
            connection,
            transaction,
            "INSERT INTO job_bookmark_files (job_name, database_name, table_name, pending, path, size, last_modified) VALUES ($job, $db, $table, 1, $path, $size, $modified) ON CONFLICT (job_name, database_name, table_name, pending, path) DO UPDATE SET size = excluded.size, last_modified = excluded.last_modified",
            [job, db, table, ("$path", string.Empty), ("$size", 0L), ("$modified", 0L)]);
        foreach (var file in selection.Files)
        {
            insert.Parameters[3].Value = file.Path;
            insert.Parameters[4].Value = file.Size;
            insert.Parameters[5].Value = file.LastModified.Ticks;
            insert.ExecuteNonQuery();
        }

        return selection.Files.Count;
    }

    /// <summary>Checks the name of a job bookmark: a <see cref="DevEndpointException"/> saying what a name may hold.</summary>
    internal static void CheckJobName(string job)
    {
        if (job.Length is 0 or > 255 || !job.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
        {
            throw new DevEndpointException(
                $"'{job}' is not a valid job name. Use 1 to 255 letters, digits, underscores, hyphens or dots, for example nightly_orders.");
        }
    }
}
