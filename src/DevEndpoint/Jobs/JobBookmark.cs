using DevEndpoint.Catalog;

namespace DevEndpoint.Jobs;

/// <summary>
/// A job's bookmark, as Glue keeps one per job: what its committed runs processed, table by table, and its pending run
/// (what loads with the bookmark have read since the last commit).
/// </summary>
/// <param name="Job">The job's name, as first given.</param>
/// <param name="LastCommitTime">When the last run was committed; <c>null</c> before the first commit.</param>
/// <param name="CommittedRuns">How many runs were committed.</param>
/// <param name="PendingSince">When the first load of the pending run recorded what it read; <c>null</c> when no run is pending.</param>
/// <param name="Tables">The tables its loads read, by name.</param>
public sealed record JobBookmark(
    string Job,
    DateTimeOffset CreateTime,
    DateTimeOffset? LastCommitTime,
    int CommittedRuns,
    DateTimeOffset? PendingSince,
    IReadOnlyList<JobBookmarkTable> Tables)
{
    public bool HasPendingRun => PendingSince is not null;

    /// <summary>The files the committed runs processed, in every table.</summary>
    public int FilesProcessed => Tables.Sum(t => t.FilesProcessed);

    /// <summary>The files the pending run read, in every table.</summary>
    public int PendingFiles => Tables.Sum(t => t.PendingFiles.Count);
}

/// <summary>A job bookmark's state for one table.</summary>
/// <param name="FilesProcessed">The files the job's committed runs read (each as it was then: a file changed since is read again).</param>
/// <param name="LastCommitTime">When a run that read the table was last committed; <c>null</c> before.</param>
/// <param name="PendingSince">When the pending run last read the table; <c>null</c> when it has not.</param>
/// <param name="PendingFiles">The files the pending run read, by path.</param>
public sealed record JobBookmarkTable(
    TableName Table,
    int FilesProcessed,
    DateTimeOffset? LastCommitTime,
    DateTimeOffset? PendingSince,
    IReadOnlyList<BookmarkedFile> PendingFiles);
