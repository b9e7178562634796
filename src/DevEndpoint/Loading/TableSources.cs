using DevEndpoint.Catalog;

namespace DevEndpoint.Loading;

/// <summary>
/// A source of catalog tables that are not files, such as a database reached through a connection: the loader hands it
/// the tables it reads. Sources register with <see cref="TableSources"/> when the assembly loads, so the loader names none.
/// </summary>
internal interface ITableSource
{
    /// <summary>Whether this source reads <paramref name="table"/> (a crawl of this source wrote it).</summary>
    bool Reads(CatalogTable table);

    Task<LoadResult> LoadAsync(DataCatalog catalog, TableName name, CatalogTable table, LoadOptions options, CancellationToken cancellationToken);
}

/// <summary>The registered sources of tables that are not files.</summary>
internal static class TableSources
{
    private static readonly List<ITableSource> All = [];

    public static void Register(ITableSource source) => All.Add(source);

    /// <summary>The source that reads <paramref name="table"/>, or <c>null</c> for a table of files.</summary>
    public static ITableSource? For(CatalogTable table) => All.Find(s => s.Reads(table));
}
