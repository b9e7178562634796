using System.Globalization;
using DevEndpoint.Catalog;
using Parquet.Schema;

namespace DevEndpoint.Writing;

/// <summary>
/// A column of a Delta write: the frame's column and the Hive type it is written as (the table's own, when the write
/// adds to a table), with its type in Delta's schema, its Parquet field and its partition values as the log writes them.
/// </summary>
internal sealed record DeltaColumn(FrameColumn Column, string HiveType)
{
    public string Name => Column.Name;

    /// <summary>
    /// The column's name in the data files, the log's partition values and statistics: its physical name in a table with
    /// column mapping by name, else its name.
    /// </summary>
    public string FileName => PhysicalName ?? Name;

    /// <summary>The physical name column mapping gives the column (<c>delta.columnMapping.physicalName</c>); <c>null</c> without column mapping.</summary>
    public string? PhysicalName { get; init; }

    /// <summary>The type in Delta's JSON schema (Spark's names): <c>long</c>, <c>integer</c>, <c>short</c>, <c>decimal(p,s)</c>, <c>timestamp</c>...</summary>
    public string DeltaType => HiveType switch
    {
        "bigint" => "long",
        "int" => "integer",
        "smallint" => "short",
        "tinyint" => "byte",
        _ => HiveType,
    };

    /// <summary>The Parquet field: dates as dates, timestamps as UTC-adjusted microseconds (Delta's <c>timestamp</c>), decimals with the table's precision.</summary>
    public DataField Field => HiveType switch
    {
        "date" => new DateTimeDataField(FileName, DateTimeFormat.Date, isNullable: true),
        "timestamp" => new DateTimeDataField(FileName, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros, isNullable: true),
        var type when HiveTypes.ParseDecimal(type) is { } d => new DecimalDataField(FileName, d.Precision, d.Scale, isNullable: true),
        _ => new DataField(FileName, Column.Data.DataType, isNullable: true),
    };

    /// <summary>A field of Delta's JSON schema for the column: nullable, no metadata.</summary>
    public Dictionary<string, object> SchemaField => new()
    {
        ["name"] = Name,
        ["type"] = DeltaType,
        ["nullable"] = true,
        ["metadata"] = new Dictionary<string, object>(),
    };

    /// <summary>
    /// A row's value as a partition value of the log: dates <c>yyyy-MM-dd</c>, timestamps in UTC to the microsecond,
    /// numbers and booleans as text; <c>null</c> for a null or an empty string (as Spark, which has no empty partition value).
    /// </summary>
    public string? PartitionValue(long row) => Column.Data[row] switch
    {
        null or "" => null,
        DateTime d when HiveType == "date" => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => FrameColumn.Utc(d).ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        _ => Column.Text(row),
    };

    /// <summary>A row's partition value as a reader of the log gives it (timestamps without trailing zeros), to find the files of a partition.</summary>
    public string? MatchText(long row) => Column.Data[row] switch
    {
        null or "" => null,
        DateTime d when HiveType == "date" => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => FrameColumn.Utc(d).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        _ => Column.Text(row),
    };

    /// <summary>Whether the frame's column can be written as a table's column of <paramref name="tableType"/> without changing a value.</summary>
    public static bool Fits(FrameColumn column, string tableType) =>
        column.HiveType == tableType
        || (column.HiveType == "date" && tableType == "timestamp")
        || (HiveTypes.ParseDecimal(column.HiveType) is { } written && HiveTypes.ParseDecimal(tableType) is { } table
            && written.Scale <= table.Scale && written.Precision - written.Scale <= table.Precision - table.Scale);
}
