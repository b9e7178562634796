using DevEndpoint.Catalog;

namespace DevEndpoint.Formats;

/// <summary>
/// Reads a table's data files with a reader that needs local files (Parquet's column reader): each file through
/// <see cref="TableStorage.CopyAsync"/>, which is the file itself on a local disk and a copy downloaded just for the
/// read from an object store. Messages and bad rows name the table's file, never a downloaded copy.
/// </summary>
internal sealed class LocalCopyReader(TableStorage storage, FormatReader inner) : FormatReader
{
    public override bool SamplesRows => inner.SamplesRows;

    protected override async Task<IReadOnlyList<ReadPart>> ReadPartsAsync(
        string path, CatalogTable table, Func<List<ColumnSink>> newColumns, ReadContext context, CancellationToken cancellationToken)
    {
        using var copy = await storage.CopyAsync(path, cancellationToken);
        try
        {
            var parts = await inner.ReadAsync(copy.Path, table, newColumns, context, cancellationToken);
            foreach (var part in parts)
            {
                part.Bad.RenameFile(copy.Path, path);
            }

            return parts;
        }
        catch (DevEndpointException e) when (copy.Path != path && e.Message.Contains(copy.Path, StringComparison.Ordinal))
        {
            throw new DevEndpointException(copy.Rename(e.Message), e);
        }
    }
}
