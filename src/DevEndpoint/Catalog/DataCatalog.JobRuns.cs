using System.Data.Common;
using DevEndpoint.Catalog.Internals;

namespace DevEndpoint.Catalog;

/// <summary>The job runs the catalog keeps (<see cref="JobRun"/>): written by the process that runs a job, read by anyone.</summary>
public sealed partial class DataCatalog
{
    /// <summary>
    /// The run with the id <paramref name="id"/>, as it reads now (a run whose process died reads as lost); a
    /// <see cref="DevEndpointException"/> naming the latest runs when there is none.
    /// </summary>
    public JobRun GetJobRun(string id) => Read(connection =>
        ReadStrings(connection, null, "SELECT definition FROM job_runs WHERE run_id = $id", ("$id", id)).Select(ReadJobRun).FirstOrDefault()
            ?? throw CatalogErrors.UnknownJobRun(Path, id, ReadStrings(connection, null, "SELECT run_id FROM job_runs ORDER BY seq DESC LIMIT 5")));

    /// <summary>The runs of every job, or of the job named <paramref name="job"/> (without case), newest first, as they read now.</summary>
    public IReadOnlyList<JobRun> GetJobRuns(string? job = null) => Read(connection => (job is null
            ? ReadStrings(connection, null, "SELECT definition FROM job_runs ORDER BY seq DESC")
            : ReadStrings(connection, null, "SELECT definition FROM job_runs WHERE job_name = $job ORDER BY seq DESC", ("$job", job)))
        .Select(ReadJobRun)
        .ToList());

    /// <summary>Records a run, new or changed, in its own transaction.</summary>
    internal void RecordJobRun(JobRun run) => InTransaction(write: true, (connection, transaction) =>
    {
        WriteJobRun(connection, transaction, run);
        return 0;
    });

    /// <summary>Inserts the run, or replaces what is recorded of it.</summary>
    internal static void WriteJobRun(DbConnection connection, DbTransaction transaction, JobRun run) =>
        Execute(
            connection,
            transaction,
            """
            INSERT INTO job_runs (run_id, job_name, seq, definition) VALUES ($id, $job, (SELECT COALESCE(MAX(seq), 0) + 1 FROM job_runs), $definition)
            ON CONFLICT (run_id) DO UPDATE SET definition = excluded.definition
            """,
            ("$id", run.Id),
            ("$job", run.JobName),
            ("$definition", CatalogJson.Serialize(run)));

    private static JobRun ReadJobRun(string json) => CatalogJson.Deserialize<JobRun>(json).AsOf(DateTimeOffset.UtcNow);
}
