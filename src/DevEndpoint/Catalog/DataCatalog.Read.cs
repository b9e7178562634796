using System.Data.Common;
namespace DevEndpoint.Catalog;

public sealed partial class DataCatalog
{
    /// <summary>All databases, by name.</summary>
    public IReadOnlyList<Database> GetDatabases()
    {
        return Read(connection =>
        {
            return ReadStrings(connection, null, "SELECT definition FROM databases ORDER BY name")
                .Select(CatalogJson.Deserialize<Database>)
                .ToList();
        });
    }

    /// <summary>The named database; a <see cref="DevEndpointException"/> naming the closest databases when there is none.</summary>
    public Database GetDatabase(string name)
    {
        return Read(connection =>
        {
            return FindDatabase(connection, name) ?? throw UnknownDatabase(connection, name);
        });
    }

    /// <summary>The tables of a database, by name.</summary>
    public IReadOnlyList<CatalogTable> GetTables(string database)
    {
        return Read(connection =>
        {
            var db = FindDatabase(connection, database) ?? throw UnknownDatabase(connection, database);
            return ReadStrings(connection, null, "SELECT definition FROM tables WHERE database_name = $db ORDER BY name", ("$db", db.Name))
                .Select(json => ReadTable(connection, null, json))
                .ToList();
        });
    }

    /// <summary>The named table; a <see cref="DevEndpointException"/> naming the closest tables when there is none.</summary>
    public CatalogTable GetTable(TableName name)
    {
        return Read(connection =>
        {
            var db = FindDatabase(connection, name.Database) ?? throw UnknownDatabase(connection, name.Database);
            var table = FindTable(connection, null, db.Name, name.Table);
            if (table is not null)
            {
                return table;
            }

            var all = ReadStrings(connection, null, "SELECT database_name || '.' || name FROM tables ORDER BY database_name, name");
            var closest = ClosestNames.Find(name.ToString(), all);
            var hint = closest.Count > 0
                ? $" Did you mean {Quote(closest)}?"
                : all.Count > 0 ? $" Tables: {Quote(all.Take(10))}." : " The catalog has no tables yet: crawl a folder first.";
            throw new DevEndpointException($"Table '{name}' does not exist in the catalog {Path}.{hint}");
        });
    }

    /// <summary>The table's partitions, in the order of their values.</summary>
    public IReadOnlyList<Partition> GetPartitions(TableName name)
    {
        var table = GetTable(name);
        return Read(connection =>
        {
            return ReadStrings(
                    connection,
                    null,
                    "SELECT definition FROM partitions WHERE database_name = $db AND table_name = $table ORDER BY partition_values",
                    ("$db", table.DatabaseName),
                    ("$table", table.Name))
                .Select(CatalogJson.Deserialize<Partition>)
                .ToList();
        });
    }

    /// <summary>Every definition the table has had, newest first; the first is the current one.</summary>
    public IReadOnlyList<TableVersion> GetTableVersions(TableName name)
    {
        var current = GetTable(name);
        return Read(connection =>
        {
            var earlier = ReadStrings(
                    connection,
                    null,
                    "SELECT definition FROM table_versions WHERE database_name = $db AND name = $table ORDER BY version_id DESC",
                    ("$db", current.DatabaseName),
                    ("$table", current.Name))
                .Select(CatalogJson.Deserialize<CatalogTable>);
            return earlier.Prepend(current).Select(t => new TableVersion(t, t.VersionId)).ToList();
        });
    }

    /// <summary>The crawl runs that wrote into a database, newest first; a <see cref="DevEndpointException"/> naming the closest databases when there is none.</summary>
    public IReadOnlyList<CrawlRun> GetCrawlRuns(string database)
    {
        return Read(connection =>
        {
            var db = FindDatabase(connection, database) ?? throw UnknownDatabase(connection, database);
            return ReadStrings(connection, null, "SELECT definition FROM crawl_runs WHERE database_name = $db ORDER BY seq DESC", ("$db", db.Name))
                .Select(CatalogJson.Deserialize<CrawlRun>)
                .ToList();
        });
    }

    /// <summary>The crawl runs of every database, newest first.</summary>
    public IReadOnlyList<CrawlRun> GetCrawlRuns()
    {
        return Read(connection =>
        {
            return ReadStrings(connection, null, "SELECT definition FROM crawl_runs ORDER BY seq DESC")
                .Select(CatalogJson.Deserialize<CrawlRun>)
                .ToList();
        });
    }

    private static Database? FindDatabase(DbConnection connection, string name) =>
        ReadStrings(connection, null, "SELECT definition FROM databases WHERE name = $name", ("$name", TableName.Normalize(name)))
            .Select(CatalogJson.Deserialize<Database>)
            .FirstOrDefault();

    private static CatalogTable? FindTable(DbConnection connection, DbTransaction? transaction, string database, string table) =>
        ReadStrings(
                connection,
                transaction,
                "SELECT definition FROM tables WHERE database_name = $db AND name = $table",
                ("$db", TableName.Normalize(database)),
                ("$table", TableName.Normalize(table)))
            .Select(json => ReadTable(connection, transaction, json))
            .FirstOrDefault();

    private DevEndpointException UnknownDatabase(DbConnection connection, string name)
    {
        var all = ReadStrings(connection, null, "SELECT name FROM databases ORDER BY name");
        var closest = ClosestNames.Find(name, all);
        var hint = closest.Count > 0
            ? $" Did you mean {Quote(closest)}?"
            : all.Count > 0 ? $" Databases: {Quote(all)}." : " The catalog has no databases yet: crawl a folder first.";
        return new DevEndpointException($"Database '{TableName.Normalize(name)}' does not exist in the catalog {Path}.{hint}");
    }

    private static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));
}
