namespace DevEndpoint.MachineLearning.Imputation;

/// <summary>The errors of FillMissingValues a user can act on.</summary>
internal static class ImputationErrors
{
    public static DevEndpointException UnsupportedType(string column, Type type) =>
        new($"FillMissingValues: column '{column}' holds {type.Name} values; a model fills numbers, text and booleans. Fill it with FillMissingValues(\"{column}\", FillMethod.Mode) or Constant instead.");

    public static DevEndpointException NoValues(string column) =>
        new($"FillMissingValues: column '{column}' has no values to learn from: every row is missing it.");
}
