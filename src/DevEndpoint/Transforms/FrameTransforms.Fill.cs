using System.Globalization;
using System.Numerics;
using DevEndpoint.Catalog;
using DevEndpoint.Frames;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Transforms;

public static partial class FrameTransforms
{
    /// <summary>
    /// The frame with the nulls of column <paramref name="name"/> filled by <paramref name="method"/>; with
    /// <see cref="FillMethod.Constant"/>, by <paramref name="value"/>, which must be a value of the column's type (or
    /// text that reads as one). A column without values keeps its nulls for the mean, median and mode. Means and medians
    /// of integers and decimals are exact (integers rounded half away from zero), of floating point columns in double.
    /// </summary>
    public static DataFrame FillMissingValues(this DataFrame frame, string name, FillMethod method, object? value = null)
    {
        const string transform = nameof(FillMissingValues);
        var column = FrameColumns.Require(frame, name, transform);
        var type = FrameColumns.HiveType(column.DataType);
        if (method is FillMethod.Mean or FillMethod.Median && !column.IsNumericColumn())
        {
            throw TransformErrors.NoAggregate(name, FrameColumns.HiveType(column), method.ToString().ToLowerInvariant());
        }

        if ((method == FillMethod.Constant) != (value is not null))
        {
            throw TransformErrors.ConstantOnly();
        }

        var values = Enumerable.Range(0, (int)column.Length).Select(row => column[row]).OfType<object>().ToList();
        var fill = method switch
        {
            FillMethod.Constant => value,
            _ when values.Count == 0 => null,
            FillMethod.Mode => values.GroupBy(v => v).MaxBy(g => g.Count())!.Key,
            FillMethod.Mean when column.DataType == typeof(double) || column.DataType == typeof(float) => values.Select(Convert.ToDouble).Average(),
            FillMethod.Mean => values.Select(Convert.ToDecimal).Average(),
            _ when column.DataType == typeof(double) || column.DataType == typeof(float) => Median(values.Select(Convert.ToDouble).Order().ToList()),
            _ => Median(values.Select(Convert.ToDecimal).Order().ToList()),
        };

        var builder = ColumnBuilder.For(new Column(name, type));
        var text = fill is decimal number && type is "tinyint" or "smallint" or "int" or "bigint"
            ? Math.Round(number, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture)
            : FrameColumns.Text(fill);
        if (!builder.TryAddText(text, quoted: true))
        {
            throw TransformErrors.NotAFill(text ?? string.Empty, name, type);
        }

        var filler = builder.Build()[0];
        var filled = frame.Columns.Select(c => c.Clone()).ToList();
        if (filler is not null)
        {
            filled[frame.Columns.IndexOf(name)] = column.FillNulls(filler);
        }

        return new DataFrame(filled);

        static T Median<T>(List<T> sorted)
            where T : INumber<T> =>
            sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / (T.One + T.One);
    }
}
