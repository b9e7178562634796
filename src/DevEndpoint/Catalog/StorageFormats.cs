using DevEndpoint.Formats.Csv;

namespace DevEndpoint.Catalog;

/// <summary>The input/output formats and SerDe that Hive, Athena, Spark and Trino expect for each classification.</summary>
public static class StorageFormats
{
    public const string TextInputFormat = "org.apache.hadoop.mapred.TextInputFormat";
    public const string TextOutputFormat = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat";
    public const string LazySimpleSerDe = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe";
    public const string OpenCsvSerDe = "org.apache.hadoop.hive.serde2.OpenCSVSerde";
    public const string JsonSerDe = "org.openx.data.jsonserde.JsonSerDe";
    public const string ParquetInputFormat = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat";
    public const string ParquetOutputFormat = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat";
    public const string ParquetSerDe = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";

    /// <summary>A storage descriptor for files of the given classification.</summary>
    public static StorageDescriptor For(string classification, CsvDialect? csv, string location, IReadOnlyList<Column> columns, bool compressed) =>
        classification switch
        {
            "csv" => new StorageDescriptor
            {
                InputFormat = TextInputFormat,
                OutputFormat = TextOutputFormat,
                SerdeInfo = CsvParameters.SerDe(csv),
                Location = location,
                Columns = columns,
                Compressed = compressed,
            },
            "json" => new StorageDescriptor
            {
                InputFormat = TextInputFormat,
                OutputFormat = TextOutputFormat,
                SerdeInfo = new SerDeInfo { SerializationLibrary = JsonSerDe, Parameters = new Dictionary<string, string> { ["paths"] = string.Join(",", columns.Select(c => c.Name)) } },
                Location = location,
                Columns = columns,
                Compressed = compressed,
            },
            _ => new StorageDescriptor
            {
                InputFormat = ParquetInputFormat,
                OutputFormat = ParquetOutputFormat,
                SerdeInfo = new SerDeInfo { SerializationLibrary = ParquetSerDe, Parameters = new Dictionary<string, string> { ["serialization.format"] = "1" } },
                Location = location,
                Columns = columns,
                Compressed = compressed,
            },
        };
}
