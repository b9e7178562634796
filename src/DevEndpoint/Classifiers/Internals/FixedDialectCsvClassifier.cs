using DevEndpoint.Catalog;
using DevEndpoint.Formats;
using DevEndpoint.Formats.Csv;

namespace DevEndpoint.Classifiers.Internals;

/// <summary>A CSV classifier with a given delimiter, quote, header and datatypes: it matches files they split consistently.</summary>
internal sealed class FixedDialectCsvClassifier(CsvDialect dialect, CsvHeader header, IReadOnlyList<string> names, IReadOnlySet<string> datatypes) : IClassifier
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
            ? Classification.Certain(DatatypeFilter.Apply(schema, datatypes))
            : Classification.No);
    }
}
