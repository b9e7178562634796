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
