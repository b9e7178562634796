using System.Data.Common;

namespace DevEndpoint.Catalog;

public sealed partial class DataCatalog
{
    /// <summary>
    /// Applies a set of changes in one transaction: all of them are stored, or, if <paramref name="changes"/>
    /// throws or the process dies, none.
    /// </summary>
    public void Update(Action<CatalogUpdate> changes)
    {
        RequireWritable();
        Read(connection =>
        {
            using var transaction = store.Begin(connection, write: true);
            changes(new CatalogUpdate(connection, transaction, Path));
            transaction.Commit();
            return 0;
        });
    }
}

/// <summary>What a change set can do inside <see cref="DataCatalog.Update"/>.</summary>
public sealed partial class CatalogUpdate
{
    /// <summary>Table parameter that names the crawl run that last changed a table; ignored when telling whether a table changed.</summary>
    public const string CrawlRunIdParameter = "crawlRunId";

    private readonly DbConnection connection;
    private readonly DbTransaction transaction;
    private readonly string catalogPath;

    internal CatalogUpdate(DbConnection connection, DbTransaction transaction, string catalogPath)
    {
        this.connection = connection;
        this.transaction = transaction;
        this.catalogPath = catalogPath;
    }

    /// <summary>Creates the database unless it exists; returns the stored one.</summary>
    public Database EnsureDatabase(Database database)
    {
        var name = TableName.Normalize(database.Name);
        var existing = Read("SELECT definition FROM databases WHERE name = $name", ("$name", name));
        if (existing is not null)
        {
            return CatalogJson.Deserialize<Database>(existing);
        }

        var stored = database with { Name = name, CreateTime = DateTimeOffset.UtcNow };
        Write("INSERT INTO databases (name, definition) VALUES ($name, $definition)", ("$name", name), ("$definition", CatalogJson.Serialize(stored)));
        return stored;
    }

    /// <summary>The table as stored now, or <c>null</c>.</summary>
    public CatalogTable? FindTable(TableName name)
    {
        var json = Read(
            "SELECT definition FROM tables WHERE database_name = $db AND name = $table",
            ("$db", name.Database),
            ("$table", name.Table));
        return json is null ? null : DataCatalog.ReadTable(connection, transaction, json);
    }

    /// <summary>
    /// Creates the table, or replaces its definition when it differs (keeping the previous one as a table version).
    /// Values too long for Glue are kept whole beside the definition (<see cref="GlueLimits"/>). As Glue's
    /// <c>UpdateTable</c>, a table that carries a <see cref="CatalogTable.VersionId"/> (one read from the catalog) is an
    /// update of that version: when another change came first, it fails and changes nothing, as Glue's
    /// <c>ConcurrentModificationException</c>. A table with <c>VersionId</c> 0 (a crawler's or writer's merge, which
    /// reads the stored table inside this change set) replaces whatever is stored.
    /// </summary>
    public TableChange PutTable(CatalogTable table)
    {
        var name = new TableName(TableName.Normalize(table.DatabaseName), TableName.Normalize(table.Name));
        var now = DateTimeOffset.UtcNow;
        var existing = FindTable(name);
        if (table.VersionId != 0 && table.VersionId != existing?.VersionId)
        {
            throw new DevEndpointException(existing is null
                ? $"Table '{name}' was deleted from the catalog {catalogPath} after version {table.VersionId} of it was read (Glue's ConcurrentModificationException); nothing was changed. Create it again, or leave it deleted."
                : $"Table '{name}' changed in the catalog {catalogPath} after version {table.VersionId} of it was read: it is at version {existing.VersionId} now (Glue's ConcurrentModificationException); nothing was changed. Read the table again, apply the change to what it is now, and update again.");
        }

        if (existing is null)
        {
            var version = 1 + Convert.ToInt64(
                ReadScalar("SELECT COALESCE(MAX(version_id), 0) FROM table_versions WHERE database_name = $db AND name = $table", ("$db", name.Database), ("$table", name.Table)),
                System.Globalization.CultureInfo.InvariantCulture);
            var created = table with { Name = name.Table, DatabaseName = name.Database, CreateTime = now, UpdateTime = now, VersionId = version };
            Write(
                "INSERT INTO tables (database_name, name, version_id, definition) VALUES ($db, $table, $version, $definition)",
                ("$db", name.Database),
                ("$table", name.Table),
                ("$version", version),
                ("$definition", Stored(created)));
            return TableChange.Created;
        }

        var candidate = table with { Name = existing.Name, DatabaseName = existing.DatabaseName, CreateTime = existing.CreateTime, UpdateTime = existing.UpdateTime, VersionId = existing.VersionId };
        if (SameDefinition(existing, candidate))
        {
            return TableChange.Unchanged;
        }

        KeepVersion(existing);
        var updated = candidate with { UpdateTime = now, VersionId = existing.VersionId + 1 };
        Write(
            "UPDATE tables SET version_id = $version, definition = $definition WHERE database_name = $db AND name = $table",
            ("$db", name.Database),
            ("$table", name.Table),
            ("$version", updated.VersionId),
            ("$definition", Stored(updated)));
        return TableChange.Updated;
    }

