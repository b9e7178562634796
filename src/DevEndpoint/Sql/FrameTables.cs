using System.Globalization;
using DuckDB.NET.Data;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Sql;

/// <summary>
/// A DataFrame handed to DuckDB as a table: created with a DuckDB type per column and filled by DuckDB's appender, which
/// writes each value into DuckDB's column vectors with a typed call (no boxing, no text). Strings are copied as UTF-8.
/// </summary>
internal static class FrameTables
{
    /// <summary>
    /// Creates (or replaces) table <paramref name="schema"/>.<paramref name="table"/> holding <paramref name="frame"/>'s rows;
    /// <paramref name="types"/> gives DuckDB types by column name where the frame's own are not enough (the catalog's decimals and dates).
    /// </summary>
    public static void Create(DuckDBConnection connection, string schema, string table, DataFrame frame, IReadOnlyDictionary<string, string>? types = null)
    {
        var columns = frame.Columns.Select(c => (Column: c, Type: types?.GetValueOrDefault(c.Name) ?? DuckType(c))).ToList();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = $"CREATE OR REPLACE TABLE {SqlText.Quote(schema)}.{SqlText.Quote(table)} ({string.Join(", ", columns.Select(c => $"{SqlText.Quote(c.Column.Name)} {c.Type}"))})";
            create.ExecuteNonQuery();
        }

        var writers = columns.Select(c => Writer(c.Column, c.Type)).ToArray();
        using var appender = connection.CreateAppender(schema, table);
        for (long row = 0; row < frame.Rows.Count; row++)
        {
            var values = appender.CreateRow();
            foreach (var write in writers)
            {
                write(values, row);
            }

            values.EndRow();
        }
    }

    /// <summary>The DuckDB type of a DataFrame column: decimals by the widest precision and scale they hold.</summary>
    private static string DuckType(DataFrameColumn column) => column switch
    {
        BooleanDataFrameColumn => "BOOLEAN",
        SByteDataFrameColumn => "TINYINT",
        ByteDataFrameColumn => "UTINYINT",
        Int16DataFrameColumn => "SMALLINT",
        UInt16DataFrameColumn => "USMALLINT",
        Int32DataFrameColumn => "INTEGER",
        UInt32DataFrameColumn => "UINTEGER",
        Int64DataFrameColumn => "BIGINT",
        UInt64DataFrameColumn => "UBIGINT",
        SingleDataFrameColumn => "FLOAT",
        DoubleDataFrameColumn => "DOUBLE",
        DecimalDataFrameColumn decimals => DecimalType(decimals),
        DateTimeDataFrameColumn => "TIMESTAMP",
        PrimitiveDataFrameColumn<DateOnly> => "DATE",
        PrimitiveDataFrameColumn<TimeSpan> => "INTERVAL",
        _ => "VARCHAR",
    };

    private static string DecimalType(DecimalDataFrameColumn column)
    {
        var scale = 0;
        var digits = 1;
        for (long i = 0; i < column.Length; i++)
        {
            if (column[i] is { } value)
            {
                scale = Math.Max(scale, value.Scale);
                digits = Math.Max(digits, Math.Truncate(Math.Abs(value)).ToString(CultureInfo.InvariantCulture).Length);
            }
        }

        scale = Math.Min(scale, 38 - Math.Min(digits, 38));
        return string.Create(CultureInfo.InvariantCulture, $"DECIMAL({Math.Min(38, digits + scale)}, {scale})");
    }

    private static Action<IDuckDBAppenderRow, long> Writer(DataFrameColumn column, string type) => column switch
    {
        BooleanDataFrameColumn c => (r, i) => r.AppendValue(c[i]),
        SByteDataFrameColumn c => (r, i) => r.AppendValue(c[i]),
        ByteDataFrameColumn c => (r, i) => r.AppendValue(c[i]),
        Int16DataFrameColumn c => (r, i) => r.AppendValue(c[i]),
        UInt16DataFrameColumn c => (r, i) => r.AppendValue(c[i]),
        Int32DataFrameColumn c => (r, i) => r.AppendValue(c[i]),
        UInt32DataFrameColumn c => (r, i) => r.AppendValue(c[i]),
        Int64DataFrameColumn c => (r, i) => r.AppendValue(c[i]),
        UInt64DataFrameColumn c => (r, i) => r.AppendValue(c[i]),
        SingleDataFrameColumn c => (r, i) => r.AppendValue(c[i]),
        DoubleDataFrameColumn c => (r, i) => r.AppendValue(c[i]),
        DecimalDataFrameColumn c => (r, i) => r.AppendValue(c[i]),
        DateTimeDataFrameColumn c when type == "DATE" => (r, i) => r.AppendValue(c[i] is { } d ? DateOnly.FromDateTime(d) : null),
        DateTimeDataFrameColumn c => (r, i) => r.AppendValue(c[i]),
        PrimitiveDataFrameColumn<DateOnly> c => (r, i) => r.AppendValue(c[i]),
        PrimitiveDataFrameColumn<TimeSpan> c => (r, i) => r.AppendValue(c[i]),
        StringDataFrameColumn c => (r, i) => r.AppendValue(c[i]),
        ArrowStringDataFrameColumn c => (r, i) => r.AppendValue(c[i]),
        _ => (r, i) => r.AppendValue(column[i] switch
        {
            null => null,
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            var other => other.ToString(),
        }),
    };
}
