using System.Globalization;
using System.Text.RegularExpressions;
using DevEndpoint.Catalog;
using DevEndpoint.Sql;

namespace DevEndpoint.DataQuality;

/// <summary>The rules that run queries of their own: over another table (RowCountMatch, SchemaMatch, ReferentialIntegrity) or their own SQL (CustomSql).</summary>
internal sealed partial class RulesetRun
{
    private Func<Outcome> PlanCustomSql(Check check)
    {
        var rule = check.Rule;
        var sql = PrimaryWord().Replace(rule.Parameters[0], relation);
        if (rule.Condition is null)
        {
            return PlanRowLevelSql(check, sql);
        }

        double? value = null;
        check.Probe = async cancellationToken =>
        {
            var result = await session.RunAsync(sql, Query(), cancellationToken);
            if (result.Frame.Rows.Count != 1 || result.Frame.Columns.Count != 1)
            {
                throw new DevEndpointException(
                    $"CustomSql must return one number (one row of one column); its query returned {result.Frame.Rows.Count} rows of {result.Frame.Columns.Count} columns.");
            }

            value = result.Frame.Columns[0][0] is { } found && IsNumeric(result.Types[0])
                ? Convert.ToDouble(found, CultureInfo.InvariantCulture)
                : throw new DevEndpointException($"CustomSql must return one number; its query returned {(result.Frame.Columns[0][0] is null ? "NULL" : result.Types[0])}.");
        };
        return () => Judge(rule, "Dataset.*.CustomSQL", value!.Value);
    }

    /// <summary>
    /// Glue's row-level CustomSql (no condition): a row of primary passes when the query returns it, matched on the columns the
    /// query returns, which must all be primary's; the rule passes when every row does, or as its <c>with threshold</c> says.
    /// </summary>
    private Func<Outcome> PlanRowLevelSql(Check check, string sql)
    {
        var rule = check.Rule;
        double? passing = null;
        double? rows = null;
        check.Probe = async cancellationToken =>
        {
            var returned = await ReturnedColumnsAsync(sql, cancellationToken);
            rowLevelSql[rule] = (sql, returned);
            var result = await session.RunAsync(
                $"SELECT CAST(count(*) FILTER (WHERE {Returned(sql, returned)}) AS DOUBLE) AS passing, CAST(count(*) AS DOUBLE) AS n FROM {relation} AS {Primary}",
                Query(),
                cancellationToken);
            (passing, rows) = ((double?)result.Frame.Columns[0][0], (double?)result.Frame.Columns[1][0]);
        };
        return () => Compliance(rule, "Dataset.*.CustomSQL.Compliance", passing!.Value, rows!.Value);
    }

    /// <summary>The columns a row-level CustomSql query returns, as primary names them; fails when one is not primary's.</summary>
    private async Task<List<string>> ReturnedColumnsAsync(string sql, CancellationToken cancellationToken)
    {
        var names = (await session.RunAsync($"SELECT * FROM ({sql}) LIMIT 0", Query(), cancellationToken)).Frame.Columns.Select(c => c.Name).ToList();
        var known = names.Select(n => columns.FirstOrDefault(c => string.Equals(c.Name, n, StringComparison.OrdinalIgnoreCase)).Name).ToList();
        if (known.Any(k => k is null))
        {
            throw new DevEndpointException(
                $"A CustomSql rule without a condition returns the rows of primary that pass, so its query selects columns of {target} ({string.Join(", ", columns.Select(c => c.Name))}); "
                + $"it returned {string.Join(", ", names)}. To check one number instead, add a condition, as in CustomSql \"select count(*) from primary\" > 0.");
        }

        return known.Select(k => k!).ToList();
    }

    /// <summary>Whether the row of primary (aliased <see cref="Primary"/>) is among those the query returns, null equal to null.</summary>
    private static string Returned(string sql, List<string> returned) =>
        $"EXISTS (SELECT 1 FROM ({sql}) AS {Primary}_returned WHERE {string.Join(" AND ", returned.Select(c => $"{Primary}_returned.{SqlText.Quote(c)} IS NOT DISTINCT FROM {Primary}.{SqlText.Quote(c)}"))})";

