namespace DevEndpoint.Loading;

/// <summary>
/// A predicate over partition keys, as Glue's push-down predicates and <c>GetPartitions</c> expressions:
/// <c>year = '2024' AND month IN ('01','02')</c>. Supports <c>=, &lt;&gt;, !=, &lt;, &gt;, &lt;=, &gt;=, AND, OR, NOT,
/// IN, BETWEEN, LIKE, IS [NOT] NULL</c> and parentheses. It is parsed and evaluated here, never pasted into SQL.
/// Values compare as numbers when both sides are numbers, else as text.
/// </summary>
public sealed partial class PartitionPredicate
{
    private readonly Node root;

    private PartitionPredicate(string text, Node root, IReadOnlyList<KeyReference> keys)
    {
        Text = text;
        this.root = root;
        Keys = keys;
    }

    public string Text { get; }

    /// <summary>The partition keys the predicate names, with their 1-based positions in <see cref="Text"/>.</summary>
    public IReadOnlyList<KeyReference> Keys { get; }

    /// <summary>Parses a predicate; an invalid one throws a <see cref="DevEndpointException"/> that points at the position.</summary>
    public static PartitionPredicate Parse(string text)
    {
        var parser = new Parser(text);
        var node = parser.ParseAll();
        return new PartitionPredicate(text, node, parser.Keys);
    }

    /// <summary>Checks that every key the predicate names is a partition key of the table.</summary>
    public void Validate(string tableName, IReadOnlyList<string> partitionKeys)
    {
        foreach (var key in Keys)
        {
            if (partitionKeys.Contains(key.Name, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            if (partitionKeys.Count == 0)
            {
                throw new DevEndpointException(
                    $"Table {tableName} has no partition keys, so the predicate '{Text}' cannot select partitions. Leave out the predicate to load the whole table.");
            }

            var closest = ClosestNames.Find(key.Name, partitionKeys);
            var hint = closest.Count > 0 ? $" Did you mean '{closest[0]}'?" : string.Empty;
            throw new DevEndpointException(
                $"Unknown partition key '{key.Name}' at position {key.Position} of the predicate. Table {tableName} is partitioned by {string.Join(", ", partitionKeys)}.{hint}");
        }
    }

    /// <summary>
    /// Whether a partition with these key values satisfies the predicate (keys compared case-insensitively).
    /// As in SQL, a comparison with a null value is unknown, and only a predicate that is true selects.
    /// </summary>
    public bool Matches(IReadOnlyDictionary<string, string?> values) => root.Evaluate(values) is true;

    public override string ToString() => Text;

    /// <summary>A partition key named in a predicate.</summary>
    public sealed record KeyReference(string Name, int Position);
}
