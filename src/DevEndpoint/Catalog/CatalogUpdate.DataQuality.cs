using System.Globalization;

namespace DevEndpoint.Catalog;

public sealed partial class CatalogUpdate
{
    /// <summary>Creates a ruleset, or replaces the one of the same name (keeping when it was created).</summary>
    internal DataQualityRuleset PutDataQualityRuleset(DataQualityRuleset ruleset)
    {
        var now = DateTimeOffset.UtcNow;
        var existing = Read("SELECT definition FROM dq_rulesets WHERE name = $name", ("$name", ruleset.Name));
        var stored = ruleset with
        {
            CreatedOn = existing is null ? now : CatalogJson.Deserialize<DataQualityRuleset>(existing).CreatedOn,
            LastModifiedOn = now,
        };
        Write("INSERT INTO dq_rulesets (name, definition) VALUES ($name, $definition) ON CONFLICT (name) DO UPDATE SET name = excluded.name, definition = excluded.definition", ("$name", ruleset.Name), ("$definition", CatalogJson.Serialize(stored)));
        return stored;
    }

    /// <summary>Deletes a ruleset; its runs stay. Returns <c>false</c> when there was none.</summary>
    internal bool DeleteDataQualityRuleset(string name)
    {
        using var command = DataCatalog.Command(connection, transaction, "DELETE FROM dq_rulesets WHERE name = $name", [("$name", name)]);
        return command.ExecuteNonQuery() > 0;
    }

    /// <summary>
    /// Keeps a run and, for the dynamic rules of later runs, the metrics it measured with the <c>where</c> predicate each
    /// was measured under (<c>""</c> for all rows). A run of a DataFrame (no target table) is not kept.
    /// </summary>
    internal void AddDataQualityResult(DataQualityResult result, IEnumerable<(string Metric, string Filter, double Value)> metrics)
    {
        if (result.TargetTable is not { } table)
        {
            return;
        }

        var seq = Convert.ToInt64(ReadScalar("SELECT COALESCE(MAX(seq), 0) + 1 FROM dq_results"), CultureInfo.InvariantCulture);
        var completed = result.CompletedOn.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        Write(
            "INSERT INTO dq_results (result_id, seq, database_name, table_name, completed_on, definition) VALUES ($id, $seq, $db, $table, $completed, $definition)",
            ("$id", result.ResultId),
            ("$seq", seq),
            ("$db", table.DatabaseName),
            ("$table", table.TableName),
            ("$completed", completed),
            ("$definition", CatalogJson.Serialize(result)));
        foreach (var (metric, filter, value) in metrics.DistinctBy(m => (m.Metric, m.Filter)))
        {
            Write(
                "INSERT INTO dq_metrics (result_id, seq, database_name, table_name, metric, filter, value, completed_on) VALUES ($id, $seq, $db, $table, $metric, $filter, $value, $completed)",
                ("$id", result.ResultId),
                ("$seq", seq),
                ("$db", table.DatabaseName),
                ("$table", table.TableName),
                ("$metric", metric),
                ("$filter", filter),
                ("$value", value),
                ("$completed", completed));
        }
    }
}
