using DevEndpoint.Catalog;
using DevEndpoint.Frames;

namespace DevEndpoint.Loading;

/// <summary>Delimited text, read with the dialect the crawler recorded.</summary>
internal abstract partial class FormatReader
{
    private sealed class CsvFormat : FormatReader
    {
        public override bool SamplesRows => true;

        protected override Task<IReadOnlyList<ReadPart>> ReadPartsAsync(
            string path, CatalogTable table, Func<List<ColumnBuilder>> newColumns, ReadContext context, CancellationToken cancellationToken) =>
            Task.FromResult(new CsvFile(path, table, context).Read(newColumns, cancellationToken));
    }
}
