using System.Globalization;
using DevEndpoint.Sql;

namespace DevEndpoint.DataQuality;

/// <summary>The rules checked row by row (ColumnValues, ColumnLength, DataFreshness, ColumnDataType) as SQL predicates.</summary>
internal sealed partial class RulesetRun
{
    private static readonly Dictionary<string, string> CastTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["BOOLEAN"] = "BOOLEAN",
        ["INTEGER"] = "INTEGER",
        ["LONG"] = "BIGINT",
        ["FLOAT"] = "FLOAT",
        ["DOUBLE"] = "DOUBLE",
        ["DECIMAL"] = "DECIMAL(38, 10)",
        ["DATE"] = "DATE",
        ["TIMESTAMP"] = "TIMESTAMP",
        ["STRING"] = "VARCHAR",
    };

    private Func<Outcome> PlanRowLevel(Check check)
    {
        var rule = check.Rule;
        var predicate = Predicate(rule);
        var passing = Add(check, $"count(*) FILTER (WHERE {Where(rule, predicate)})");
        var rows = Add(check, $"count(*){Filter(rule.Where)}");
        return () => Compliance(rule, $"Column.{rule.Parameters[0]}.{rule.Type}.Compliance", Required(passing), Required(rows));
    }

    private static string Where(DqdlSimpleRule rule, string predicate) => rule.Where is { } where ? $"({where}) AND ({predicate})" : predicate;

    /// <summary>The SQL predicate a row meets for a row-level rule; a null value meets none but <c>in [..., NULL]</c> and <c>not in</c>.</summary>
    private string Predicate(DqdlSimpleRule rule)
    {
        var column = RequireColumn(rule, 0);
        Column(rule.Parameters[0], out var type);
        var condition = rule.Condition!;
        if (condition.IsDynamic)
        {
            throw new DevEndpointException($"{rule.Type} checks each value; last(n) reads a metric's history and has no value per row. Compare with numbers, strings or now().");
        }

        return rule.Type switch
        {
            "ColumnLength" => Compare($"length(CAST({column} AS VARCHAR))", condition, o => Number(o, rule)),
            "DataFreshness" => Compare($"(epoch({Timestamp(now)}) - epoch({column}))", condition, o => Seconds(o, rule)),
            _ => Values(column, type, condition),
        };
    }

    private static string Compare(string expression, DqdlCondition condition, Func<DqdlExpression, string> literal)
    {
        var operands = condition.Operands.Select(literal).ToList();
        var test = condition.Operator switch
        {
            DqdlOperator.Between => $"{expression} BETWEEN {operands[0]} AND {operands[1]}",
            DqdlOperator.NotBetween => $"{expression} NOT BETWEEN {operands[0]} AND {operands[1]}",
            DqdlOperator.In => $"{expression} IN ({string.Join(", ", operands)})",
            DqdlOperator.NotIn => $"{expression} NOT IN ({string.Join(", ", operands)})",
            DqdlOperator.Matches or DqdlOperator.NotMatches => throw new DevEndpointException("matches compares text; use =, <, between or in here."),
            var op => $"{expression} {Symbol(op)} {operands[0]}",
        };
        return $"coalesce({test}, false)";
    }

    private string Values(string column, string type, DqdlCondition condition)
    {
        var text = type == "VARCHAR";
        var temporal = type is "DATE" || type.StartsWith("TIMESTAMP", StringComparison.Ordinal);
        var operands = condition.Operands.Where(o => o is not DqdlNull).Select(Value).ToList();
        var listsNull = condition.Operands.Any(o => o is DqdlNull);
        string test;
        switch (condition.Operator)
        {
            case DqdlOperator.Matches or DqdlOperator.NotMatches:
                var match = $"regexp_full_match(CAST({column} AS VARCHAR), {SqlText.Literal(((DqdlText)condition.Operands[0]).Value)})";
                test = condition.Operator == DqdlOperator.Matches ? match : $"NOT {match}";
                break;
            case DqdlOperator.In or DqdlOperator.NotIn:
                var asText = text || operands.Any(o => o is string);
                var left = asText && !text ? $"CAST({column} AS VARCHAR)" : column;
                var items = operands.Select(o => asText ? SqlText.Literal(o is double d ? Show(d) : Convert.ToString(o, CultureInfo.InvariantCulture)!) : Literal(o)).ToList();
                var inList = items.Count == 0 ? "false" : $"{left} IN ({string.Join(", ", items)})";
                return condition.Operator == DqdlOperator.In
                    ? $"coalesce({inList}{(listsNull ? $" OR {column} IS NULL" : string.Empty)}, false)"
                    : listsNull ? $"coalesce({column} IS NOT NULL AND NOT ({inList}), false)" : $"coalesce({column} IS NULL OR NOT ({inList}), false)";
            default:
                var zoned = type.Contains("TIME ZONE", StringComparison.Ordinal);
                var subject = operands.Any(o => o is DateTime) ? zoned ? column : $"CAST({column} AS TIMESTAMP)"
                    : operands.Any(o => o is double) && text ? $"TRY_CAST({column} AS DOUBLE)"
                    : operands.Any(o => o is string) && !text && !temporal ? $"CAST({column} AS VARCHAR)"
                    : column;
                var literals = operands.Select(o => o is DateTime time && zoned ? $"TIMESTAMPTZ '{time.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)}+00'" : Literal(o)).ToList();
                test = condition.Operator switch
                {
                    DqdlOperator.Between => $"{subject} BETWEEN {literals[0]} AND {literals[1]}",
                    DqdlOperator.NotBetween => $"{subject} NOT BETWEEN {literals[0]} AND {literals[1]}",
                    var op => $"{subject} {Symbol(op)} {literals[0]}",
                };
                break;
        }

        return $"coalesce({test}, false)";
    }

    private Func<Outcome> PlanDataType(Check check)
    {
        var rule = check.Rule;
        var column = RequireColumn(rule, 0);
        Column(rule.Parameters[0], out var type);
        var condition = rule.Condition!;
        if (condition.Operator is not (DqdlOperator.Equal or DqdlOperator.In or DqdlOperator.NotEqual or DqdlOperator.NotIn)
            || condition.Operands.Any(o => o is not DqdlText))
        {
            throw new DevEndpointException($"ColumnDataType takes = \"TYPE\" or in [\"TYPE\", ...], with the types {string.Join(", ", CastTypes.Keys)}.");
        }

        var names = condition.Operands.Cast<DqdlText>().Select(t => t.Value.ToUpperInvariant()).ToList();
        if (names.FirstOrDefault(n => !CastTypes.ContainsKey(n)) is { } unknown)
        {
            throw new DevEndpointException($"ColumnDataType: '{unknown}' is not a type; the types are {string.Join(", ", CastTypes.Keys)}.");
        }

        var positive = condition.Operator is DqdlOperator.Equal or DqdlOperator.In;
        var declared = GlueType(type);
        if (names.Contains(declared) == positive)
        {
            return Passed;
        }

        if (!positive || declared != "STRING")
        {
            return () => Failed($"Column {rule.Parameters[0]} is {declared}, {(positive ? "not " : string.Empty)}{string.Join(" or ", names)}.");
        }

        var castable = string.Join(" OR ", names.Select(n => $"TRY_CAST({column} AS {CastTypes[n]}) IS NOT NULL"));
        var passing = Add(check, $"count({column}) FILTER (WHERE {(rule.Where is { } w ? $"({w}) AND " : string.Empty)}({castable}))");
        var values = Add(check, $"count({column}){Filter(rule.Where)}");
        return () => Compliance(rule, $"Column.{rule.Parameters[0]}.ColumnDataType.Compliance", Required(passing), Required(values));
    }

    /// <summary>Glue's name of a DuckDB type, as ColumnDataType compares them.</summary>
    private static string GlueType(string type) => type switch
    {
        "BOOLEAN" => "BOOLEAN",
        "TINYINT" or "SMALLINT" or "INTEGER" or "UTINYINT" or "USMALLINT" => "INTEGER",
        "BIGINT" or "UINTEGER" or "HUGEINT" or "UBIGINT" => "LONG",
        "FLOAT" => "FLOAT",
        "DOUBLE" => "DOUBLE",
        "DATE" => "DATE",
        _ when type.StartsWith("DECIMAL", StringComparison.Ordinal) => "DECIMAL",
        _ when type.StartsWith("TIMESTAMP", StringComparison.Ordinal) => "TIMESTAMP",
        _ => "STRING",
    };

    /// <summary>An operand of a row-level condition as a value: a number, text or a time (now() give or take a duration).</summary>
    private object Value(DqdlExpression expression) => expression switch
    {
        DqdlNumber n => n.Value,
        DqdlText t => t.Value,
        DqdlNow => now,
        DqdlArithmetic { Left: var l, Right: var r, Operator: var op } => (Value(l), Value(r), op) switch
        {
            (DateTime time, TimeSpan span, '-') => time - span,
            (DateTime time, TimeSpan span, '+') => time + span,
            (double a, double b, _) => op switch { '+' => a + b, '-' => a - b, '*' => a * b, _ => a / b },
            (TimeSpan span, double b, '*') => span * b,
            _ => throw new DevEndpointException("An operand combines values that do not go together: use now() - 3 days, or numbers."),
        },
        DqdlDuration d => d.Value,
        _ => throw new DevEndpointException("NULL goes only in a list, as in [\"a\", NULL]."),
    };

    private string Number(DqdlExpression expression, DqdlSimpleRule rule) =>
        Value(expression) is double d ? Literal(d) : throw new DevEndpointException($"{rule.Type} compares lengths with numbers, as in {DqdlRuleTypes.All[rule.Type].Example}.");

    private string Seconds(DqdlExpression expression, DqdlSimpleRule rule) =>
        Value(expression) is TimeSpan span
            ? span.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)
            : throw new DevEndpointException($"DataFreshness compares ages with durations such as 24 hours, 3 days or 30 minutes, as in {DqdlRuleTypes.All[rule.Type].Example}.");

    private static string Literal(object value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime time => Timestamp(time),
        TimeSpan span => span.TotalSeconds.ToString("0", CultureInfo.InvariantCulture),
        _ => SqlText.Literal(Convert.ToString(value, CultureInfo.InvariantCulture)!),
    };

    private static string Timestamp(DateTime time) => $"TIMESTAMP '{time.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)}'";

    private static string Symbol(DqdlOperator op) => op switch
    {
        DqdlOperator.Equal => "=",
        DqdlOperator.NotEqual => "<>",
        DqdlOperator.Greater => ">",
        DqdlOperator.GreaterOrEqual => ">=",
        DqdlOperator.Less => "<",
        _ => "<=",
    };
}
