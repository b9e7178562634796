using DevEndpoint.Catalog;

namespace DevEndpoint.Loading;

/// <summary>
/// A predicate over a table's columns, as Glue's push-down predicates and <c>GetPartitions</c> expressions:
/// <c>year = '2024' AND month IN ('01','02') AND amount &gt; 100</c>. Supports <c>=, &lt;&gt;, !=, &lt;, &gt;, &lt;=, &gt;=,
/// AND, OR, NOT, IN, BETWEEN, LIKE, IS [NOT] NULL</c>, <c>true</c>, <c>false</c> and parentheses. It is parsed and
/// evaluated here, never pasted into SQL. Terms on partition keys prune partitions before any file is opened; the whole
/// predicate then filters the rows read. Partition keys (and text columns) compare as numbers when both sides are
/// numbers, else as text; numeric, date, timestamp and boolean columns compare as their type. As in SQL, a comparison
/// with a null is not true.
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

    /// <summary>The columns (partition keys or data columns) the predicate names, with their 1-based positions in <see cref="Text"/>.</summary>
    public IReadOnlyList<KeyReference> Keys { get; }

    /// <summary>Parses a predicate; an invalid one throws a <see cref="DevEndpointException"/> that points at the position.</summary>
    public static PartitionPredicate Parse(string text)
    {
        var parser = new Parser(text);
        var node = parser.ParseAll();
        return new PartitionPredicate(text, node, parser.Keys);
    }

    /// <summary>
    /// Whether a partition with these key values satisfies the predicate (keys compared case-insensitively).
    /// As in SQL, a comparison with a null value is unknown, and only a predicate that is true selects.
    /// </summary>
    public bool Matches(IReadOnlyDictionary<string, string?> values) => root.Evaluate(new PartitionRow(values, null)) is true;

    public override string ToString() => Text;

    /// <summary>
    /// Checks that every column the predicate names is one of <paramref name="columns"/>, and that every value compared
    /// with a numeric, date, timestamp or boolean column is one of its type.
    /// </summary>
    internal void Check(string tableName, IReadOnlyList<Column> columns)
    {
        CheckColumns(tableName, columns);
        CheckValues(root, tableName, columns);
    }

    /// <summary>Checks that every column the predicate names is one of <paramref name="columns"/>.</summary>
    internal void CheckColumns(string tableName, IReadOnlyList<Column> columns)
    {
        foreach (var key in Keys)
        {
            if (!columns.Any(c => string.Equals(c.Name, key.Name, StringComparison.OrdinalIgnoreCase)))
            {
                var closest = ClosestNames.Find(key.Name, columns.Select(c => c.Name));
                var hint = closest.Count > 0 ? $" Did you mean '{closest[0]}'?" : string.Empty;
                throw new DevEndpointException(
                    $"Column '{key.Name}' at position {key.Position} of the predicate does not exist in {tableName}.{hint} Columns: {string.Join(", ", columns.Select(c => c.Name))}.");
            }
        }
    }

    /// <summary>
    /// Whether rows of a partition with these key values may satisfy the predicate, whatever the values of the other
    /// columns: <c>false</c> only when the predicate is not true for any of them (SQL's logic with those values unknown).
    /// </summary>
    internal bool MayMatch(IReadOnlyDictionary<string, string?> partitionValues) =>
        root.Evaluate(new PartitionRow(partitionValues, PredicateValues.Unknown)) is not false;

    /// <summary>Whether a row satisfies the predicate: only a predicate that is true keeps it.</summary>
    internal bool Matches(IPredicateRow row) => root.Evaluate(row) is true;

    /// <summary>Checks that a literal compared with a typed column is a value of its type.</summary>
    private static void CheckValues(Node node, string tableName, IReadOnlyList<Column> columns)
    {
        void Pair(Operand a, Operand b)
        {
            if (a is KeyOperand key && b is LiteralOperand literal
                && columns.FirstOrDefault(c => string.Equals(c.Name, key.Name, StringComparison.OrdinalIgnoreCase)) is { } column
                && PredicateValues.Convert(literal.Literal, column.Type) is null)
            {
                throw new DevEndpointException(
                    $"The value '{literal.Literal}' at position {literal.Position} of the predicate is not a value of type {column.Type} for column '{column.Name}' of {tableName}. Give a value of type {column.Type}, for example {PredicateValues.Example(column.Type)}.");
            }
        }

        switch (node)
        {
            case And and:
                CheckValues(and.Left, tableName, columns);
                CheckValues(and.Right, tableName, columns);
                break;
            case Or or:
                CheckValues(or.Left, tableName, columns);
                CheckValues(or.Right, tableName, columns);
                break;
            case Not not:
                CheckValues(not.Inner, tableName, columns);
                break;
            case Comparison c:
                Pair(c.Left, c.Right);
                Pair(c.Right, c.Left);
                break;
            case In i:
                i.List.ToList().ForEach(item => Pair(i.Operand, item));
                break;
            case Between b:
                Pair(b.Operand, b.Low);
                Pair(b.Operand, b.High);
                break;
        }
    }

    /// <summary>A column named in a predicate.</summary>
    public sealed record KeyReference(string Name, int Position);

    /// <summary>Partition key values by name; any other column is <paramref name="Other"/> (null, or not known yet).</summary>
    private sealed record PartitionRow(IReadOnlyDictionary<string, string?> Values, object? Other) : IPredicateRow
    {
        public object? Value(string name)
        {
            if (Values.TryGetValue(name, out var value))
            {
                return value;
            }

            foreach (var pair in Values)
            {
                if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return pair.Value;
                }
            }

            return Other;
        }
    }
}
