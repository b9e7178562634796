using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.Frames;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Transforms;

/// <summary>Finding a frame's columns by name, and converting values between the catalog's Hive types.</summary>
internal static class FrameColumns
{
    private static readonly HashSet<string> SimpleTypes =
        new(StringComparer.Ordinal) { "boolean", "tinyint", "smallint", "int", "bigint", "float", "double", "date", "timestamp", "string" };

    /// <summary>A column whose cells can be set: a read-only UTF-8 string column as .NET strings, any other as it is.</summary>
    public static DataFrameColumn Editable(DataFrameColumn column) =>
        column is Utf8StringDataFrameColumn utf8 ? utf8.ToStringColumn() : column;

    /// <summary>The frame, or an error saying it is null (the variable of a cell that failed) and what to do.</summary>
    public static DataFrame RequireFrame(DataFrame? frame, string transform, string which = "the frame") =>
        frame ?? throw TransformErrors.NullFrame(transform, which);

    /// <summary>The argument, or an error saying it is null and what to give, with an example.</summary>
    public static T RequireArgument<T>(T? argument, string transform, string what, string example)
        where T : class =>
        argument ?? throw TransformErrors.NullArgument(transform, what, example);

    /// <summary>The column named <paramref name="name"/>, or an error naming it and the closest names.</summary>
    public static DataFrameColumn Require(DataFrame? frame, string? name, string transform)
    {
        frame = RequireFrame(frame, transform);
        name = RequireArgument(name, transform, "a column name", "the name of one of the frame's columns");
        var index = frame.Columns.IndexOf(name);
        return index >= 0 ? frame.Columns[index] : throw TransformErrors.MissingColumn(transform, name, Names(frame));
    }

    /// <summary>The named columns, in the order named; each must exist and be named once.</summary>
    public static List<DataFrameColumn> RequireAll(DataFrame? frame, IEnumerable<string>? names, string transform)
    {
        RequireFrame(frame, transform);
        names = RequireArgument(names, transform, "the list of column names", "the names of columns");
        var columns = new List<DataFrameColumn>();
        foreach (var name in names)
        {
            var column = Require(frame, name, transform);
            if (columns.Contains(column))
            {
                throw TransformErrors.NamedTwice(transform, name);
            }

            columns.Add(column);
        }

        return columns;
    }

    public static List<string> Names(DataFrame frame) => frame.Columns.Select(c => c.Name).ToList();

    /// <summary>The Hive type name in its canonical form, or an error listing the types a transform can use.</summary>
    public static string RequireType(string? type, string transform)
    {
        var canonical = RequireArgument(type, transform, "a type", $"one of {TransformErrors.AcceptedTypes}").Trim().ToLowerInvariant();
        if (SimpleTypes.Contains(canonical) || HiveTypes.ParseDecimal(canonical) is not null)
        {
            return canonical;
        }

        throw TransformErrors.NotAType(transform, type!);
    }

    /// <summary>Whether a frame column holds the values of a Hive type (a <c>date</c> and a <c>timestamp</c> column are both DateTime columns).</summary>
    public static bool Holds(DataFrameColumn column, string type) =>
        HiveTypes.DotnetType(type) == column.DataType;

    /// <summary>
    /// <paramref name="source"/>'s values (of Hive type <paramref name="sourceType"/>) cast to <paramref name="type"/>,
    /// as a column named <paramref name="name"/>; see <see cref="HiveCasts"/> for how. A value that does not cast
    /// (<c>abc</c> as an <c>int</c>, <c>300</c> as a <c>tinyint</c>) becomes a null there and an error record.
    /// </summary>
    public static DataFrameColumn Cast(DataFrameColumn source, string sourceType, string name, string type, RowErrors errors)
    {
        var builder = ColumnBuilder.For(new Column(name, type));
        var toDecimal = HiveTypes.ParseDecimal(type) is not null;
        for (long row = 0; row < source.Length; row++)
        {
            var value = source[row];
            string? reason = null;
            if (value is null)
            {
                builder.AddNull();
                continue;
            }

            if (value is string text && type != "string" && !(toDecimal && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            {
                reason = builder.TryAddText(text, quoted: true) ? null : $"not a value of type {type}.";
            }
            else
            {
                var number = value is string digits && toDecimal ? decimal.Parse(digits, NumberStyles.Float, CultureInfo.InvariantCulture) : value;
                var cast = HiveCasts.Cast(number, sourceType, type, out reason);
                if (reason is null)
                {
                    builder.AddValue(cast);
                }
            }

            if (reason is not null)
            {
                builder.AddNull();
                errors.Add(row, source.Name, Text(value), reason);
            }
        }

        return builder.Build();
    }

    /// <summary>The Hive type of a frame column's values, as messages name it: a DateTime column is a <c>date</c> when every value is at midnight.</summary>
    public static string HiveType(DataFrameColumn column) =>
        column.DataType == typeof(DateTime) && Enumerable.Range(0, (int)column.Length).All(row => column[row] is not DateTime d || d.TimeOfDay == TimeSpan.Zero)
            ? "date"
            : HiveCasts.Family(HiveType(column.DataType));

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
