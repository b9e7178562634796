using DevEndpoint.Catalog;
using DevEndpoint.Formats;
using DevEndpoint.Frames;
using DevEndpoint.ObjectStores;

namespace DevEndpoint.Loading;

/// <summary>
/// Reads the objects of an <c>s3://</c> table with the local format readers: each object is downloaded (one streaming
/// GET, written to a temporary file) just before it is read and deleted right after, so at most one file per reader
/// running at once is on disk, and every reader keeps its fast paths (ranges read at once, Parquet columns in parallel).
/// Messages and bad rows name the object, not the temporary file.
/// </summary>
internal sealed class ObjectDownloads(ObjectStore store) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("devendpoint-load-").FullName;

    public async Task<IReadOnlyList<ReadPart>> ReadAsync(
        FormatReader reader, string path, CatalogTable table, Func<List<ColumnSink>> newColumns, ReadContext context, CancellationToken cancellationToken)
    {
        var local = Path.Combine(folder, $"{Guid.NewGuid():N}-{Path.GetFileName(path)}");
        try
        {
            await store.DownloadAsync(S3Path.Parse(path), local, cancellationToken);
            var parts = await reader.ReadAsync(local, table, newColumns, context, cancellationToken);
            foreach (var part in parts)
            {
                part.Bad.RenameFile(local, path);
            }

            return parts;
        }
        catch (DevEndpointException e) when (e.Message.Contains(local, StringComparison.Ordinal))
        {
            throw new DevEndpointException(e.Message.Replace(local, path, StringComparison.Ordinal), e);
        }
        finally
        {
            File.Delete(local);
        }
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
