using System.Data.Common;
using DevEndpoint.Catalog.Internals;

namespace DevEndpoint.Catalog;

public sealed partial class DataCatalog
{
    /// <summary>Every table of the model, in the order a copy writes them (grants stay with their store: they name its roles).</summary>
    internal static readonly string[] ModelTables =
    [
        "databases", "tables", "table_versions", "partitions", "crawl_runs", "classifiers", "job_bookmarks", "job_bookmark_tables",
        "job_bookmark_files", "connections", "key_bookmarks", "long_values", "ml_transforms", "ml_transform_labels", "ml_transform_models",
        "dq_rulesets", "dq_results", "dq_metrics", "job_runs",
    ];

    /// <summary>
    /// Copies every row of the model (databases, tables with their versions, partitions, crawl runs, classifiers, job and
    /// key bookmarks, connections, ML transforms, data quality, job runs) from this catalog to <paramref name="target"/>, between
    /// stores, in one transaction of the target: all or nothing. A target that holds anything is refused unless
    /// <paramref name="replace"/>, which empties it first. Returns the rows copied.
    /// </summary>
    internal long CopyTo(DataCatalog target, bool replace)
    {
        target.RequireWritable();
        var rows = Read(source => ModelTables.ToDictionary(t => t, t => ReadRows(source, t)));
        return target.InTransaction(write: true, (connection, transaction) =>
        {
            var held = ModelTables.Sum(t => Convert.ToInt64(Command(connection, transaction, $"SELECT count(*) FROM {t}", []).ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
            if (held > 0 && !replace)
            {
                throw CatalogErrors.CopyTargetNotEmpty(Path, target.Path, held);
            }

            foreach (var table in ModelTables.Reverse())
            {
                Execute(connection, transaction, $"DELETE FROM {table}");
            }

            foreach (var table in ModelTables)
            {
                WriteRows(connection, transaction, table, rows[table]);
            }

            return rows.Values.Sum(r => (long)r.Rows.Count);
        });
    }

    private static (string[] Columns, List<object?[]> Rows) ReadRows(DbConnection connection, string table)
    {
        using var command = Command(connection, null, $"SELECT * FROM {table}", []);
        using var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i)).ToArray());
        }

        return (columns, rows);
    }

    private static void WriteRows(DbConnection connection, DbTransaction transaction, string table, (string[] Columns, List<object?[]> Rows) rows)
    {
        var names = rows.Columns.Select((_, i) => $"$p{i}").ToArray();
        foreach (var row in rows.Rows)
        {
            Execute(
                connection,
                transaction,
                $"INSERT INTO {table} ({string.Join(", ", rows.Columns)}) VALUES ({string.Join(", ", names)})",
                [.. names.Select((name, i) => (name, row[i]))]);
        }
    }
}
