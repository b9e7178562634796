namespace DevEndpoint.Catalog;

public sealed partial class CatalogUpdate
{
    /// <summary>Records a job run, new or changed, with the rest of the change set: a run marked succeeded with the output it committed.</summary>
    internal void PutJobRun(JobRun run) => DataCatalog.WriteJobRun(connection, transaction, run);
}
