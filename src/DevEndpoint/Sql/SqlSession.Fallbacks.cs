using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.ObjectStores;
using DevEndpoint.Sources.Databases;

namespace DevEndpoint.Sql;

/// <summary>
/// Tables DuckDB cannot read as catalogued, once loaded by DevEndpoint's loader, stay in the session's DuckDB for the
/// queries after, as long as the table is at the same catalog version and its files are the same (paths, sizes and times
/// of writing). Tables of a database or of S3, whose rows change without a sign here, are loaded for every query.
/// </summary>
public sealed partial class SqlSession
{
    /// <summary>The kept tables by name, with what they were loaded from.</summary>
    private readonly Dictionary<TableName, string> kept = [];

    /// <summary>Whether <paramref name="name"/> is kept from an earlier query as it would load now (<paramref name="key"/>).</summary>
    private bool Kept(TableName name, string? key) =>
        key is not null && kept.TryGetValue(name, out var loaded) && loaded == key
        && Exists("SELECT 1 FROM information_schema.tables WHERE lower(table_schema) = lower(?) AND lower(table_name) = lower(?)", name.Database, name.Table);

    /// <summary>Forgets a kept table (dropped or about to be replaced).</summary>
    private void Forget(TableName name)
    {
        if (kept.Remove(name))
        {
            Execute($"DROP TABLE IF EXISTS {SqlText.Quote(name.Database)}.{SqlText.Quote(name.Table)}");
        }
    }

    /// <summary>What a loaded table is kept by: its version and its data files, or null where it is not kept (a database's or S3's table).</summary>
    private string? KeepKey(CatalogTable table)
    {
        if (DatabaseLoader.Reads(table) || table.StorageDescriptor.Location is not { } location || S3Path.IsS3(location))
        {
            return null;
        }

        var locations = table.PartitionKeys.Count == 0
            ? [location]
            : Catalog.GetPartitions(new TableName(table.DatabaseName, table.Name)).Select(p => p.StorageDescriptor.Location ?? string.Empty).ToList();
        var files = locations.SelectMany(l => TableFiles.DataFiles(table, l)).Select(f => new FileInfo(f))
            .Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.FullName}|{(f.Exists ? f.Length : -1)}|{(f.Exists ? f.LastWriteTimeUtc.Ticks : 0)}"));
        return string.Join('\n', files.Prepend(table.VersionId.ToString(CultureInfo.InvariantCulture)));
    }
}
