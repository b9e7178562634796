using DevEndpoint.Catalog;
using DevEndpoint.Formats.Csv;

namespace DevEndpoint.Formats;

/// <summary>What a classifier found in one file: its format, compression, columns and size statistics.</summary>
internal sealed record FileSchema
{
    /// <summary>The table parameter that records <see cref="Classifier"/> (the crawler writes it, the readers of custom formats read it).</summary>
    internal const string ClassifierParameter = "classifier";

    /// <summary>Glue's classification: <c>csv</c>, <c>json</c>, <c>parquet</c>, <c>avro</c>, <c>xml</c>, a log format.</summary>
    public required string Classification { get; init; }

    public string Compression { get; init; } = Formats.Compression.None;

    public required IReadOnlyList<Column> Columns { get; init; }

    /// <summary>The name of the custom classifier that matched the file; <c>null</c> when a built-in one did.</summary>
    public string? Classifier { get; init; }

    /// <summary>The dialect of a delimited text file; <c>null</c> for other formats.</summary>
    public CsvDialect? Csv { get; init; }

    /// <summary>The number of records: exact for Parquet and fully sampled files, else an estimate.</summary>
    public long RecordCount { get; init; }

    /// <summary>Average size of one record in bytes, as stored.</summary>
    public long AverageRecordSize { get; init; }

    public long SizeBytes { get; init; }

    /// <summary>
    /// What else a reader of the files needs to know, recorded in the storage descriptor's parameters: <c>jsonLayout</c>
    /// (lines, array or object), <c>rowTag</c> for XML, <c>grokPattern</c> for logs.
    /// </summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();
}
