using DevEndpoint.Formats;

namespace DevEndpoint.Loading;

public sealed partial class PartitionPredicate
{
    /// <summary>The truth values a condition may take over a block of rows.</summary>
    [Flags]
    private enum Truths
    {
        False = 1,
        True = 2,
        Unknown = 4,
        Any = False | True | Unknown,
    }

    /// <summary>
    /// Whether some row of a block may satisfy the predicate, given what <paramref name="range"/> knows of its columns'
    /// values (<c>null</c> for a column it knows nothing of): <c>false</c> only when no row can, so the block need not be read.
    /// </summary>
    internal bool MayMatch(Func<string, ValueRange?> range) => Possible(root, range).HasFlag(Truths.True);

    private static Truths Possible(Node node, Func<string, ValueRange?> range) => node switch
    {
        And and => Combine(Possible(and.Left, range), Possible(and.Right, range), AndOf),
        Or or => Combine(Possible(or.Left, range), Possible(or.Right, range), OrOf),
        Not not => Negate(Possible(not.Inner, range)),
        Comparison { Left: KeyOperand key, Right: LiteralOperand literal } c => Compare(range(key.Name), c.Operator, literal.Literal),
        Comparison { Left: LiteralOperand literal, Right: KeyOperand key } c => Compare(range(key.Name), Mirror(c.Operator), literal.Literal),
        In { Operand: KeyOperand key } i when i.List.All(item => item is LiteralOperand) =>
            i.List.Select(item => Compare(range(key.Name), "=", ((LiteralOperand)item).Literal)).Aggregate((a, b) => Combine(a, b, OrOf)),
        Between { Operand: KeyOperand key, Low: LiteralOperand low, High: LiteralOperand high } => Combine(
            Compare(range(key.Name), ">=", low.Literal), Compare(range(key.Name), "<=", high.Literal), AndOf),
        IsNull { Operand: KeyOperand key } => range(key.Name) switch
        {
            null => Truths.Any,
            { AllNull: true } => Truths.True,
            { MayHaveNulls: true } => Truths.True | Truths.False,
            _ => Truths.False,
        },
        _ => Truths.Any,
    };

    /// <summary>The truth values <c>column op literal</c> may take for values in the range.</summary>
    private static Truths Compare(ValueRange? range, string op, string literal)
    {
        if (range is null)
        {
            return Truths.Any;
        }

        if (range.AllNull)
        {
            return Truths.Unknown;
        }

        if (PredicateValues.Compare(range.Min, literal) is not { } min || PredicateValues.Compare(range.Max, literal) is not { } max)
        {
            return Truths.Any;
        }

        var (mayTrue, mayFalse) = op switch
        {
            "=" => (min <= 0 && max >= 0, min != 0 || max != 0),
            "<>" or "!=" => (min != 0 || max != 0, min <= 0 && max >= 0),
            "<" => (min < 0, max >= 0),
            "<=" => (min <= 0, max > 0),
            ">" => (max > 0, min <= 0),
            _ => (max >= 0, min < 0),
        };
        return (mayTrue ? Truths.True : 0) | (mayFalse ? Truths.False : 0) | (range.MayHaveNulls ? Truths.Unknown : 0);
    }

    private static string Mirror(string op) => op switch
    {
        "<" => ">",
        ">" => "<",
        "<=" => ">=",
        ">=" => "<=",
        _ => op,
    };

    private static Truths Negate(Truths truths) =>
        (truths.HasFlag(Truths.True) ? Truths.False : 0) | (truths.HasFlag(Truths.False) ? Truths.True : 0) | (truths & Truths.Unknown);

    /// <summary>Every truth value <paramref name="combine"/> gives for a pair of the two sides' possible values.</summary>
    private static Truths Combine(Truths left, Truths right, Func<bool?, bool?, bool?> combine)
    {
        Truths result = 0;
        foreach (var a in Values(left))
        {
            foreach (var b in Values(right))
            {
                result |= combine(a, b) switch
                {
                    true => Truths.True,
                    false => Truths.False,
                    null => Truths.Unknown,
                };
            }
        }

        return result;
    }

    private static IEnumerable<bool?> Values(Truths truths)
    {
        if (truths.HasFlag(Truths.True))
        {
            yield return true;
        }

        if (truths.HasFlag(Truths.False))
        {
            yield return false;
        }

        if (truths.HasFlag(Truths.Unknown))
        {
            yield return null;
        }
    }

    /// <summary>SQL's AND and OR of two truth values (<c>null</c> unknown), as <see cref="And"/> and <see cref="Or"/> evaluate rows.</summary>
    private static bool? AndOf(bool? a, bool? b) => a is false || b is false ? false : a is null || b is null ? null : true;

    private static bool? OrOf(bool? a, bool? b) => a is true || b is true ? true : a is null || b is null ? null : false;
}
