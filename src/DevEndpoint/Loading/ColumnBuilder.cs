using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.Formats;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Loading;

/// <summary>Collects the values of one output column, converting each to the column's catalog type.</summary>
internal abstract class ColumnBuilder
{
    protected ColumnBuilder(Column column)
    {
        Column = column;
    }

    public Column Column { get; }

    public static ColumnBuilder For(Column column) => column.Type.ToLowerInvariant() switch
    {
        "boolean" => new Typed<bool>(column, t => TextValues.TryParseBoolean(t, out var v) ? v : null, v => Convert.ToBoolean(v, CultureInfo.InvariantCulture)),
        "tinyint" => new Typed<sbyte>(column, t => sbyte.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null, v => Convert.ToSByte(v, CultureInfo.InvariantCulture)),
        "smallint" => new Typed<short>(column, t => short.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null, v => Convert.ToInt16(v, CultureInfo.InvariantCulture)),
        "int" => new Typed<int>(column, t => int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null, v => Convert.ToInt32(v, CultureInfo.InvariantCulture)),
        "bigint" => new Typed<long>(column, t => long.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null, v => Convert.ToInt64(v, CultureInfo.InvariantCulture)),
        "float" => new Typed<float>(column, t => float.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null, v => Convert.ToSingle(v, CultureInfo.InvariantCulture)),
        "double" => new Typed<double>(column, t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null, v => Convert.ToDouble(v, CultureInfo.InvariantCulture)),
        "date" => new Typed<DateTime>(column, t => TextValues.TryParseDate(t, out var v) ? v : null, ToDateTime),
        "timestamp" => new Typed<DateTime>(column, t => TextValues.TryParseTimestamp(t, out var v) || TextValues.TryParseDate(t, out v) ? v : null, ToDateTime),
        var type when HiveTypes.ParseDecimal(type) is not null =>
            new Typed<decimal>(column, t => decimal.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null, v => Convert.ToDecimal(v, CultureInfo.InvariantCulture)),
        _ => new Text(column),
    };

    public abstract long Count { get; }

    /// <summary>Adds a value read as text; returns <c>false</c> when the text is not a value of the column's type.</summary>
    public abstract bool TryAddText(string? text, bool quoted);

    /// <summary>Adds a value read as a .NET value (from Parquet or JSON).</summary>
    public abstract void AddValue(object? value);

    public abstract DataFrameColumn Build();

    private static DateTime ToDateTime(object value) => value switch
    {
        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
        DateTimeOffset offset => offset.UtcDateTime,
        string text when TextValues.TryParseTimestamp(text, out var parsed) || TextValues.TryParseDate(text, out parsed) => parsed,
        _ => Convert.ToDateTime(value, CultureInfo.InvariantCulture),
    };

    private sealed class Typed<T>(Column column, Func<string, T?> parse, Func<object, T> convert) : ColumnBuilder(column)
        where T : unmanaged
    {
        private readonly List<T?> values = [];

        public override long Count => values.Count;

        public override bool TryAddText(string? text, bool quoted)
        {
            if (text is null || TextValues.IsNull(text))
            {
                values.Add(null);
                return true;
            }

            var value = parse(text);
            values.Add(value);
            return value is not null;
        }

        public override void AddValue(object? value) => values.Add(value is null ? null : value is string text ? parse(text) : convert(value));

        public override DataFrameColumn Build() => new PrimitiveDataFrameColumn<T>(Column.Name, values);
    }

    private sealed class Text(Column column) : ColumnBuilder(column)
    {
        private readonly List<string?> values = [];

        public override long Count => values.Count;

        public override bool TryAddText(string? text, bool quoted)
        {
            values.Add(text is null || (!quoted && TextValues.IsNull(text)) ? null : text);
            return true;
        }

        public override void AddValue(object? value) => values.Add(value switch
        {
            null => null,
            string s => s,
            byte[] bytes => Convert.ToBase64String(bytes),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        });

        public override DataFrameColumn Build() => new StringDataFrameColumn(Column.Name, values);
    }
}
