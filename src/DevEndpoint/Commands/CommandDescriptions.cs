namespace DevEndpoint.Commands;

/// <summary>Every command described once for both fronts; the fronts' tests check their magics and commands against it.</summary>
internal static class CommandDescriptions
{
    public static IReadOnlyList<CommandDescription> All { get; } =
    [
        CrawlDescription.Command,
        CatalogStoreDescriptions.Copy, CatalogStoreDescriptions.Grant, CatalogStoreDescriptions.Revoke, CatalogStoreDescriptions.Grants,
        LoadDescription.Command,
        WriteDescription.Command,
        PiiDescription.Command,
        ProfileDescription.Command,
        ClassifierDescriptions.Group, ClassifierDescriptions.Add, ClassifierDescriptions.List, ClassifierDescriptions.Remove,
        ConnectionDescriptions.Group, ConnectionDescriptions.Add, ConnectionDescriptions.List, ConnectionDescriptions.Test, ConnectionDescriptions.Remove,
        BookmarkDescriptions.Group, BookmarkDescriptions.Status, BookmarkDescriptions.Commit, BookmarkDescriptions.Reset,
        RunDescription.Command,
        ClusterDescriptions.Worker, ClusterDescriptions.JobGroup, ClusterDescriptions.JobRun, ClusterDescriptions.JobStatus, ClusterDescriptions.JobList,
        DataQualityDescriptions.Group, DataQualityDescriptions.Run, DataQualityDescriptions.Ruleset, DataQualityDescriptions.Create, DataQualityDescriptions.List,
        DataQualityDescriptions.Show, DataQualityDescriptions.Delete, DataQualityDescriptions.History, DataQualityDescriptions.SuggestCommand,
        SqlDescription.Command,
        MLDescriptions.Group, MLDescriptions.Create, MLDescriptions.LabelingSet, MLDescriptions.ImportLabels, MLDescriptions.Evaluate,
        MLDescriptions.FindMatches, MLDescriptions.List, MLDescriptions.Show, MLDescriptions.Delete,
    ];
}
