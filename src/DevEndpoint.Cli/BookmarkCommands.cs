using System.CommandLine;
using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.Commands;
using DevEndpoint.Jobs;

namespace DevEndpoint.Cli;

/// <summary>
/// <c>devendpoint bookmark status [&lt;job&gt;]|commit &lt;job&gt;|reset &lt;job&gt;</c>: the job bookmarks that
/// <c>devendpoint load --bookmark &lt;job&gt;</c> follows. A load and the commit that ends its run can be separate processes.
/// </summary>
internal static class BookmarkCommands
{
    public static Command Create(TextWriter output)
    {
        var command = CliDescriptions.Command(BookmarkDescriptions.Group);
        command.Subcommands.Add(Status(output));
        command.Subcommands.Add(Commit(output));
        command.Subcommands.Add(Reset(output));
        return command;
    }

    /// <summary>What a bookmarked load read, as <c>devendpoint load</c> prints it under its first line.</summary>
    public static string Loaded(BookmarkSelection selection) =>
        $"Bookmark {selection.Job}: read {selection.Files.Count} new or changed files of {selection.Table}, skipped {selection.FilesSkipped} "
        + $"that its committed runs processed. When the run succeeds: devendpoint bookmark commit {selection.Job}";

    private static Command Status(TextWriter output)
    {
        var job = CliDescriptions.Argument<string?>(BookmarkDescriptions.Status.Options[0]);
        var catalog = CliApp.CatalogOption();
        var json = CliApp.JsonOption(glueShapes: false);
        var command = CliDescriptions.Command(BookmarkDescriptions.Status, job, catalog, json);
        command.SetAction(parse =>
        {
            var bookmarks = new JobBookmarks(DataCatalog.Open(parse.GetValue(catalog)));
            if (parse.GetValue(job) is not { } name)
            {
                var all = bookmarks.List();
                if (parse.GetValue(json))
                {
                    output.WriteLine(CliJson.Serialize(new JobBookmarksResponse(all)));
                    return;
                }

                TextTable.Write(
                    output,
                    ["job", "committed runs", "last commit", "files processed", "pending since", "pending files"],
                    all.Select(b => new[] { b.Job, Number(b.CommittedRuns), Time(b.LastCommitTime), Number(b.FilesProcessed), Time(b.PendingSince), Number(b.PendingFiles) }));
                return;
            }

            var bookmark = bookmarks.Get(name);
            if (parse.GetValue(json))
            {
                output.WriteLine(CliJson.Serialize(new JobBookmarkResponse(bookmark)));
                return;
            }

            WriteStatus(output, bookmark);
        });
        return command;
    }

    private static Command Commit(TextWriter output)
    {
        var job = CliDescriptions.Argument<string>(BookmarkDescriptions.Commit.Options[0]);
        var catalog = CliApp.CatalogOption();
        var command = CliDescriptions.Command(BookmarkDescriptions.Commit, job, catalog);
        command.SetAction(parse =>
        {
            var commit = new JobBookmarks(DataCatalog.Open(parse.GetValue(catalog))).Commit(parse.GetValue(job)!);
            var tables = commit.Tables.Count == 0 ? "no table" : string.Join(", ", commit.Tables);
            output.WriteLine(
                $"Committed run {commit.Run} of job bookmark {commit.Job} at {Time(commit.CommitTime)}: {commit.Files} files of {tables} are processed; "
                + $"the next load with --bookmark {commit.Job} reads only files added or changed since.");
        });
        return command;
    }

    private static Command Reset(TextWriter output)
    {
        var job = CliDescriptions.Argument<string>(BookmarkDescriptions.Reset.Options[0]);
        var catalog = CliApp.CatalogOption();
        var command = CliDescriptions.Command(BookmarkDescriptions.Reset, job, catalog);
        command.SetAction(parse =>
        {
            var before = new JobBookmarks(DataCatalog.Open(parse.GetValue(catalog))).Reset(parse.GetValue(job)!);
            output.WriteLine(
                $"Reset job bookmark {before.Job}: forgot {before.FilesProcessed} processed and {before.PendingFiles} pending files of {before.Tables.Count} tables; "
                + $"the next load with --bookmark {before.Job} reads every file.");
        });
        return command;
    }

    private static void WriteStatus(TextWriter output, JobBookmark bookmark)
    {
        var committed = bookmark.LastCommitTime is { } last ? $"{bookmark.CommittedRuns} committed runs, the last at {Time(last)}" : "no committed run yet";
        var pending = bookmark.PendingSince is { } since ? $"a pending run since {Time(since)} that read {bookmark.PendingFiles} files" : "no pending run";
        output.WriteLine($"Job bookmark {bookmark.Job}: {committed}; {bookmark.FilesProcessed} files processed; {pending}.");
        TextTable.Write(
            output,
            ["table", "files processed", "last commit", "pending files", "pending since"],
            bookmark.Tables.Select(t => new[] { t.Table.ToString(), Number(t.FilesProcessed), Time(t.LastCommitTime), Number(t.PendingFiles.Count), Time(t.PendingSince) }));
        foreach (var table in bookmark.Tables.Where(t => t.PendingFiles.Count > 0))
        {
            output.WriteLine($"Pending files of {table.Table}:");
            foreach (var file in table.PendingFiles)
            {
                output.WriteLine($"  {file.Path} ({Number(file.Size)} bytes, modified {Time(file.LastModified)})");
            }
        }
    }

    private static string Time(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "-";

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
