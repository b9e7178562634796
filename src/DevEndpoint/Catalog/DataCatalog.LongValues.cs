using Microsoft.Data.Sqlite;

namespace DevEndpoint.Catalog;

/// <summary>The values <see cref="GlueLimits"/> shortened in a stored table definition, kept whole in <c>long_values</c>.</summary>
public sealed partial class DataCatalog
{
    private const string LongValuesSchema = """
        CREATE TABLE IF NOT EXISTS long_values (
            database_name TEXT NOT NULL,
            table_name TEXT NOT NULL,
            value_key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (database_name, table_name, value_key));
        """;

    /// <summary>A stored table definition with its shortened values put back whole.</summary>
    internal static CatalogTable ReadTable(SqliteConnection connection, SqliteTransaction? transaction, string definition)
    {
        var stored = CatalogJson.Deserialize<CatalogTable>(definition);
        if (!GlueLimits.IsShortened(stored))
        {
            return stored;
        }

        using var command = Command(
            connection,
            transaction,
            "SELECT value_key, value FROM long_values WHERE database_name = $db AND table_name = $table",
            [("$db", stored.DatabaseName), ("$table", stored.Name)]);
        using var reader = command.ExecuteReader();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            values[reader.GetString(0)] = reader.GetString(1);
        }

        return GlueLimits.Restore(stored, values);
    }

    /// <summary>Replaces the whole values kept for a table by <paramref name="values"/> (none: the table has no shortened value).</summary>
    internal static void WriteLongValues(SqliteConnection connection, SqliteTransaction? transaction, TableName name, IReadOnlyDictionary<string, string> values)
    {
        Execute(connection, transaction, "DELETE FROM long_values WHERE database_name = $db AND table_name = $table", ("$db", name.Database), ("$table", name.Table));
        foreach (var (key, value) in values)
        {
            Execute(
                connection,
                transaction,
                "INSERT INTO long_values (database_name, table_name, value_key, value) VALUES ($db, $table, $key, $value)",
                ("$db", name.Database),
                ("$table", name.Table),
                ("$key", key),
                ("$value", value));
        }
    }
}
