using DevEndpoint.Catalog;

namespace DevEndpoint.Formats.Csv;

/// <summary>Delimited text, read with the dialect the crawler recorded.</summary>
internal sealed class CsvRowReader : FormatReader
{
    public override bool SamplesRows => true;

    protected override Task<IReadOnlyList<ReadPart>> ReadPartsAsync(
        string path, CatalogTable table, Func<List<ColumnSink>> newColumns, ReadContext context, CancellationToken cancellationToken) =>
        Task.FromResult(new CsvFile(path, table, context).Read(newColumns, cancellationToken));
}
