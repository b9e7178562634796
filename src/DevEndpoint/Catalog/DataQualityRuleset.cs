namespace DevEndpoint.Catalog;

/// <summary>A data quality ruleset kept in the catalog, as Glue's GetDataQualityRuleset returns it: its DQDL text and the table it checks.</summary>
public sealed record DataQualityRuleset
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>The rules in DQDL: <c>Rules = [ ... ]</c>.</summary>
    public required string Ruleset { get; init; }

    public required DataQualityTargetTable TargetTable { get; init; }

    public DateTimeOffset CreatedOn { get; init; }

    public DateTimeOffset LastModifiedOn { get; init; }
}

/// <summary>The catalog table a ruleset checks, or a run checked.</summary>
public sealed record DataQualityTargetTable(string DatabaseName, string TableName)
{
    public override string ToString() => $"{DatabaseName}.{TableName}";
}
