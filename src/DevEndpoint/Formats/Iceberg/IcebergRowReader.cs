using DevEndpoint.Catalog;

namespace DevEndpoint.Formats.Iceberg;

/// <summary>Reads the data files of an Iceberg snapshot into the loader's columns: by field id, with the snapshot's deletes applied.</summary>
internal sealed class IcebergRowReader(IcebergTableFormat.Opened snapshot) : FormatReader
{
    private readonly List<string> names = snapshot.Table.Columns(snapshot.Schema).Select(c => c.Name).ToList();

    protected override async Task<IReadOnlyList<ReadPart>> ReadPartsAsync(
        string path, CatalogTable table, Func<List<ColumnSink>> newColumns, ReadContext context, CancellationToken cancellationToken)
    {
        var columns = newColumns();
        var indexes = columns.Select(s => names.IndexOf(s.Column.Name)).ToArray();
        var part = new ReadPart(columns);
        part.Rows = await snapshot.Table.ReadFileAsync(snapshot.Schema, snapshot.Files[path], snapshot.Deletes, context.Limit, values =>
        {
            for (var i = 0; i < columns.Count; i++)
            {
                if (indexes[i] >= 0)
                {
                    columns[i].AddValue(values[indexes[i]]);
                }
                else
                {
                    columns[i].AddNull();
                }
            }
        }, cancellationToken);
        return [part];
    }
}
