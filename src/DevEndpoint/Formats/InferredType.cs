using System.Globalization;
using DevEndpoint.Catalog;

namespace DevEndpoint.Formats;

/// <summary>The kinds of value type inference tells apart, narrowest first.</summary>
internal enum TypeKind
{
    Null,
    Boolean,
    Int,
    BigInt,
    Decimal,
    Double,
    Date,
    Timestamp,
    String,
    Struct,
    Array,
}

/// <summary>
/// A type inferred from sample values. Widening two types gives the narrowest type that holds both values
/// (int + bigint = bigint, int + decimal(4,2) = decimal, decimals = the widest integer part and fraction, date + timestamp = timestamp,
/// anything else mixed = string, with the conflicting types kept as a choice).
/// </summary>
internal sealed record InferredType(
    TypeKind Kind,
    int IntegerDigits = 0,
    int Scale = 0,
    IReadOnlyList<KeyValuePair<string, InferredType>>? Fields = null,
    InferredType? Element = null,
    IReadOnlyList<string>? Choices = null)
{
    public static readonly InferredType Null = new(TypeKind.Null);
    public static readonly InferredType Boolean = new(TypeKind.Boolean);
    public static readonly InferredType Double = new(TypeKind.Double);
    public static readonly InferredType Date = new(TypeKind.Date);
    public static readonly InferredType Timestamp = new(TypeKind.Timestamp);
    public static readonly InferredType String = new(TypeKind.String);

    private const int MaxDecimalPrecision = 38;
    private const int MaxInferredScale = 6;

    /// <summary>The int and bigint types by digit count, shared: inference meets them once per value.</summary>
    private static readonly InferredType[] Ints = [.. Enumerable.Range(0, MaxDecimalPrecision + 1).Select(d => new InferredType(TypeKind.Int, d))];

    private static readonly InferredType[] BigInts = [.. Enumerable.Range(0, MaxDecimalPrecision + 1).Select(d => new InferredType(TypeKind.BigInt, d))];

    /// <summary>The type of an integer of <paramref name="digits"/> digits (an optional sign first): fewer than ten always fit an int.</summary>
    public static InferredType Integer(string text, int digits) =>
        digits < 10 ? WholeNumber(TypeKind.Int, digits)
        : !long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? new(TypeKind.Decimal, digits)
        : WholeNumber(value is >= int.MinValue and <= int.MaxValue ? TypeKind.Int : TypeKind.BigInt, digits);

    /// <summary>The decimal types met so far, by integer digits and scale (filled as they are met; any copy is equal).</summary>
    private static readonly InferredType?[] Decimals = new InferredType?[(MaxDecimalPrecision + 1) * (MaxDecimalPrecision + 1)];

    private static InferredType WholeNumber(TypeKind kind, int digits) =>
        (uint)digits < (uint)Ints.Length ? (kind == TypeKind.Int ? Ints : BigInts)[digits] : new(kind, digits);

    /// <summary>The type of a decimal number of <paramref name="integerDigits"/> digits before its point and <paramref name="scale"/> after it.</summary>
    public static InferredType DecimalNumber(int integerDigits, int scale)
    {
        if ((uint)integerDigits > MaxDecimalPrecision || (uint)scale > MaxDecimalPrecision)
        {
            return new(TypeKind.Decimal, integerDigits, scale);
        }

        ref var known = ref Decimals[(integerDigits * (MaxDecimalPrecision + 1)) + scale];
        return known ??= new(TypeKind.Decimal, integerDigits, scale);
    }

    public InferredType Widen(InferredType other)
    {
        if (Kind == TypeKind.Null)
        {
            return other;
        }

        if (other.Kind == TypeKind.Null || this == other)
        {
            return this;
        }

        if (IsExactNumber(Kind) && IsExactNumber(other.Kind))
        {
            var digits = Math.Max(IntegerDigits, other.IntegerDigits);
            if (Kind is TypeKind.Int or TypeKind.BigInt && other.Kind is TypeKind.Int or TypeKind.BigInt)
            {
                return WholeNumber(Kind == TypeKind.BigInt || other.Kind == TypeKind.BigInt ? TypeKind.BigInt : TypeKind.Int, digits);
            }

            // Exact numbers stay exact: the widest integer part and the widest fraction ("1.5" and "2.25" make decimal(10,2)).
            return DecimalNumber(digits, Math.Max(Scale, other.Scale));
        }

        if (IsNumber(Kind) && IsNumber(other.Kind))
        {
            return Double;
        }

        if (Kind is TypeKind.Date or TypeKind.Timestamp && other.Kind is TypeKind.Date or TypeKind.Timestamp)
        {
            return Timestamp;
        }

        if (Kind == TypeKind.Struct && other.Kind == TypeKind.Struct)
        {
            return new(TypeKind.Struct, Fields: MergeFields(Fields!.ToList(), other.Fields!));
        }

        if (Kind == TypeKind.Array && other.Kind == TypeKind.Array)
        {
            return new(TypeKind.Array, Element: Element!.Widen(other.Element!));
        }

        // Conflicting values: the column holds them as text, and records the choice (Glue's choice type).
        return new(TypeKind.String, Choices: [.. ChoiceMembers(this).Union(ChoiceMembers(other))]);
    }

    /// <summary>A catalog column of this type, with the choice recorded when values conflicted.</summary>
    public Column ToColumn(string name) => Kind == TypeKind.Null
        ? new Column(name, ToHiveType()) { Parameters = new Dictionary<string, string> { [Column.NoValuesParameter] = "true" } }
        : new Column(name, ToHiveType()).WithChoices(Choices ?? []);

    private static IReadOnlyList<string> ChoiceMembers(InferredType type) => type.Choices ?? [type.ToHiveType()];

    /// <summary>Adds fields to a field list: a new name goes last, a known one widens its type. Returns the list.</summary>
    public static List<KeyValuePair<string, InferredType>> MergeFields(List<KeyValuePair<string, InferredType>> fields, IEnumerable<KeyValuePair<string, InferredType>> more)
    {
        var position = 0;
        foreach (var field in more)
        {
            // Records mostly list their fields in the same order: the field at the same position is tried first (names are unique).
            var index = position < fields.Count && fields[position].Key == field.Key ? position : IndexOf(fields, field.Key);
            position++;
            if (index < 0)
            {
                fields.Add(field);
            }
            else
            {
                fields[index] = new(field.Key, fields[index].Value.Widen(field.Value));
            }
        }

        return fields;
    }

    /// <summary>The index of the field named <paramref name="key"/>, or -1.</summary>
    public static int IndexOf(List<KeyValuePair<string, InferredType>> fields, string key)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].Key == key)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The Hive type string the catalog records.</summary>
    public string ToHiveType() => Kind switch
    {
        TypeKind.Null or TypeKind.String => "string",
        TypeKind.Boolean => "boolean",
        TypeKind.Int => "int",
        TypeKind.BigInt => "bigint",
        TypeKind.Double => "double",
        TypeKind.Date => "date",
        TypeKind.Timestamp => "timestamp",
        TypeKind.Decimal when Scale > MaxInferredScale || IntegerDigits + Scale > MaxDecimalPrecision => "double",
        TypeKind.Decimal => string.Create(CultureInfo.InvariantCulture, $"decimal({Math.Max(10, IntegerDigits + Scale)},{Scale})"),
        TypeKind.Struct => $"struct<{string.Join(",", Fields!.Select(f => $"{f.Key}:{f.Value.ToHiveType()}"))}>",
        TypeKind.Array => $"array<{Element!.ToHiveType()}>",
        _ => throw new InvalidOperationException($"Unexpected type kind {Kind}."),
    };

    private static bool IsExactNumber(TypeKind kind) => kind is TypeKind.Int or TypeKind.BigInt or TypeKind.Decimal;

    private static bool IsNumber(TypeKind kind) => IsExactNumber(kind) || kind == TypeKind.Double;
}
