using System.CommandLine;
using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.Commands;

namespace DevEndpoint.Cli;

/// <summary>
/// <c>devendpoint job status &lt;run-id&gt;</c> and <c>devendpoint job list [--job &lt;name&gt;]</c>: the job runs the catalog
/// keeps, read here (no cluster needed); <c>--json</c> prints Glue's <c>GetJobRun</c> and <c>GetJobRuns</c> responses.
/// </summary>
internal static class JobRunsCommands
{
    public static Command Status(TextWriter output)
    {
        var id = CliDescriptions.Argument<string>(ClusterDescriptions.JobStatus.Options[0]);
        var catalog = CliApp.CatalogOption();
        var json = CliApp.JsonOption();
        var command = CliDescriptions.Command(ClusterDescriptions.JobStatus, id, catalog, json);
        command.SetAction(parse =>
        {
            var run = DataCatalog.Open(parse.GetValue(catalog)).GetJobRun(parse.GetValue(id)!);
            if (parse.GetValue(json))
            {
                output.WriteLine(CliJson.Serialize(new GetJobRunResponse(run)));
                return;
            }

            WriteStatus(output, run);
        });
        return command;
    }

    public static Command List(TextWriter output)
    {
        var job = CliDescriptions.Option<string?>(ClusterDescriptions.JobName);
        var catalog = CliApp.CatalogOption();
        var json = CliApp.JsonOption();
        var command = CliDescriptions.Command(ClusterDescriptions.JobList, job, catalog, json);
        command.SetAction(parse =>
        {
            var runs = DataCatalog.Open(parse.GetValue(catalog)).GetJobRuns(parse.GetValue(job));
            if (parse.GetValue(json))
            {
                output.WriteLine(CliJson.Serialize(new GetJobRunsResponse(runs)));
                return;
            }

            TextTable.Write(
                output,
                ["run", "job", "state", "started", "seconds", "tasks done", "workers", "error"],
                runs.Select(r => new[]
                {
                    r.Id, r.JobName, r.JobRunState, Time(r.StartedOn), Number(r.ExecutionTime), $"{Number(r.TasksSucceeded)}/{Number(r.Tasks)}",
                    Number(r.NumberOfWorkers ?? 0), r.ErrorMessage ?? string.Empty,
                }));
        });
        return command;
    }

    private static void WriteStatus(TextWriter output, JobRun run)
    {
        var completed = run.CompletedOn is { } end ? $", completed {Time(end)}" : string.Empty;
        output.WriteLine($"Job run {run.Id} of {run.JobName}: {run.JobRunState}");
        output.WriteLine($"Started {Time(run.StartedOn)}{completed} ({Number(run.ExecutionTime)} s); last heartbeat {Time(run.LastModifiedOn)} from {run.Coordinator}.");
        output.WriteLine(
            $"Tasks: {Number(run.TasksSucceeded)} of {Number(run.Tasks)} done, {Number(run.TasksRetried)} sent again after their worker left, on {Number(run.NumberOfWorkers ?? 0)} workers.");
        if (run.ErrorMessage is { } error)
        {
            output.WriteLine($"Error: {error}");
        }

        TextTable.Write(output, ["worker", "tasks done"], run.TasksByWorker.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => new[] { w.Key, Number(w.Value) }));
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
