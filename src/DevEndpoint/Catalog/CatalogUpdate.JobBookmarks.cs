using System.Data.Common;

namespace DevEndpoint.Catalog;

public sealed partial class CatalogUpdate
{
    /// <summary>The catalog the change set goes to, as messages name it.</summary>
    internal string CatalogPath => catalogPath;

    /// <summary>Adds what a load read to the job's pending run, with the rest of the change set.</summary>
    internal void RecordPendingFiles(BookmarkSelection selection) => DataCatalog.RecordPendingFiles(connection, transaction, selection);

    /// <summary>Runs statements of a higher layer (a job bookmark's commit) in the change set's transaction.</summary>
    internal T Run<T>(Func<DbConnection, DbTransaction, T> work) => work(connection, transaction);
}
