using System.Text.RegularExpressions;
using DevEndpoint.Catalog;

namespace DevEndpoint.DataQuality;

/// <summary>The rulesets kept in the catalog: created with valid DQDL for a catalog table, listed, read and deleted by name.</summary>
public static partial class DataQualityRulesets
{
    /// <summary>Creates a ruleset (or, with <paramref name="replace"/>, replaces the one of that name) after checking its DQDL and its table.</summary>
    public static DataQualityRuleset Create(DataCatalog catalog, string name, string table, string ruleset, string? description = null, bool replace = false)
    {
        if (!Name().IsMatch(name))
        {
            throw DataQualityErrors.BadRulesetName(name);
        }

        DqdlParser.Parse(ruleset);
        if (!table.Contains('.', StringComparison.Ordinal))
        {
            throw DataQualityErrors.BadTarget(table);
        }

        var target = TableName.Parse(table);
        catalog.GetTable(target);
        if (!replace && catalog.FindDataQualityRuleset(name) is not null)
        {
            throw DataQualityErrors.RulesetExists(name);
        }

        DataQualityRuleset? stored = null;
        catalog.Update(u => stored = u.PutDataQualityRuleset(new DataQualityRuleset
        {
            Name = name,
            Description = description,
            Ruleset = ruleset,
            TargetTable = new DataQualityTargetTable(target.Database, target.Table),
        }));
        return stored!;
    }

    /// <summary>The ruleset named <paramref name="name"/>; fails naming the rulesets there are.</summary>
    public static DataQualityRuleset Get(DataCatalog catalog, string name) =>
        catalog.FindDataQualityRuleset(name) ?? throw DataQualityErrors.NoRuleset(name, catalog.GetDataQualityRulesets().Select(r => r.Name).ToList());

    /// <summary>The rulesets kept for the catalog table <paramref name="table"/> (<c>&lt;database&gt;.&lt;table&gt;</c>, any case), by name.</summary>
    public static IReadOnlyList<DataQualityRuleset> ForTable(DataCatalog catalog, string table) =>
        catalog.GetDataQualityRulesets()
            .Where(r => string.Equals(r.TargetTable.ToString(), table, StringComparison.OrdinalIgnoreCase))
            .ToList();

    /// <summary>Deletes a ruleset (its runs stay in the history); fails naming the rulesets there are when it does not exist.</summary>
    public static DataQualityRuleset Delete(DataCatalog catalog, string name)
    {
        var ruleset = Get(catalog, name);
        catalog.Update(u => u.DeleteDataQualityRuleset(ruleset.Name));
        return ruleset;
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();
}
