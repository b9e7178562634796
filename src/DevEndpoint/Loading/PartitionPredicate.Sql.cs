namespace DevEndpoint.Loading;

/// <summary>What a database writes for the parts of a predicate pushed down as SQL (see <see cref="PartitionPredicate.ToSql"/>).</summary>
internal interface ISqlPredicateWriter
{
    /// <summary>A column, quoted for the engine.</summary>
    string Column(string name);

    /// <summary>A column compared as text (by LIKE).</summary>
    string TextColumn(string name);

    /// <summary>
    /// A parameter placeholder holding <paramref name="literal"/>, converted to the type of <paramref name="column"/>
    /// (the column it is compared with; <c>null</c> for text).
    /// </summary>
    string Value(string? column, string literal);
}

public sealed partial class PartitionPredicate
{
    /// <summary>
    /// The predicate as a SQL condition over columns, for a database to evaluate: column names come from
    /// <see cref="ISqlPredicateWriter.Column"/>, every value becomes a parameter from <see cref="ISqlPredicateWriter.Value"/>;
    /// no text of the predicate is pasted into the SQL.
    /// </summary>
    internal string ToSql(ISqlPredicateWriter writer) => Sql(root, writer);

    private static string Sql(Node node, ISqlPredicateWriter writer) => node switch
    {
        And and => $"({Sql(and.Left, writer)} AND {Sql(and.Right, writer)})",
        Or or => $"({Sql(or.Left, writer)} OR {Sql(or.Right, writer)})",
        Not not => $"(NOT {Sql(not.Inner, writer)})",
        Comparison c => $"{Sql(c.Left, KeyOf(c.Right), writer)} {(c.Operator == "!=" ? "<>" : c.Operator)} {Sql(c.Right, KeyOf(c.Left), writer)}",
        In i => $"{Sql(i.Operand, null, writer)} IN ({string.Join(", ", i.List.Select(item => Sql(item, KeyOf(i.Operand), writer)))})",
        Between b => $"{Sql(b.Operand, null, writer)} BETWEEN {Sql(b.Low, KeyOf(b.Operand), writer)} AND {Sql(b.High, KeyOf(b.Operand), writer)}",
        Like like => $"{(like.Operand is KeyOperand key ? writer.TextColumn(key.Name) : Sql(like.Operand, null, writer))} LIKE {writer.Value(null, like.Text)}",
        IsNull isNull => $"{Sql(isNull.Operand, null, writer)} IS NULL",
        _ => throw new InvalidOperationException($"No SQL for {node.GetType().Name}."),
    };

    /// <summary>An operand: a column, or a parameter typed as <paramref name="comparedWith"/>.</summary>
    private static string Sql(Operand operand, string? comparedWith, ISqlPredicateWriter writer) => operand switch
    {
        KeyOperand key => writer.Column(key.Name),
        LiteralOperand literal => writer.Value(comparedWith, literal.Literal),
        _ => throw new InvalidOperationException($"No SQL for {operand.GetType().Name}."),
    };

    private static string? KeyOf(Operand operand) => (operand as KeyOperand)?.Name;
}
