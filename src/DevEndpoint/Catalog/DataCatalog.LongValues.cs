using System.Data.Common;

namespace DevEndpoint.Catalog;

/// <summary>The values <see cref="GlueLimits"/> shortened in a stored table definition, kept whole in <c>long_values</c>.</summary>
public sealed partial class DataCatalog
{
    /// <summary>A stored table definition with its shortened values put back whole.</summary>
    internal static CatalogTable ReadTable(DbConnection connection, DbTransaction? transaction, string definition)
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
    internal static void WriteLongValues(DbConnection connection, DbTransaction? transaction, TableName name, IReadOnlyDictionary<string, string> values)
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