    private Func<Outcome> PlanReferenceTable(Check check)
    {
        var rule = check.Rule;
        var reference = Reference(rule.Parameters[0]);
        var other = $"{SqlText.Quote(reference.Database)}.{SqlText.Quote(reference.Table)}";
        if (rule.Type == "RowCountMatch")
        {
            var rows = Add(check, $"count(*){Filter(rule.Where)}");
            double? referenceRows = null;
            check.Probe = async cancellationToken =>
            {
                var result = await session.RunAsync($"SELECT CAST(count(*) AS DOUBLE) AS n FROM {other}", Query(), cancellationToken);
                referenceRows = (double?)result.Frame.Columns[0][0];
            };
            return () => Judge(
                rule,
                "Dataset.*.RowCountMatch",
                referenceRows is 0 ? (Required(rows) == 0 ? 1 : double.PositiveInfinity) : Required(rows) / referenceRows!.Value);
        }

        List<(string Name, string Type)> referenceColumns = [];
        check.Probe = async cancellationToken => referenceColumns = await SchemaAsync(other, cancellationToken);
        return () =>
        {
            var names = columns.Select(c => c.Name).Union(referenceColumns.Select(c => c.Name), StringComparer.OrdinalIgnoreCase).Count();
            var matching = columns.Count(c => referenceColumns.Any(r => string.Equals(r.Name, c.Name, StringComparison.OrdinalIgnoreCase) && GlueType(r.Type) == GlueType(c.Type)));
            return Judge(rule, "Dataset.*.SchemaMatch", names == 0 ? 1 : matching / (double)names);
        };
    }

    private Func<Outcome> PlanReferentialIntegrity(Check check)
    {
        var rule = check.Rule;
        var primary = rule.Parameters[0].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(c => Quoted(c, rule)).ToList();
        var match = ReferenceColumns().Match(rule.Parameters[1]);
        if (!match.Success)
        {
            throw new DevEndpointException(
                $"ReferentialIntegrity names the reference as \"<database>.<table>.<column>\" (or \"<database>.<table>.{{a,b}}\" for several columns); got \"{rule.Parameters[1]}\".");
        }

        var reference = Reference($"{match.Groups["db"].Value}.{match.Groups["table"].Value}");
        var referenced = (match.Groups["list"].Success ? match.Groups["list"].Value : match.Groups["column"].Value)
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(SqlText.Quote).ToList();
        if (referenced.Count != primary.Count)
        {
            throw new DevEndpointException($"ReferentialIntegrity compares as many columns on each side; \"{rule.Parameters[0]}\" has {primary.Count}, \"{rule.Parameters[1]}\" has {referenced.Count}.");
        }

        var other = $"{SqlText.Quote(reference.Database)}.{SqlText.Quote(reference.Table)}";
        var keys = primary.Select((p, i) => $"p.{p} IS NOT DISTINCT FROM r.{referenced[i]}");
        var notNull = string.Join(" AND ", primary.Select(p => $"{p} IS NOT NULL").Append(rule.Where is { } w ? $"({w})" : "true"));
        var sql = $"""
            SELECT CAST(count(*) FILTER (WHERE EXISTS (SELECT 1 FROM (SELECT DISTINCT {string.Join(", ", referenced)} FROM {other}) r WHERE {string.Join(" AND ", keys)})) AS DOUBLE) AS found,
                   CAST(count(*) AS DOUBLE) AS n
            FROM (SELECT {string.Join(", ", primary)} FROM {relation} WHERE {notNull}) p
            """;
        double found = 0, rows = 0;
        check.Probe = async cancellationToken =>
        {
            var result = await session.RunAsync(sql, Query(), cancellationToken);
            (found, rows) = ((double)result.Frame.Columns[0][0]!, (double)result.Frame.Columns[1][0]!);
        };
        return () => Judge(rule, $"Column.{rule.Parameters[0]}.ReferentialIntegrity", rows == 0 ? 1 : found / rows);
    }

    /// <summary>A reference table named as <c>&lt;database&gt;.&lt;table&gt;</c>, which the catalog must hold.</summary>
    private TableName Reference(string name)
    {
        if (!name.Contains('.', StringComparison.Ordinal))
        {
            throw new DevEndpointException($"A reference table is named as \"<database>.<table>\"; got \"{name}\".");
        }

        var reference = TableName.Parse(name);
        session.Catalog.GetTable(reference);
        return reference;
    }

    [GeneratedRegex(@"(?<![\w.""])primary(?![\w""])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PrimaryWord();

    [GeneratedRegex(@"^(?<db>[^.]+)\.(?<table>[^.]+)\.(?:\{(?<list>[^}]+)\}|(?<column>[^.{}]+))$", RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceColumns();
}
