namespace DevEndpoint.Catalog;

/// <summary>
/// The input/output formats and SerDe that Hive, Athena, Spark and Trino expect for each classification. Which of them
/// a table gets is the business of its format (<c>Formats.IFileFormat.Describe</c>), not of the catalog.
/// </summary>
internal static class StorageFormats
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

    /// <summary>A descriptor of text files read with <paramref name="serDe"/>.</summary>
    internal static StorageDescriptor Text(string serDe, Dictionary<string, string> parameters) =>
        new() { InputFormat = TextInputFormat, OutputFormat = TextOutputFormat, SerdeInfo = new SerDeInfo { SerializationLibrary = serDe, Parameters = parameters } };

    /// <summary>A descriptor of files of a binary container format.</summary>
    internal static StorageDescriptor Binary(string input, string output, string serDe, Dictionary<string, string>? parameters = null) =>
        new() { InputFormat = input, OutputFormat = output, SerdeInfo = new SerDeInfo { SerializationLibrary = serDe, Parameters = parameters ?? [] } };
}
