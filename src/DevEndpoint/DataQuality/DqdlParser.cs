using System.Globalization;

namespace DevEndpoint.DataQuality;

/// <summary>
/// Reads a ruleset in Glue's DQDL: <c>Rules = [ rule, rule, ... ]</c>. A syntax error names its line and column and
/// what was expected there.
/// </summary>
internal sealed class DqdlParser
{
    private const string ConditionExpected = "a condition such as > 0.9, between 1 and 5, in [\"a\", \"b\"] or matches \"[a-z]+\"";
    private const string ValueExpected = "a number, a quoted string, now(), or avg(last(n)) (also min, max, sum, std)";

    private static readonly Dictionary<string, DqdlOperator> Comparisons = new(StringComparer.Ordinal)
    {
        ["="] = DqdlOperator.Equal,
        ["!="] = DqdlOperator.NotEqual,
        [">"] = DqdlOperator.Greater,
        [">="] = DqdlOperator.GreaterOrEqual,
        ["<"] = DqdlOperator.Less,
        ["<="] = DqdlOperator.LessOrEqual,
    };

    private static readonly Dictionary<string, TimeSpan> Units = new(StringComparer.Ordinal)
    {
        ["days"] = TimeSpan.FromDays(1),
        ["day"] = TimeSpan.FromDays(1),
        ["hours"] = TimeSpan.FromHours(1),
        ["hour"] = TimeSpan.FromHours(1),
        ["minutes"] = TimeSpan.FromMinutes(1),
        ["minute"] = TimeSpan.FromMinutes(1),
    };

    private static readonly string[] HistoryFunctions = ["avg", "min", "max", "sum", "std"];

    private readonly string text;
    private readonly List<DqdlToken> tokens;
    private int next;

    private DqdlParser(string text)
    {
        this.text = text;
        tokens = DqdlTokens.Read(text);
    }

    public static DqdlRuleset Parse(string text)
    {
        var parser = new DqdlParser(text);
        return parser.Ruleset();
    }

    private DqdlToken Current => tokens[next];

    private DqdlRuleset Ruleset()
    {
        if (!Current.Is("Rules"))
        {
            throw Expected("'Rules = [' to start the ruleset");
        }

        next++;
        Expect("=", "'=' after Rules");
        Expect("[", "'[' to open the list of rules");
        var rules = new List<DqdlRule>();
        while (!Current.Is("]"))
        {
            rules.Add(Rule());
            if (Current.Is(","))
            {
                next++;
            }
            else if (!Current.Is("]"))
            {
                throw Expected("',' between rules or ']' to close the list");
            }
        }

        if (rules.Count == 0)
        {
            throw Expected("a rule, such as RowCount > 0");
        }

        next++;
        if (Current.Kind != DqdlTokenKind.End)
        {
            throw Expected("the end of the ruleset after its ']'");
        }

        return new DqdlRuleset(rules);
    }

    private DqdlRule Rule()
    {
        var first = Current;
        if (!Current.Is("("))
        {
            return SimpleRule();
        }

        var rules = new List<DqdlRule> { Parenthesised() };
        bool? and = null;
        while (Current.Is("and") || Current.Is("or"))
        {
            var isAnd = Current.Value == "and";
            if (and is { } previous && previous != isAnd)
            {
                throw DataQualityErrors.Syntax(Current.Position, "'and' and 'or' are mixed without parentheses; expected the same operator, or parentheses around one part, as in (a) and ((b) or (c))");
            }

            and = isAnd;
            next++;
            if (!Current.Is("("))
            {
                throw Expected($"'(' around the rule after '{(isAnd ? "and" : "or")}'");
            }

            rules.Add(Parenthesised());
        }

        return and is { } joined
            ? new DqdlCompositeRule(TextOf(first), first.Position, joined, rules)
            : rules[0];
    }

    private DqdlRule Parenthesised()
    {
        next++;
        var rule = Rule();
        Expect(")", "')' to close the rule");
        return rule;
    }

    private DqdlSimpleRule SimpleRule()
    {
        var first = Current;
        var type = RuleType();
        next++;
        var parameters = Parameters(type);
        // CustomSql without a condition is Glue's row-level form: the query returns the rows of primary that pass.
        var condition = type.Condition && !(type.Name == "CustomSql" && !StartsCondition()) ? RuleCondition(first) : null;
        var (where, threshold) = Clauses();
        if (!type.Condition && StartsCondition())
        {
            throw DataQualityErrors.Syntax(Current.Position, $"{type.Name} takes no condition; expected ',' or ']' after it, as in {type.Example}");
        }

        return new DqdlSimpleRule(TextOf(first), first.Position, type.Name, parameters, condition, where, threshold);
    }

