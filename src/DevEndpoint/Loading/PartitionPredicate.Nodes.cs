using System.Text;
using System.Text.RegularExpressions;

namespace DevEndpoint.Loading;

public sealed partial class PartitionPredicate
{
    private abstract record Node
    {
        /// <summary>SQL's three-valued logic: <c>null</c> is unknown (a comparison with a null value, or with a value not known yet).</summary>
        public abstract bool? Evaluate(IPredicateRow row);
    }

    private abstract record Operand
    {
        public abstract object? Value(IPredicateRow row);
    }

    private sealed record KeyOperand(string Name) : Operand
    {
        public override object? Value(IPredicateRow row) => row.Value(Name);
    }

    private sealed record LiteralOperand(string Literal, int Position) : Operand
    {
        private readonly PredicateLiteral value = new(Literal);

        public override object? Value(IPredicateRow row) => value;
    }

    private sealed record And(Node Left, Node Right) : Node
    {
        public override bool? Evaluate(IPredicateRow row)
        {
            var left = Left.Evaluate(row);
            if (left is false)
            {
                return false;
            }

            var right = Right.Evaluate(row);
            return right is false ? false : left is null || right is null ? null : true;
        }
    }

    private sealed record Or(Node Left, Node Right) : Node
    {
        public override bool? Evaluate(IPredicateRow row)
        {
            var left = Left.Evaluate(row);
            if (left is true)
            {
                return true;
            }

            var right = Right.Evaluate(row);
            return right is true ? true : left is null || right is null ? null : false;
        }
    }

    private sealed record Not(Node Inner) : Node
    {
        public override bool? Evaluate(IPredicateRow row) => !Inner.Evaluate(row);
    }

    private sealed record Comparison(Operand Left, string Operator, Operand Right) : Node
    {
        public override bool? Evaluate(IPredicateRow row)
        {
            var order = PredicateValues.Compare(Left.Value(row), Right.Value(row));
            return order is not { } o ? null : Operator switch
            {
                "=" => o == 0,
                "<>" or "!=" => o != 0,
                "<" => o < 0,
                ">" => o > 0,
                "<=" => o <= 0,
                _ => o >= 0,
            };
        }
    }

    private sealed record In(Operand Operand, IReadOnlyList<Operand> List) : Node
    {
        public override bool? Evaluate(IPredicateRow row)
        {
            var value = Operand.Value(row);
            if (value is null || PredicateValues.IsUnknown(value))
            {
                return null;
            }

            var unknown = false;
            foreach (var item in List)
            {
                var order = PredicateValues.Compare(value, item.Value(row));
                if (order == 0)
                {
                    return true;
                }

                unknown |= order is null;
            }

            return unknown ? null : false;
        }
    }

    private sealed record Between(Operand Operand, Operand Low, Operand High) : Node
    {
        public override bool? Evaluate(IPredicateRow row)
        {
            var value = Operand.Value(row);
            var low = PredicateValues.Compare(value, Low.Value(row));
            var high = PredicateValues.Compare(value, High.Value(row));
            return low is null || high is null ? null : low >= 0 && high <= 0;
        }
    }

    private sealed record Like(Operand Operand, Regex Pattern, string Text) : Node
    {
        public override bool? Evaluate(IPredicateRow row) =>
            Operand.Value(row) is { } value && !PredicateValues.IsUnknown(value) ? Pattern.IsMatch(PredicateValues.Text(value)) : null;

        public static Regex Compile(string pattern)
        {
            var regex = new StringBuilder("^");
            foreach (var c in pattern)
            {
                regex.Append(c switch
                {
                    '%' => ".*",
                    '_' => ".",
                    _ => Regex.Escape(c.ToString()),
                });
            }

            return new Regex(regex.Append('$').ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant);
        }
    }

    private sealed record IsNull(Operand Operand) : Node
    {
        public override bool? Evaluate(IPredicateRow row) => Operand.Value(row) switch
        {
            null => true,
            var value when PredicateValues.IsUnknown(value) => null,
            _ => false,
        };
    }
}
