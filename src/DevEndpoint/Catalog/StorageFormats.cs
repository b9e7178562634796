using DevEndpoint.Formats;
using DevEndpoint.Formats.Csv;
using DevEndpoint.Formats.Logs;
using DevEndpoint.Formats.Xml;

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
    public const string AvroInputFormat = "org.apache.hadoop.hive.ql.io.avro.AvroContainerInputFormat";
    public const string AvroOutputFormat = "org.apache.hadoop.hive.ql.io.avro.AvroContainerOutputFormat";
    public const string AvroSerDe = "org.apache.hadoop.hive.serde2.avro.AvroSerDe";
    public const string OrcInputFormat = "org.apache.hadoop.hive.ql.io.orc.OrcInputFormat";
    public const string OrcOutputFormat = "org.apache.hadoop.hive.ql.io.orc.OrcOutputFormat";
    public const string OrcSerDe = "org.apache.hadoop.hive.ql.io.orc.OrcSerde";
    public const string XmlInputFormat = "com.ibm.spss.hive.serde2.xml.XmlInputFormat";
    public const string XmlSerDe = "com.ibm.spss.hive.serde2.xml.XmlSerDe";
    public const string GrokSerDe = "com.amazonaws.glue.serde.GrokSerDe";
    public const string GrokSerDeFormatParameter = "input.format";
    public const string GrokSerDeCustomPatternsParameter = "input.grokCustomPatterns";

    /// <summary>
    /// A storage descriptor for the files a classifier described: formats and SerDe by classification (a log format
    /// by its grok pattern, XML by its row tag), and the schema's own parameters (such as <c>jsonLayout</c>) as the descriptor's parameters.
    /// </summary>
    public static StorageDescriptor For(FileSchema schema, string location, IReadOnlyList<Column> columns) =>
        ByClassification(schema, columns) with
        {
            Location = location,
            Columns = columns,
            Compressed = schema.Compression != Compression.None,
            Parameters = schema.Parameters,
        };

    private static StorageDescriptor ByClassification(FileSchema schema, IReadOnlyList<Column> columns) => schema.Classification switch
    {
        "csv" => new StorageDescriptor { InputFormat = TextInputFormat, OutputFormat = TextOutputFormat, SerdeInfo = CsvParameters.SerDe(schema.Csv) },
        "json" => Text(JsonSerDe, new() { ["paths"] = string.Join(",", columns.Select(c => c.Name)) }),
        "avro" => Binary(AvroInputFormat, AvroOutputFormat, AvroSerDe),
        "orc" => Binary(OrcInputFormat, OrcOutputFormat, OrcSerDe),
        _ when schema.Parameters.TryGetValue(XmlClassifier.RowTagParameter, out var tag) => new StorageDescriptor
        {
            InputFormat = XmlInputFormat,
            OutputFormat = TextOutputFormat,
            SerdeInfo = new SerDeInfo
            {
                SerializationLibrary = XmlSerDe,
                Parameters = new Dictionary<string, string> { [XmlClassifier.RowTagParameter] = tag, ["xmlinput.start"] = $"<{tag}", ["xmlinput.end"] = $"</{tag}>" },
            },
        },
        _ when schema.Parameters.TryGetValue(GrokClassifier.PatternParameter, out var pattern) => Text(GrokSerDe, GrokSerDeParameters(pattern, schema.Parameters.GetValueOrDefault(GrokClassifier.CustomPatternsParameter))),
        _ => Binary(ParquetInputFormat, ParquetOutputFormat, ParquetSerDe, new() { ["serialization.format"] = "1" }),
    };

    /// <summary>Glue's GrokSerDe parameters: the pattern in <c>input.format</c>, a custom classifier's named patterns in <c>input.grokCustomPatterns</c>.</summary>
    private static Dictionary<string, string> GrokSerDeParameters(string pattern, string? customPatterns) =>
        customPatterns is null
            ? new() { [GrokSerDeFormatParameter] = pattern }
            : new() { [GrokSerDeFormatParameter] = pattern, [GrokSerDeCustomPatternsParameter] = customPatterns };

    private static StorageDescriptor Text(string serDe, Dictionary<string, string> parameters) =>
        new() { InputFormat = TextInputFormat, OutputFormat = TextOutputFormat, SerdeInfo = new SerDeInfo { SerializationLibrary = serDe, Parameters = parameters } };

    private static StorageDescriptor Binary(string input, string output, string serDe, Dictionary<string, string>? parameters = null) =>
        new() { InputFormat = input, OutputFormat = output, SerdeInfo = new SerDeInfo { SerializationLibrary = serDe, Parameters = parameters ?? [] } };
}
