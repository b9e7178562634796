namespace DevEndpoint.DataQuality;

/// <summary>The shape of a rule type: how many quoted parameters it takes, whether it takes a condition, and an example.</summary>
internal sealed record DqdlRuleType(string Name, int Parameters, bool Condition, string Example)
{
    /// <summary>Takes one or more parameters (IsPrimaryKey over several columns).</summary>
    public bool MoreParameters { get; init; }
}

/// <summary>The rule types DevEndpoint evaluates, as Glue's DQDL names them (case-sensitive).</summary>
internal static class DqdlRuleTypes
{
    public static IReadOnlyDictionary<string, DqdlRuleType> All { get; } = new[]
    {
        new DqdlRuleType("RowCount", 0, true, "RowCount > 100"),
        new DqdlRuleType("RowCountMatch", 1, true, "RowCountMatch \"sales.orders_copy\" >= 0.9"),
        new DqdlRuleType("ColumnCount", 0, true, "ColumnCount = 5"),
        new DqdlRuleType("ColumnExists", 1, false, "ColumnExists \"id\""),
        new DqdlRuleType("ColumnDataType", 1, true, "ColumnDataType \"id\" = \"INTEGER\""),
        new DqdlRuleType("ColumnNamesMatchPattern", 1, false, "ColumnNamesMatchPattern \"[a-z_]+\""),
        new DqdlRuleType("Completeness", 1, true, "Completeness \"email\" > 0.95"),
        new DqdlRuleType("IsComplete", 1, false, "IsComplete \"id\""),
        new DqdlRuleType("Uniqueness", 1, true, "Uniqueness \"email\" > 0.99"),
        new DqdlRuleType("IsUnique", 1, false, "IsUnique \"id\""),
        new DqdlRuleType("IsPrimaryKey", 1, false, "IsPrimaryKey \"id\"") { MoreParameters = true },
        new DqdlRuleType("UniqueValueRatio", 1, true, "UniqueValueRatio \"email\" > 0.9"),
        new DqdlRuleType("DistinctValuesCount", 1, true, "DistinctValuesCount \"status\" between 2 and 5"),
        new DqdlRuleType("Entropy", 1, true, "Entropy \"status\" > 1"),
        new DqdlRuleType("ColumnValues", 1, true, "ColumnValues \"status\" in [\"open\", \"closed\"]"),
        new DqdlRuleType("ColumnLength", 1, true, "ColumnLength \"code\" between 2 and 8"),
        new DqdlRuleType("Mean", 1, true, "Mean \"price\" between 10 and 20"),
        new DqdlRuleType("Sum", 1, true, "Sum \"amount\" > 0"),
        new DqdlRuleType("StandardDeviation", 1, true, "StandardDeviation \"price\" < 5"),
        new DqdlRuleType("ColumnCorrelation", 2, true, "ColumnCorrelation \"height\" \"weight\" > 0.8"),
        new DqdlRuleType("CustomSql", 1, true, "CustomSql \"select count(*) from primary\" > 0, or CustomSql \"select id from primary where qty > 0\""),
        new DqdlRuleType("ReferentialIntegrity", 2, true, "ReferentialIntegrity \"customer_id\" \"sales.customers.id\" = 1.0"),
        new DqdlRuleType("DataFreshness", 1, true, "DataFreshness \"updated_at\" <= 24 hours"),
        new DqdlRuleType("SchemaMatch", 1, true, "SchemaMatch \"sales.orders_copy\" = 1.0"),
    }.ToDictionary(t => t.Name, StringComparer.Ordinal);
}
