namespace DevEndpoint.Catalog;

/// <summary>What a load with a bookmark read: the files the job's committed runs had not processed, and how many it left out.</summary>
/// <param name="Files">The files read; they are the pending run's files of <paramref name="Table"/> once the load succeeds.</param>
/// <param name="FilesSkipped">The table's files (in the partitions loaded) that committed runs processed as they are now.</param>
public sealed record BookmarkSelection(string Job, TableName Table, IReadOnlyList<BookmarkedFile> Files, int FilesSkipped);
