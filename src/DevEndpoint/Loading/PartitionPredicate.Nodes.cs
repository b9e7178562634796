using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DevEndpoint.Loading;

public sealed partial class PartitionPredicate
{
    private abstract record Node
    {
        /// <summary>SQL's three-valued logic: <c>null</c> is unknown (a comparison with a null value).</summary>
        public abstract bool? Evaluate(IReadOnlyDictionary<string, string?> values);
    }

    private abstract record Operand
    {
        public abstract string? Value(IReadOnlyDictionary<string, string?> values);
    }

    private sealed record KeyOperand(string Name) : Operand
    {
        public override string? Value(IReadOnlyDictionary<string, string?> values) =>
            values.TryGetValue(Name, out var value) ? value
            : values.FirstOrDefault(p => string.Equals(p.Key, Name, StringComparison.OrdinalIgnoreCase)).Value;
    }

    private sealed record LiteralOperand(string Literal) : Operand
    {
        public override string? Value(IReadOnlyDictionary<string, string?> values) => Literal;
    }

    private sealed record And(Node Left, Node Right) : Node
    {
        public override bool? Evaluate(IReadOnlyDictionary<string, string?> values) =>
            Left.Evaluate(values) is false || Right.Evaluate(values) is false ? false
            : Left.Evaluate(values) is null || Right.Evaluate(values) is null ? null
            : true;
    }

    private sealed record Or(Node Left, Node Right) : Node
    {
        public override bool? Evaluate(IReadOnlyDictionary<string, string?> values) =>
            Left.Evaluate(values) is true || Right.Evaluate(values) is true ? true
            : Left.Evaluate(values) is null || Right.Evaluate(values) is null ? null
            : false;
    }

    private sealed record Not(Node Inner) : Node
    {
        public override bool? Evaluate(IReadOnlyDictionary<string, string?> values) => !Inner.Evaluate(values);
    }

    private sealed record Comparison(Operand Left, string Operator, Operand Right) : Node
    {
        public override bool? Evaluate(IReadOnlyDictionary<string, string?> values)
        {
            var left = Left.Value(values);
            var right = Right.Value(values);
            if (left is null || right is null)
            {
                return null;
            }

            var order = Compare(left, right);
            return Operator switch
            {
                "=" => order == 0,
                "<>" or "!=" => order != 0,
                "<" => order < 0,
                ">" => order > 0,
                "<=" => order <= 0,
                _ => order >= 0,
            };
        }
    }

    private sealed record In(Operand Operand, IReadOnlyList<Operand> List) : Node
    {
        public override bool? Evaluate(IReadOnlyDictionary<string, string?> values)
        {
            var value = Operand.Value(values);
            return value is null ? null : List.Any(item => item.Value(values) is { } candidate && Compare(value, candidate) == 0);
        }
    }

    private sealed record Between(Operand Operand, Operand Low, Operand High) : Node
    {
        public override bool? Evaluate(IReadOnlyDictionary<string, string?> values)
        {
            var value = Operand.Value(values);
            var low = Low.Value(values);
            var high = High.Value(values);
            return value is null || low is null || high is null ? null : Compare(value, low) >= 0 && Compare(value, high) <= 0;
        }
    }

    private sealed record Like(Operand Operand, Regex Pattern, string Text) : Node
    {
        public override bool? Evaluate(IReadOnlyDictionary<string, string?> values) =>
            Operand.Value(values) is { } value ? Pattern.IsMatch(value) : null;

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
        public override bool? Evaluate(IReadOnlyDictionary<string, string?> values) => Operand.Value(values) is null;
    }

    private static int Compare(string left, string right) =>
        decimal.TryParse(left, NumberStyles.Number, CultureInfo.InvariantCulture, out var a)
        && decimal.TryParse(right, NumberStyles.Number, CultureInfo.InvariantCulture, out var b)
            ? a.CompareTo(b)
            : string.CompareOrdinal(left, right);
}