    /// <summary>The rule type the current word names; a word that names none gets the closest names as a hint.</summary>
    private DqdlRuleType RuleType()
    {
        var first = Current;
        if (first.Kind != DqdlTokenKind.Word)
        {
            throw Expected("a rule type, such as RowCount or IsComplete");
        }

        if (!DqdlRuleTypes.All.TryGetValue(first.Value, out var type))
        {
            var closest = ClosestNames.Find(first.Value, DqdlRuleTypes.All.Keys).ToList();
            var hint = closest.Count > 0 ? $"the closest are {string.Join(", ", closest)}" : $"the rule types are {string.Join(", ", DqdlRuleTypes.All.Keys)}";
            throw DataQualityErrors.Syntax(first.Position, $"'{first.Value}' is not a rule type; {hint}");
        }

        return type;
    }

    /// <summary>The quoted parameters after the rule type: as many as it takes, or more where it takes a list.</summary>
    private List<string> Parameters(DqdlRuleType type)
    {
        var parameters = new List<string>();
        while (Current.Kind == DqdlTokenKind.Text && (parameters.Count < type.Parameters || type.MoreParameters))
        {
            parameters.Add(Current.Value);
            next++;
        }

        if (parameters.Count < type.Parameters)
        {
            var what = type.Parameters == 1 ? "a quoted parameter" : $"{type.Parameters} quoted parameters";
            throw Expected($"{what} after {type.Name}, as in {type.Example}");
        }

        return parameters;
    }

    private DqdlCondition RuleCondition(DqdlToken first) =>
        StartsCondition() ? Condition() : throw Expected($"{ConditionExpected} after {TextOf(first)}");

    /// <summary>The optional <c>where "..."</c> and <c>with threshold ...</c> clauses, each at most once, in either order.</summary>
    private (string? Where, DqdlCondition? Threshold) Clauses()
    {
        string? where = null;
        DqdlCondition? threshold = null;
        while (true)
        {
            if (Current.Is("where") && where is null)
            {
                where = WhereClause();
            }
            else if (Current.Is("with") && threshold is null)
            {
                threshold = ThresholdClause();
            }
            else
            {
                return (where, threshold);
            }
        }
    }

    private string WhereClause()
    {
        next++;
        if (Current.Kind != DqdlTokenKind.Text)
        {
            throw Expected("a quoted SQL predicate after 'where', as in where \"amount > 0\"");
        }

        var where = Current.Value;
        next++;
        return where;
    }

    private DqdlCondition ThresholdClause()
    {
        next++;
        if (!Current.Is("threshold"))
        {
            throw Expected("'threshold' after 'with', as in with threshold > 0.9");
        }

        next++;
        if (Current.Kind != DqdlTokenKind.Symbol || !Comparisons.ContainsKey(Current.Value))
        {
            throw Expected("a comparison (=, !=, >, >=, <, <=) after 'with threshold'");
        }

        return Condition();
    }

    private bool StartsCondition() =>
        (Current.Kind == DqdlTokenKind.Symbol && Comparisons.ContainsKey(Current.Value))
        || Current.Is("between") || Current.Is("in") || Current.Is("matches") || Current.Is("not");

    private DqdlCondition Condition()
    {
        var negated = false;
        if (Current.Is("not"))
        {
            negated = true;
            next++;
            if (!Current.Is("between") && !Current.Is("in") && !Current.Is("matches"))
            {
                throw Expected("'between', 'in' or 'matches' after 'not'");
            }
        }

        var word = Current.Value;
        next++;
        switch (word)
        {
            case "between":
                var low = Expression();
                Expect("and", "'and' between the two bounds of between, as in between 1 and 5");
                var high = Expression();
                return new DqdlCondition(negated ? DqdlOperator.NotBetween : DqdlOperator.Between, [low, high]);
            case "in":
                return new DqdlCondition(negated ? DqdlOperator.NotIn : DqdlOperator.In, List());
            case "matches":
                if (Current.Kind != DqdlTokenKind.Text)
                {
                    throw Expected("a quoted regular expression after 'matches', as in matches \"[A-Z]{2}[0-9]+\"");
                }

                var pattern = Current.Value;
                next++;
                return new DqdlCondition(negated ? DqdlOperator.NotMatches : DqdlOperator.Matches, [new DqdlText(pattern)]);
            default:
                return new DqdlCondition(Comparisons[word], [Expression()]);
        }
    }

