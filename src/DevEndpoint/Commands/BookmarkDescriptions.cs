namespace DevEndpoint.Commands;

/// <summary><c>#!bookmark status|commit|reset</c> and <c>devendpoint bookmark status|commit|reset</c>.</summary>
internal static class BookmarkDescriptions
{
    public static CommandDescription Group { get; } = new(
        "bookmark",
        "Job bookmarks: what a job's loads with --bookmark <job> processed, so its next run reads only new or changed files.",
        []);

    public static CommandDescription Status { get; } = new(
        "bookmark status",
        "Show a job's bookmark: committed runs, last commit, files processed and the pending run's files, per table (every job when none is named).",
        [new("--job", "The job (default: every job).") { Positional = true }, CommonOptions.Catalog, CommonOptions.JsonOwnShape]);

    public static CommandDescription Commit { get; } = new(
        "bookmark commit",
        "Commit the job's pending run: the files its loads read are processed, and the next run skips them.",
        [new("--job", "The job whose pending run to commit.") { Positional = true, Required = true }, CommonOptions.Catalog]);

    public static CommandDescription Reset { get; } = new(
        "bookmark reset",
        "Forget what the job processed and its pending run: the next load with its bookmark reads every file.",
        [new("--job", "The job to reset.") { Positional = true, Required = true }, CommonOptions.Catalog]);
}
