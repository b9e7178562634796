using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.Jobs;

namespace DevEndpoint.Interactive.Views;

/// <summary>HTML views of job bookmarks: their state, a commit, a reset, and what a bookmarked load read.</summary>
internal static class BookmarkViews
{
    /// <summary>Pending files listed under a job's state; the rest are counted.</summary>
    public const int FilesShown = 20;

    public static string Status(string catalogPath, IReadOnlyList<JobBookmark> bookmarks)
    {
        var html = new HtmlTable();
        if (bookmarks.Count == 0)
        {
            return html.Paragraph($"No job bookmarks in {catalogPath} yet: #!load <db>.<table> --as <name> --bookmark <job> starts one.").ToString();
        }

        foreach (var bookmark in bookmarks)
        {
            var committed = bookmark.LastCommitTime is { } last
                ? $"{Invariant(bookmark.CommittedRuns)} committed runs, the last at {Time(last)}"
                : "no committed run yet";
            var pending = bookmark.PendingSince is { } since
                ? $"a pending run since {Time(since)} that read {Invariant(bookmark.PendingFiles)} files (#!bookmark commit {bookmark.Job} makes them processed)"
                : "no pending run";
            html.Heading($"Job bookmark {bookmark.Job}")
                .Paragraph($"{committed}; {Invariant(bookmark.FilesProcessed)} files processed; {pending}.")
                .Table(
                    ["table", "files processed", "last commit", "pending files", "pending since"],
                    bookmark.Tables.Select(t => (IReadOnlyList<string>)
                    [
                        t.Table.ToString(), Invariant(t.FilesProcessed), Time(t.LastCommitTime), Invariant(t.PendingFiles.Count), Time(t.PendingSince),
                    ]));
            var files = bookmark.Tables.SelectMany(t => t.PendingFiles.Select(f => (t.Table, File: f))).ToList();
            if (files.Count > 0)
            {
                html.Table(
                    ["pending file", "table", "bytes", "last modified"],
                    files.Take(FilesShown).Select(f => (IReadOnlyList<string>)[f.File.Path, f.Table.ToString(), Invariant(f.File.Size), Time(f.File.LastModified)]));
                if (files.Count > FilesShown)
                {
                    html.Paragraph($"and {Invariant(files.Count - FilesShown)} more pending files.");
                }
            }
        }

        return html.ToString();
    }

    public static string Committed(JobBookmarkCommit commit) =>
        new HtmlTable().Paragraph(
            $"Committed run {Invariant(commit.Run)} of job bookmark {commit.Job} at {Time(commit.CommitTime)}: {Invariant(commit.Files)} files of "
            + $"{(commit.Tables.Count == 0 ? "no table" : string.Join(", ", commit.Tables))} are processed; the next load with --bookmark {commit.Job} reads only files added or changed since.")
            .ToString();

    public static string Reset(JobBookmark before) =>
        new HtmlTable().Paragraph(
            $"Reset job bookmark {before.Job}: forgot {Invariant(before.FilesProcessed)} processed and {Invariant(before.PendingFiles)} pending files of "
            + $"{Invariant(before.Tables.Count)} tables; the next load with --bookmark {before.Job} reads every file.")
            .ToString();

    public static string Loaded(BookmarkSelection selection) =>
        new HtmlTable().Paragraph(
            $"Bookmark {selection.Job}: read {Invariant(selection.Files.Count)} new or changed files of {selection.Table}, skipped {Invariant(selection.FilesSkipped)} "
            + $"that its committed runs processed. When the run succeeds, #!bookmark commit {selection.Job}.")
            .ToString();

    private static string Time(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