    private List<DqdlExpression> List()
    {
        Expect("[", "'[' to open the list of values after 'in'");
        var items = new List<DqdlExpression>();
        while (true)
        {
            items.Add(Current switch
            {
                { Kind: DqdlTokenKind.Text } t => new DqdlText(t.Value),
                { Kind: DqdlTokenKind.Number } t => new DqdlNumber(Number(t)),
                { Kind: DqdlTokenKind.Word, Value: "NULL" or "null" } => new DqdlNull(),
                _ => throw Expected("a quoted string, a number or NULL in the list"),
            });
            next++;
            if (Current.Is("]"))
            {
                next++;
                return items;
            }

            Expect(",", "',' between values or ']' to close the list");
        }
    }

    private DqdlExpression Expression()
    {
        var left = Term();
        while (Current.Is("+") || Current.Is("-"))
        {
            var op = Current.Value[0];
            next++;
            left = new DqdlArithmetic(op, left, Term());
        }

        return left;
    }

    private DqdlExpression Term()
    {
        var left = Factor();
        while (Current.Is("*") || Current.Is("/"))
        {
            var op = Current.Value[0];
            next++;
            left = new DqdlArithmetic(op, left, Factor());
        }

        return left;
    }

    private DqdlExpression Factor()
    {
        var token = Current;
        switch (token.Kind)
        {
            case DqdlTokenKind.Number:
                next++;
                if (Current.Kind == DqdlTokenKind.Word && Units.TryGetValue(Current.Value, out var unit))
                {
                    next++;
                    return new DqdlDuration(unit * Number(token));
                }

                return new DqdlNumber(Number(token));
            case DqdlTokenKind.Text:
                next++;
                return new DqdlText(token.Value);
            case DqdlTokenKind.Symbol when token.Value == "-":
                next++;
                return new DqdlArithmetic('-', new DqdlNumber(0), Factor());
            case DqdlTokenKind.Symbol when token.Value == "(":
                next++;
                var inner = Expression();
                Expect(")", "')' to close the expression");
                return inner;
            case DqdlTokenKind.Word when token.Value == "now":
                next++;
                Expect("(", "'(' after now");
                Expect(")", "')' after now(");
                return new DqdlNow();
            case DqdlTokenKind.Word when HistoryFunctions.Contains(token.Value) || token.Value == "index":
                next++;
                Expect("(", $"'(' after {token.Value}");
                var count = Last();
                var index = 0;
                if (token.Value == "index")
                {
                    Expect(",", "',' and the index after last(n), as in index(last(3), 0)");
                    index = WholeNumber("a whole number index, 0 for the latest value");
                }

                Expect(")", $"')' to close {token.Value}(");
                return new DqdlHistory(token.Value, count, index);
            case DqdlTokenKind.Word when token.Value is "last":
                throw DataQualityErrors.Syntax(token.Position, "last(n) gives several values; expected a function of them, such as avg(last(n)), min, max, sum, std or index(last(n), i)");
            default:
                throw Expected(ValueExpected);
        }
    }

    private int Last()
    {
        if (!Current.Is("last"))
        {
            throw Expected("last(n), the rule's last n values, as in avg(last(10))");
        }

        next++;
        Expect("(", "'(' after last");
        var count = WholeNumber("how many of the last values to read, a whole number of at least 1, as in last(10)");
        if (count < 1)
        {
            throw DataQualityErrors.Syntax(tokens[next - 1].Position, "last(n) reads at least one value; expected a whole number of at least 1");
        }

        Expect(")", "')' to close last(");
        return count;
    }

    private int WholeNumber(string what)
    {
        if (Current.Kind != DqdlTokenKind.Number || !int.TryParse(Current.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw Expected(what);
        }

        next++;
        return value;
    }

    private static double Number(DqdlToken token) => double.Parse(token.Value, NumberStyles.Float, CultureInfo.InvariantCulture);

    private void Expect(string symbol, string what)
    {
        if (!Current.Is(symbol))
        {
            throw Expected(what);
        }

        next++;
    }

    private DevEndpointException Expected(string what) => DataQualityErrors.Syntax(Current.Position, $"expected {what}, found {Current.Shown}");

    /// <summary>The rule as written, from its first token to the one before the current.</summary>
    private string TextOf(DqdlToken first) => string.Join(' ', text[first.Start..tokens[next - 1].End].Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
}
