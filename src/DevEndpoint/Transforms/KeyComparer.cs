namespace DevEndpoint.Transforms;

/// <summary>Compares rows' key values (one per key column) by value, nulls equal to each other.</summary>
internal sealed class KeyComparer : IEqualityComparer<object?[]>
{
    public static readonly KeyComparer Instance = new();

    public bool Equals(object?[]? x, object?[]? y) => x!.SequenceEqual(y!);

    public int GetHashCode(object?[] key) => key.Aggregate(0, (hash, value) => HashCode.Combine(hash, value));
}
