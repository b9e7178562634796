namespace DevEndpoint.Loading;

/// <summary>What part of a table to load.</summary>
public sealed record LoadOptions
{
    /// <summary>Columns to return, in this order; <c>null</c> for all columns (data columns, then partition keys).</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>A predicate over partition keys (see <see cref="PartitionPredicate"/>); <c>null</c> for every partition.</summary>
    public string? Where { get; init; }

    /// <summary>Stop after this many rows; <c>null</c> for no limit.</summary>
    public long? Limit { get; init; }
}
