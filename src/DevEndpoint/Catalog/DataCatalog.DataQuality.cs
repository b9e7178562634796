using System.Globalization;
using Microsoft.Data.Sqlite;

namespace DevEndpoint.Catalog;

public sealed partial class DataCatalog
{
    /// <summary>The rulesets, by name.</summary>
    public IReadOnlyList<DataQualityRuleset> GetDataQualityRulesets() => Read(connection =>
        ReadStrings(connection, null, "SELECT definition FROM dq_rulesets ORDER BY name")
            .Select(CatalogJson.Deserialize<DataQualityRuleset>)
            .ToList());

    /// <summary>The ruleset named <paramref name="name"/> (any case), or <c>null</c>.</summary>
    internal DataQualityRuleset? FindDataQualityRuleset(string name) => Read(connection =>
        ReadStrings(connection, null, "SELECT definition FROM dq_rulesets WHERE name = $name", ("$name", name))
            .Select(CatalogJson.Deserialize<DataQualityRuleset>)
            .FirstOrDefault());

    /// <summary>The runs kept, newest first: of one table, or of every table; at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<DataQualityResult> GetDataQualityResults(TableName? table = null, int limit = int.MaxValue) => Read(connection =>
        (table is { } name
            ? ReadStrings(
                connection,
                null,
                "SELECT definition FROM dq_results WHERE database_name = $db AND table_name = $table ORDER BY completed_on DESC, seq DESC LIMIT $limit",
                ("$db", name.Database),
                ("$table", name.Table),
                ("$limit", limit))
            : ReadStrings(connection, null, "SELECT definition FROM dq_results ORDER BY completed_on DESC, seq DESC LIMIT $limit", ("$limit", limit)))
        .Select(CatalogJson.Deserialize<DataQualityResult>)
        .ToList());

    /// <summary>
    /// The last <paramref name="count"/> values of a metric measured on a table over the rows a <c>where</c> predicate
    /// picked (<c>""</c> for all rows), newest first: the history dynamic rules read.
    /// </summary>
    internal IReadOnlyList<DataQualityMetricValue> GetDataQualityMetricHistory(TableName table, string metric, string filter, int count) => Read(connection =>
    {
        using var command = Command(
            connection,
            null,
            """
            SELECT result_id, completed_on, value FROM dq_metrics
            WHERE database_name = $db AND table_name = $table AND metric = $metric AND filter = $filter
            ORDER BY completed_on DESC, seq DESC LIMIT $count
            """,
            [("$db", table.Database), ("$table", table.Table), ("$metric", metric), ("$filter", filter), ("$count", count)]);
        using var reader = command.ExecuteReader();
        var values = new List<DataQualityMetricValue>();
        while (reader.Read())
        {
            values.Add(new DataQualityMetricValue(
                reader.GetString(0),
                DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture),
                reader.GetDouble(2)));
        }

        return values;
    });

    /// <summary>The tables of rulesets and runs; a catalog file made before them gets them when opened for writing.</summary>
    private static void CreateDataQualityTables(SqliteConnection connection, SqliteTransaction transaction) =>
        Execute(connection, transaction, """
            CREATE TABLE IF NOT EXISTS dq_rulesets (
                name TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
                definition TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS dq_results (
                result_id TEXT NOT NULL PRIMARY KEY,
                seq INTEGER NOT NULL,
                database_name TEXT,
                table_name TEXT,
                completed_on TEXT NOT NULL,
                definition TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS dq_results_table ON dq_results (database_name, table_name, completed_on);
            CREATE TABLE IF NOT EXISTS dq_metrics (
                result_id TEXT NOT NULL,
                seq INTEGER NOT NULL,
                database_name TEXT NOT NULL,
                table_name TEXT NOT NULL,
                metric TEXT NOT NULL,
                filter TEXT NOT NULL,
                value REAL NOT NULL,
                completed_on TEXT NOT NULL,
                PRIMARY KEY (result_id, metric, filter));
            CREATE INDEX IF NOT EXISTS dq_metrics_history ON dq_metrics (database_name, table_name, metric, filter, completed_on);
            """);
}