    /// <summary>Adds the partition, or replaces it when its definition differs. Returns <c>true</c> for a new partition.</summary>
    public bool PutPartition(Partition partition)
    {
        var db = TableName.Normalize(partition.DatabaseName);
        var table = TableName.Normalize(partition.TableName);
        var key = CatalogJson.Serialize(partition.Values);
        var existing = Read(
            "SELECT definition FROM partitions WHERE database_name = $db AND table_name = $table AND partition_values = $values",
            ("$db", db),
            ("$table", table),
            ("$values", key));
        if (existing is not null)
        {
            var old = CatalogJson.Deserialize<Partition>(existing);
            var candidate = partition with { DatabaseName = db, TableName = table, CreationTime = old.CreationTime };
            if (CatalogJson.Serialize(candidate) != existing)
            {
                Write(
                    "UPDATE partitions SET definition = $definition WHERE database_name = $db AND table_name = $table AND partition_values = $values",
                    ("$db", db),
                    ("$table", table),
                    ("$values", key),
                    ("$definition", CatalogJson.Serialize(candidate)));
            }

            return false;
        }

        var created = partition with { DatabaseName = db, TableName = table, CreationTime = DateTimeOffset.UtcNow };
        Write(
            "INSERT INTO partitions (database_name, table_name, partition_values, definition) VALUES ($db, $table, $values, $definition)",
            ("$db", db),
            ("$table", table),
            ("$values", key),
            ("$definition", CatalogJson.Serialize(created)));
        return true;
    }

    /// <summary>The tables of a database as stored now, by name.</summary>
    public IReadOnlyList<CatalogTable> FindTables(string database)
    {
        using var command = DataCatalog.Command(
            connection, transaction, "SELECT definition FROM tables WHERE database_name = $db ORDER BY name", [("$db", TableName.Normalize(database))]);
        using var reader = command.ExecuteReader();
        var tables = new List<CatalogTable>();
        while (reader.Read())
        {
            tables.Add(DataCatalog.ReadTable(connection, transaction, reader.GetString(0)));
        }

        return tables;
    }

    /// <summary>The partition as stored now, or <c>null</c>.</summary>
    public Partition? FindPartition(TableName name, IReadOnlyList<string> values)
    {
        var json = Read(
            "SELECT definition FROM partitions WHERE database_name = $db AND table_name = $table AND partition_values = $values",
            ("$db", name.Database),
            ("$table", name.Table),
            ("$values", CatalogJson.Serialize(values)));
        return json is null ? null : CatalogJson.Deserialize<Partition>(json);
    }

