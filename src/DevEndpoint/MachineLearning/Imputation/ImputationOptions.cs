namespace DevEndpoint.MachineLearning.Imputation;

/// <summary>How <see cref="MissingValues"/> learns the values it fills in.</summary>
public sealed record ImputationOptions
{
    /// <summary>The columns the model learns from. Default <c>null</c>: every other column but earlier <c>_filled</c> ones.</summary>
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>The seed of the trainers: the same values for the same seed and data. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>The trees of a numeric column's FastTree regression. Default 100.</summary>
    public int Trees { get; init; } = 100;

    /// <summary>A text column with at most this many distinct values is one-hot encoded; one with more is hashed by its words. Default 50.</summary>
    public int MaxCategories { get; init; } = 50;

    /// <summary>The slots a hashed text column's words fall into. Default 64.</summary>
    public int HashSlots { get; init; } = 64;
}
