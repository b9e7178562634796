using DevEndpoint.Catalog;

namespace DevEndpoint.Formats.Delta;

/// <summary>
/// Reads the Parquet data files of a Delta snapshot: by their physical column names, with the rows their deletion
/// vectors delete left out (such a file is read whole, in order, so that row positions hold).
/// </summary>
internal sealed class DeltaRowReader(TableSnapshot snapshot, FormatReader parquet) : FormatReader
{
    private readonly Dictionary<string, RowDeletes> deletes = snapshot.Files
        .Where(f => f.Deletes is not null)
        .ToDictionary(f => f.Path, f => f.Deletes!, StringComparer.Ordinal);

    protected override async Task<IReadOnlyList<ReadPart>> ReadPartsAsync(
        string path, CatalogTable table, Func<List<ColumnSink>> newColumns, ReadContext context, CancellationToken cancellationToken)
    {
        if (!deletes.TryGetValue(path, out var deleted))
        {
            return await parquet.ReadAsync(path, table, newColumns, context, cancellationToken);
        }

        var parts = await parquet.ReadAsync(path, table, newColumns, context with { Filter = null, Limit = long.MaxValue }, cancellationToken);
        var rows = deleted.Read();
        var position = 0L;
        foreach (var part in parts)
        {
            var kept = new List<int>();
            for (var i = 0; i < part.Rows; i++)
            {
                if (!rows.Contains(position + i))
                {
                    kept.Add(i);
                }
            }

            position += part.Rows;
            if (kept.Count < part.Rows)
            {
                // Only the columns read from the file: partition values are added by the loader afterwards.
                foreach (var column in part.Columns.Where(c => c.Count == part.Rows))
                {
                    column.Keep(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(kept));
                }

                part.Rows = kept.Count;
            }
        }

        return parts;
    }
}
