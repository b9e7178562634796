using DevEndpoint.Catalog;
using DevEndpoint.Loading;
using DevEndpoint.Writing;

namespace DevEndpoint.Cluster;

/// <summary>
/// A job task: the files of the source table to read (full paths in a shared folder or <c>s3://</c> paths), the transform
/// to apply and where to stage the output; for a table in an object store, its connection (no secret: each worker finds
/// the keys itself, as for a crawl task).
/// </summary>
internal sealed record JobTaskRequest(
    string Catalog,
    string Source,
    IReadOnlyList<string> Files,
    string Transform,
    string StagingFolder,
    WriteFormat Format,
    IReadOnlyList<string> PartitionBy,
    Connection? Connection = null);

/// <summary>What a job task staged: the rows it read and its staged write.</summary>
internal sealed record JobTaskResult(long RowsRead, StagedWrite Staged);

/// <summary>The job's share of the work on a worker: read a file group, transform it, stage the output.</summary>
internal static class JobTasks
{
    public static async Task<string> RunAsync(string requestJson)
    {
        var request = ClusterJson.Read<JobTaskRequest>(requestJson);
        var transform = LibraryTransform.Resolve(request.Transform);
        var catalog = DataCatalog.OpenReadOnly(request.Catalog);
        var load = await new TableLoader(catalog).LoadAsync(request.Source, new LoadOptions { Files = request.Files.ToHashSet(StringComparer.Ordinal), Connection = request.Connection });
        var output = transform.Apply(load.Frame);
        var options = new WriteOptions { Path = request.StagingFolder, Format = request.Format, PartitionBy = request.PartitionBy };
        var staged = await FrameWriter.StageAsync(output, options, request.StagingFolder);
        return ClusterJson.Write(new JobTaskResult(load.Frame.Rows.Count, staged));
    }
}
