using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.Frames;
using DevEndpoint.Loading;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Transforms;

/// <summary>Finding a frame's columns by name, and converting values between the catalog's Hive types.</summary>
internal static class FrameColumns
{
    private static readonly HashSet<string> SimpleTypes =
        new(StringComparer.Ordinal) { "boolean", "tinyint", "smallint", "int", "bigint", "float", "double", "date", "timestamp", "string" };

    /// <summary>The column named <paramref name="name"/>, or an error naming it and the closest names.</summary>
    /// <summary>A column whose cells can be set: a read-only UTF-8 string column as .NET strings, any other as it is.</summary>
    public static DataFrameColumn Editable(DataFrameColumn column) =>
        column is Utf8StringDataFrameColumn utf8 ? utf8.ToStringColumn() : column;

    public static DataFrameColumn Require(DataFrame frame, string name, string transform)
    {
        var index = frame.Columns.IndexOf(name);
        if (index >= 0)
        {
            return frame.Columns[index];
        }

        var names = frame.Columns.Select(c => c.Name).ToList();
        var closest = ClosestNames.Find(name, names);
        var hint = closest.Count > 0 ? $" Did you mean '{closest[0]}'?" : string.Empty;
        throw new DevEndpointException(
            $"{transform}: column '{name}' does not exist.{hint} Columns: {string.Join(", ", names)}.");
    }

    /// <summary>The Hive type name in its canonical form, or an error listing the types a transform can use.</summary>
    public static string RequireType(string type, string transform)
    {
        var canonical = type.Trim().ToLowerInvariant();
        if (SimpleTypes.Contains(canonical) || HiveTypes.ParseDecimal(canonical) is not null)
        {
            return canonical;
        }

        throw new DevEndpointException(
            $"{transform}: '{type}' is not a type. Use one of: boolean, tinyint, smallint, int, bigint, float, double, decimal(p,s), date, timestamp, string.");
    }

    /// <summary>Whether a frame column holds the values of a Hive type (a <c>date</c> and a <c>timestamp</c> column are both DateTime columns).</summary>
    public static bool Holds(DataFrameColumn column, string type) =>
        ColumnBuilder.For(new Column(column.Name, type)).Build().DataType == column.DataType;

    /// <summary>
    /// <paramref name="source"/>'s values converted to <paramref name="type"/>, as a column named <paramref name="name"/>.
    /// A value that is not one of the type's (<c>abc</c> as an <c>int</c>, <c>2.5</c> as a <c>bigint</c>) becomes a null
    /// there and an error record.
    /// </summary>
    public static DataFrameColumn Cast(DataFrameColumn source, string name, string type, RowErrors errors)
    {
        var builder = ColumnBuilder.For(new Column(name, type));
        for (long row = 0; row < source.Length; row++)
        {
            var text = Text(source[row]);
            if (!builder.TryAddText(text, quoted: true))
            {
                builder.AddNull();
                errors.Add(row, source.Name, text, $"not a value of type {type}.");
            }
        }

        return builder.Build();
    }

    /// <summary>The Hive type a frame column of .NET type <paramref name="type"/> holds (DateTime columns as <c>timestamp</c>, which reads dates too).</summary>
    public static string HiveType(Type type) => type switch
    {
        _ when type == typeof(bool) => "boolean",
        _ when type == typeof(sbyte) => "tinyint",
        _ when type == typeof(short) => "smallint",
        _ when type == typeof(int) => "int",
        _ when type == typeof(long) => "bigint",
        _ when type == typeof(float) => "float",
        _ when type == typeof(double) => "double",
        _ when type == typeof(decimal) => "decimal(38,18)",
        _ when type == typeof(DateTime) => "timestamp",
        _ => "string",
    };

    /// <summary>A value as the text a column of any type reads back: ISO dates and timestamps, invariant numbers, <c>true</c>/<c>false</c>.</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
