using System.Data.Common;
using System.Globalization;

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
}
