using DevEndpoint.Catalog;
using DevEndpoint.Formats.Delta;
using DevEndpoint.Formats.Hudi;
using DevEndpoint.Formats.Iceberg;

namespace DevEndpoint.Formats;

/// <summary>
/// The registry of table formats (formats with a log or metadata of their own) that the crawler and the loader both go
/// through. A new format is a folder with its <see cref="ITableFormat"/> and one line here.
/// </summary>
internal static class TableFormats
{
    public static IReadOnlyList<ITableFormat> All { get; } =
    [
        new DeltaTableFormat(),
        new IcebergTableFormat(),
        new HudiTableFormat(),
    ];

    /// <summary>The format whose table root a folder with these entries is; <c>null</c> for a folder of plain files.</summary>
    public static ITableFormat? Root(string folder, IReadOnlyCollection<string> entries, TableStorage storage) => All.FirstOrDefault(f => f.IsTableRoot(folder, entries, storage));

    /// <summary>The format of a catalog table, by its classification; <c>null</c> for a table of plain files.</summary>
    public static ITableFormat? For(CatalogTable table) =>
        table.Parameter("classification") is { } classification ? All.FirstOrDefault(f => f.Classification == classification) : null;
}
