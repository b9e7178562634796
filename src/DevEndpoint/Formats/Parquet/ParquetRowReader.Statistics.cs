using DevEndpoint.Catalog;
using Parquet;
using Parquet.Schema;

namespace DevEndpoint.Formats.Parquet;

/// <summary>Parquet row groups skipped by their statistics.</summary>
internal sealed partial class ParquetRowReader
{
    /// <summary>
    /// What a row group's statistics say of a column's values, for skipping row groups: a partition key is its file's
    /// value; an integer, decimal or date column has its minimum, maximum and null count, when the file records them.
    /// Other columns (text, whose statistics order bytes, not as a predicate compares; floats, whose statistics leave
    /// out NaN) are not known.
    /// </summary>
    private static ValueRange? Range(
        ParquetRowGroupReader rowGroup, List<(Column Column, DataField? Data)> columns, IReadOnlyDictionary<string, string?> partitionValues, string name)
    {
        if (partitionValues.TryGetValue(name, out var value))
        {
            return new ValueRange(value, value, value is null, value is null);
        }

        var (column, field) = columns.FirstOrDefault(c => string.Equals(c.Column.Name, name, StringComparison.OrdinalIgnoreCase));
        var type = column?.Type.ToLowerInvariant();
        if (field is null || type is null || !(type is "tinyint" or "smallint" or "int" or "bigint" or "date" || type.StartsWith("decimal", StringComparison.Ordinal)))
        {
            return null;
        }

        var statistics = rowGroup.GetStatistics(field);
        if (statistics?.NullCount is { } nulls && nulls == rowGroup.RowCount)
        {
            return new ValueRange(null, null, MayHaveNulls: true, AllNull: true);
        }

        var min = StatisticValue(statistics?.MinValue, type);
        var max = StatisticValue(statistics?.MaxValue, type);
        return min is null || max is null ? null : new ValueRange(min, max, statistics!.NullCount is not 0, AllNull: false);
    }

    /// <summary>A minimum or maximum as the loaded column's values are: a date as a <see cref="DateTime"/>, a number as itself.</summary>
    private static object? StatisticValue(object? value, string type) => (value, type) switch
    {
        (DateOnly date, "date") => date.ToDateTime(TimeOnly.MinValue),
        (DateTime date, "date") => date,
        (sbyte or byte or short or ushort or int or uint or long or ulong or decimal, not "date") => value,
        _ => null,
    };
}
