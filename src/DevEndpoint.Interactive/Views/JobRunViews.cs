using System.Globalization;
using DevEndpoint.Catalog;

namespace DevEndpoint.Interactive.Views;

/// <summary>HTML views of the job runs a catalog keeps: one run with its tasks per worker, and a list of runs.</summary>
internal static class JobRunViews
{
    public static string Status(JobRun run)
    {
        var completed = run.CompletedOn is { } end ? $", completed {Time(end)}" : string.Empty;
        var html = new HtmlTable()
            .Heading($"Job run {run.Id} of {run.JobName}: {run.JobRunState}")
            .Paragraph($"Started {Time(run.StartedOn)}{completed} ({Number(run.ExecutionTime)} s); last heartbeat {Time(run.LastModifiedOn)} from {run.Coordinator}.")
            .Paragraph($"Tasks: {Number(run.TasksSucceeded)} of {Number(run.Tasks)} done, {Number(run.TasksRetried)} sent again after their worker left, on {Number(run.NumberOfWorkers ?? 0)} workers.");
        if (run.ErrorMessage is { } error)
        {
            html.Paragraph($"Error: {error}");
        }

        return html.Table(["worker", "tasks done"], run.TasksByWorker.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => (IReadOnlyList<string>)[w.Key, Number(w.Value)])).ToString();
    }

    public static string List(string catalogPath, string? job, IReadOnlyList<JobRun> runs)
    {
        var html = new HtmlTable();
        if (runs.Count == 0)
        {
            return html.Paragraph($"No runs{(job is null ? string.Empty : $" of job {job}")} in {catalogPath} yet: devendpoint job run records each run in the catalog it writes to.").ToString();
        }

        return html.Table(
            ["run", "job", "state", "started", "seconds", "tasks done", "workers", "error"],
            runs.Select(r => (IReadOnlyList<string>)
            [
                r.Id, r.JobName, r.JobRunState, Time(r.StartedOn), Number(r.ExecutionTime), $"{Number(r.TasksSucceeded)}/{Number(r.Tasks)}", Number(r.NumberOfWorkers ?? 0),
                r.ErrorMessage ?? string.Empty,
            ])).ToString();
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
