namespace DevEndpoint.Commands;

/// <summary>
/// <c>devendpoint worker</c>, <c>devendpoint job run</c> and <c>crawl --cluster</c>: the command line only (the cluster
/// executable beside the command runs them, with these same options). <c>job status</c> and <c>job list</c>, which only read
/// the catalog, are magics too: <c>#!job status</c>, <c>#!job list</c>.
/// </summary>
internal static class ClusterDescriptions
{
    public static OptionDescription Cluster { get; } = new("--cluster", "The PostgreSQL database of the cluster's membership, postgresql://user@host:port/database (the password in PGPASSWORD, never in the URL); the workers that joined it do the work.")
    {
        Fronts = Fronts.Cli,
    };

    public static OptionDescription RequiredCluster { get; } = Cluster with { Required = true };

    public static OptionDescription WorkerName { get; } = new("--name", "The worker's name in progress lines and task placements (default: host:process id).") { Fronts = Fronts.Cli };

    public static OptionDescription WorkerAddress { get; } = new("--address", "The IP address the other processes of the cluster reach this worker at (default 127.0.0.1: one machine).") { Fronts = Fronts.Cli };

    public static CommandDescription Worker { get; } = new(
        "worker",
        "Start a worker: an Orleans silo that joins the cluster through its PostgreSQL membership and runs crawl and job tasks until stopped (Ctrl+C, SIGTERM). Data must be where every worker reaches it: a shared folder, or an s3:// prefix or table (each worker takes the keys from its own environment or credentials file).",
        [RequiredCluster, WorkerName, WorkerAddress])
    {
        Fronts = Fronts.Cli,
    };

    public static CommandDescription JobGroup { get; } = new("job", "Jobs in Glue's shape: read a catalog table, apply a library transform, write a table; and the runs the catalog keeps of them.", []);

    public static OptionDescription Source { get; } = new("--source", "The catalog table to read, <database>.<table>: a table of files in a folder every worker reaches, or in s3:// (crawled with --connection; each worker reads its objects with the keys from its own environment).") { Required = true, Fronts = Fronts.Cli };

    public static OptionDescription Transform { get; } = new("--transform", "<library>:<Type.Method>: a public static method taking and returning a DataFrame, in a script library (.cs, folder, .zip or .dll) every worker reaches.")
    {
        Required = true,
        Fronts = Fronts.Cli,
    };

    public static OptionDescription To { get; } = new("--to", "The folder the output goes to, not s3:// (every worker stages its part under <to>/_staging/<run>/).") { Required = true, Value = OptionValue.File, Fronts = Fronts.Cli };

    public static OptionDescription Format { get; } = new("--format", "The output format: parquet (default), csv or json.") { Allowed = ["parquet", "csv", "json"], Fronts = Fronts.Cli };

    public static OptionDescription PartitionBy { get; } = new("--partition-by", "Columns to partition the output by (key=value folders), comma-separated.") { Fronts = Fronts.Cli };

    public static OptionDescription Table { get; } = new("--table", "The catalog table the output is recorded as, <database>.<table> (created or updated once, when every task is done).") { Fronts = Fronts.Cli };

    public static OptionDescription Bookmark { get; } = new("--bookmark", "The job whose bookmark the run follows: only files its committed runs did not process are read; the bookmark commits with the output.")
    {
        Fronts = Fronts.Cli,
    };

    public static OptionDescription Mode { get; } = new("--mode", "append (default) adds to the output; overwrite replaces the partitions written.") { Allowed = ["append", "overwrite"], Fronts = Fronts.Cli };

    public static CommandDescription JobRun { get; } = new(
        "job run",
        "Run a job: read the source, apply the transform, write the output; with --cluster across the cluster's workers, each task reading a file group (a partition) and staging its output. The output, the catalog table, the bookmark and the run's record commit in one catalog transaction, when every task is done. A task whose worker died runs again elsewhere and counts once; a failed run commits nothing. job status and job list show the runs.",
        [Source, Transform, To, Format, PartitionBy, Table, Bookmark, Mode, CommonOptions.Catalog, Cluster])
    {
        Fronts = Fronts.Cli,
    };

    public static CommandDescription JobStatus { get; } = new(
        "job status",
        "Show a job run: its state (STARTING, RUNNING, SUCCEEDED, FAILED, STOPPED; a run whose process stopped its heartbeat for over 60 s reads FAILED, lost), times, error, and its tasks per worker.",
        [new("--run-id", "The run's id, as job run printed it.") { Positional = true, Required = true }, CommonOptions.Catalog, CommonOptions.Json]);

    public static OptionDescription JobName { get; } = new("--job", "Only the runs of this job (its --bookmark job, else the transform's Type.Method).");

    public static CommandDescription JobList { get; } = new(
        "job list",
        "List job runs, newest first: state, start, execution time, tasks done and workers (a run whose process stopped its heartbeat for over 60 s reads FAILED, lost).",
        [JobName, CommonOptions.Catalog, CommonOptions.Json]);
}
