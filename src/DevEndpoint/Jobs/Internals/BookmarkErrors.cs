namespace DevEndpoint.Jobs.Internals;

/// <summary>The errors of job bookmarks, each saying what to do next.</summary>
internal static class BookmarkErrors
{
    public static DevEndpointException Unknown(string catalogPath, string job, IReadOnlyList<string> jobs)
    {
        var closest = ClosestNames.Find(job, jobs);
        var hint = closest.Count > 0
            ? $" Did you mean {Quote(closest)}?"
            : jobs.Count > 0 ? $" Job bookmarks: {Quote(jobs.Take(10))}."
            : $" The catalog has no job bookmarks yet: a load with bookmark {job} starts one.";
        return new DevEndpointException($"Job bookmark '{job}' does not exist in the catalog {catalogPath}.{hint}");
    }

    public static DevEndpointException NothingPending(string job) =>
        new($"Job bookmark '{job}' has no pending run to commit: nothing was loaded with it since its last commit. Load its tables with bookmark {job}, then commit.");

    private static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));
}