    /// <summary>The values of a table's partitions as stored now.</summary>
    public IReadOnlyList<IReadOnlyList<string>> FindPartitionValues(TableName name)
    {
        using var command = DataCatalog.Command(
            connection,
            transaction,
            "SELECT partition_values FROM partitions WHERE database_name = $db AND table_name = $table ORDER BY partition_values",
            [("$db", name.Database), ("$table", name.Table)]);
        using var reader = command.ExecuteReader();
        var values = new List<IReadOnlyList<string>>();
        while (reader.Read())
        {
            values.Add(CatalogJson.Deserialize<List<string>>(reader.GetString(0)));
        }

        return values;
    }

    /// <summary>Removes a table and its partitions; its last definition stays as a table version. Returns <c>false</c> when there is no such table.</summary>
    public bool DeleteTable(TableName name)
    {
        if (FindTable(name) is not { } existing)
        {
            return false;
        }

        KeepVersion(existing);
        Write("DELETE FROM partitions WHERE database_name = $db AND table_name = $table", ("$db", name.Database), ("$table", name.Table));
        Write("DELETE FROM tables WHERE database_name = $db AND name = $table", ("$db", name.Database), ("$table", name.Table));
        DataCatalog.WriteLongValues(connection, transaction, name, new Dictionary<string, string>());
        return true;
    }

    /// <summary>Removes one partition of a table. Returns <c>false</c> when there is no such partition.</summary>
    public bool DeletePartition(TableName name, IReadOnlyList<string> values)
    {
        using var command = DataCatalog.Command(
            connection,
            transaction,
            "DELETE FROM partitions WHERE database_name = $db AND table_name = $table AND partition_values = $values",
            [("$db", name.Database), ("$table", name.Table), ("$values", CatalogJson.Serialize(values))]);
        return command.ExecuteNonQuery() > 0;
    }

    /// <summary>Records a crawl run in the crawl history.</summary>
    public void RecordCrawlRun(CrawlRun run) =>
        Write(
            "INSERT INTO crawl_runs (run_id, database_name, definition, seq) VALUES ($id, $db, $definition, (SELECT COALESCE(MAX(seq), 0) + 1 FROM crawl_runs))",
            ("$id", run.RunId),
            ("$db", TableName.Normalize(run.DatabaseName)),
            ("$definition", CatalogJson.Serialize(run)));

    private static bool SameDefinition(CatalogTable existing, CatalogTable candidate)
    {
        static CatalogTable Stable(CatalogTable t) => t with
        {
            Parameters = t.Parameters.Where(p => p.Key != CrawlRunIdParameter).OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(),
        };
        return CatalogJson.Serialize(Stable(existing)) == CatalogJson.Serialize(Stable(candidate));
    }

    private void KeepVersion(CatalogTable existing) =>
        Write(
            "INSERT INTO table_versions (database_name, name, version_id, definition) VALUES ($db, $table, $version, $definition)",
            ("$db", existing.DatabaseName),
            ("$table", existing.Name),
            ("$version", existing.VersionId),
            ("$definition", CatalogJson.Serialize(GlueLimits.Fit(existing).Table)));

    /// <summary>The definition as the catalog stores it, within Glue's limits; the values it shortens go to <c>long_values</c>.</summary>
    private string Stored(CatalogTable table)
    {
        var (fitted, longValues) = GlueLimits.Fit(table);
        DataCatalog.WriteLongValues(connection, transaction, new TableName(table.DatabaseName, table.Name), longValues);
        return CatalogJson.Serialize(fitted);
    }

    private object? ReadScalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = DataCatalog.Command(connection, transaction, sql, parameters);
        return command.ExecuteScalar();
    }

    private string? Read(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = DataCatalog.Command(connection, transaction, sql, parameters);
        return command.ExecuteScalar() as string;
    }

    private void Write(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = DataCatalog.Command(connection, transaction, sql, parameters);
        command.ExecuteNonQuery();
    }
}

/// <summary>What <see cref="CatalogUpdate.PutTable"/> did.</summary>
public enum TableChange
{
    Unchanged,
    Created,
    Updated,

    /// <summary>A crawl found the table's files gone and marked it with <c>DEPRECATED_BY_CRAWLER</c>.</summary>
    Deprecated,

    /// <summary>A crawl found the table's files gone and removed it.</summary>
    Deleted,
}
