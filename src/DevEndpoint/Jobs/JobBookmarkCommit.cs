using DevEndpoint.Catalog;

namespace DevEndpoint.Jobs;

/// <summary>What a commit stored: the run's number, when, and how many files of which tables became processed.</summary>
public sealed record JobBookmarkCommit(string Job, int Run, DateTimeOffset CommitTime, int Files, IReadOnlyList<TableName> Tables);
