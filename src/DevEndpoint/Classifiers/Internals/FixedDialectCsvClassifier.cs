using DevEndpoint.Formats;
using DevEndpoint.Formats.Csv;

namespace DevEndpoint.Classifiers.Internals;

/// <summary>A CSV classifier with a given delimiter, quote and header: it matches files they split consistently.</summary>
internal sealed class FixedDialectCsvClassifier(CsvDialect dialect, CsvHeader header, IReadOnlyList<string> names) : IClassifier
{
    public string Name => "csv";

    public Task<Classification> ClassifyAsync(FileProbe file, CancellationToken cancellationToken)
    {
        bool? hasHeader = header switch
        {
            CsvHeader.Present => true,
            CsvHeader.Absent => false,
            _ => null,
        };
        return Task.FromResult(CsvSniffer.SniffWith(file.Text, file.Compression, file.Options, dialect, hasHeader, names) is { } schema
            ? Classification.Certain(schema)
            : Classification.No);
    }
}
