namespace DevEndpoint.DataQuality;

/// <summary>Where a piece of a ruleset starts: its 1-based line and column.</summary>
internal readonly record struct DqdlPosition(int Line, int Column)
{
    public override string ToString() => $"line {Line}, column {Column}";
}

/// <summary>A parsed ruleset: its rules in the order written.</summary>
internal sealed record DqdlRuleset(IReadOnlyList<DqdlRule> Rules);

/// <summary>One rule of a ruleset: a rule of one type, or rules joined by <c>and</c>/<c>or</c>.</summary>
internal abstract record DqdlRule(string Text, DqdlPosition Position);

/// <summary><c>(r1) and (r2) and ...</c> or <c>(r1) or (r2) or ...</c>.</summary>
internal sealed record DqdlCompositeRule(string Text, DqdlPosition Position, bool And, IReadOnlyList<DqdlRule> Rules) : DqdlRule(Text, Position);

/// <summary>
/// <c>RuleType "param" ... condition [where "predicate"] [with threshold op number]</c>: the rule's type, its quoted
/// parameters, the condition its metric must meet, the SQL predicate that picks the rows it reads, and the share of
/// rows that must pass a row-level condition.
/// </summary>
internal sealed record DqdlSimpleRule(
    string Text,
    DqdlPosition Position,
    string Type,
    IReadOnlyList<string> Parameters,
    DqdlCondition? Condition,
    string? Where,
    DqdlCondition? Threshold) : DqdlRule(Text, Position);

internal enum DqdlOperator
{
    Equal,
    NotEqual,
    Greater,
    GreaterOrEqual,
    Less,
    LessOrEqual,
    Between,
    NotBetween,
    In,
    NotIn,
    Matches,
    NotMatches,
}

/// <summary>A condition: an operator and its operands (one for a comparison, two for between, the items of in, a pattern).</summary>
internal sealed record DqdlCondition(DqdlOperator Operator, IReadOnlyList<DqdlExpression> Operands)
{
    public bool IsDynamic => Operands.Any(o => o.IsDynamic);
}

/// <summary>An operand of a condition.</summary>
internal abstract record DqdlExpression
{
    /// <summary>Whether it reads the history of the rule's metric (<c>last(n)</c>).</summary>
    public virtual bool IsDynamic => false;
}

internal sealed record DqdlNumber(double Value) : DqdlExpression;

internal sealed record DqdlText(string Value) : DqdlExpression;

internal sealed record DqdlNull : DqdlExpression;

/// <summary>A length of time: <c>3 days</c>, <c>24 hours</c>, <c>30 minutes</c>.</summary>
internal sealed record DqdlDuration(TimeSpan Value) : DqdlExpression;

/// <summary><c>now()</c>: the time the run started.</summary>
internal sealed record DqdlNow : DqdlExpression;

/// <summary><c>avg(last(n))</c>, <c>min</c>, <c>max</c>, <c>sum</c>, <c>std</c>, or <c>index(last(n), i)</c>, over the rule's metric's history.</summary>
internal sealed record DqdlHistory(string Function, int Count, int Index) : DqdlExpression
{
    public override bool IsDynamic => true;
}

/// <summary><c>left op right</c> with op one of + - * /.</summary>
internal sealed record DqdlArithmetic(char Operator, DqdlExpression Left, DqdlExpression Right) : DqdlExpression
{
    public override bool IsDynamic => Left.IsDynamic || Right.IsDynamic;
}
