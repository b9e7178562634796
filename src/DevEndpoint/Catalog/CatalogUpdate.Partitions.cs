using System.Text;

namespace DevEndpoint.Catalog;

public sealed partial class CatalogUpdate
{
    /// <summary>How many partitions one statement reads or inserts (two parameters each, far below both stores' limits).</summary>
    private const int PartitionsPerStatement = 200;

    /// <summary>
    /// Adds or replaces partitions, each as <see cref="PutPartition"/> would, in few statements: one read and one multi-row
    /// insert for every <see cref="PartitionsPerStatement"/> partitions of a table (a PostgreSQL catalog is a round trip
    /// away), an update for each stored partition whose definition differs. Returns, in order, whether each partition is new.
    /// </summary>
    internal IReadOnlyList<bool> PutPartitions(IReadOnlyList<Partition> partitions)
    {
        var now = DateTimeOffset.UtcNow;
        var isNew = new List<bool>(partitions.Count);
        foreach (var chunk in partitions.Chunk(PartitionsPerStatement))
        {
            var keyed = chunk.Select(p => (Db: TableName.Normalize(p.DatabaseName), Table: TableName.Normalize(p.TableName), Values: CatalogJson.Serialize(p.Values), Partition: p)).ToList();
            var stored = new Dictionary<(string Db, string Table, string Values), string>();
            foreach (var table in keyed.GroupBy(k => (k.Db, k.Table)))
            {
                ReadPartitions(table.Key.Db, table.Key.Table, table.Select(k => k.Values).Distinct(StringComparer.Ordinal).ToList(), stored);
            }

            var inserts = new Dictionary<(string Db, string Table, string Values), string>();
            foreach (var (db, table, values, partition) in keyed)
            {
                var key = (db, table, values);
                if (stored.TryGetValue(key, out var existing))
                {
                    var candidate = CatalogJson.Serialize(partition with { DatabaseName = db, TableName = table, CreationTime = CatalogJson.Deserialize<Partition>(existing).CreationTime });
                    if (candidate != existing)
                    {
                        Write(
                            "UPDATE partitions SET definition = $definition WHERE database_name = $db AND table_name = $table AND partition_values = $values",
                            ("$db", db),
                            ("$table", table),
                            ("$values", values),
                            ("$definition", candidate));
                        stored[key] = candidate;
                    }

                    isNew.Add(false);
                    continue;
                }

                // A partition given twice is new once; the later definition wins, as it would one call after the other.
                isNew.Add(!inserts.ContainsKey(key));
                inserts[key] = CatalogJson.Serialize(partition with { DatabaseName = db, TableName = table, CreationTime = now });
            }

            foreach (var table in inserts.GroupBy(i => (i.Key.Db, i.Key.Table)))
            {
                InsertPartitions(table.Key.Db, table.Key.Table, table.Select(i => (i.Key.Values, i.Value)).ToList());
            }
        }

        return isNew;
    }

    /// <summary>Adds to <paramref name="stored"/> the definitions of those of <paramref name="values"/> the table has.</summary>
    private void ReadPartitions(string db, string table, List<string> values, Dictionary<(string Db, string Table, string Values), string> stored)
    {
        var sql = new StringBuilder("SELECT partition_values, definition FROM partitions WHERE database_name = $db AND table_name = $table AND partition_values IN (");
        sql.AppendJoin(", ", values.Select((_, i) => $"$v{i}")).Append(')');
        using var command = DataCatalog.Command(connection, transaction, sql.ToString(), [("$db", db), ("$table", table), .. values.Select((v, i) => ($"$v{i}", (object?)v))]);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            stored[(db, table, reader.GetString(0))] = reader.GetString(1);
        }
    }

    private void InsertPartitions(string db, string table, List<(string Values, string Definition)> rows)
    {
        var sql = new StringBuilder("INSERT INTO partitions (database_name, table_name, partition_values, definition) VALUES ");
        sql.AppendJoin(", ", rows.Select((_, i) => $"($db, $table, $v{i}, $d{i})"));
        using var command = DataCatalog.Command(
            connection,
            transaction,
            sql.ToString(),
            [("$db", db), ("$table", table), .. rows.SelectMany((r, i) => new (string, object?)[] { ($"$v{i}", r.Values), ($"$d{i}", r.Definition) })]);
        command.ExecuteNonQuery();
    }
}
