using System.Globalization;
using System.Text;
using DevEndpoint.Catalog;
using DevEndpoint.Formats;
using DevEndpoint.Formats.Csv;

namespace DevEndpoint.Loading;

/// <summary>Delimited text, read with the dialect the crawler recorded.</summary>
internal abstract partial class FormatReader
{
    private sealed class CsvFormat : FormatReader
    {
        protected override Task<long> ReadRowsAsync(string path, CatalogTable table, IReadOnlyList<ColumnBuilder> builders, long limit, CancellationToken cancellationToken)
        {
            var dialect = CsvParameters.Read(table);
            var indexes = builders.Select(b => DataIndex(table, b)).ToArray();
            var formats = builders.Select(b => dialect.DateFormats.GetValueOrDefault(b.Column.Name)).ToArray();
            using var stream = Compression.OpenRead(path, table.Parameter("compressionType") ?? Compression.None);
            using var text = new StreamReader(stream, TextSample.EncodingOf(dialect.Encoding), detectEncodingFromByteOrderMarks: true);
            for (var line = 0; line < dialect.PreambleLines; line++)
            {
                text.ReadLine();
            }

            var reader = new CsvRecordReader(text, dialect, dialect.PreambleLines + 1);
            var fields = new List<string>();
            var rows = 0L;
            var header = dialect.HasHeader;
            while (rows < limit && reader.TryRead(fields))
            {
                if (header)
                {
                    indexes = HeaderIndexes(path, table, builders, fields);
                    header = false;
                    continue;
                }

                for (var i = 0; i < builders.Count; i++)
                {
                    var index = indexes[i];
                    if (index < 0)
                    {
                        continue;
                    }

                    var value = index < fields.Count ? fields[index] : null;
                    var quoted = index < fields.Count && reader.Quoted[index];
                    if (!builders[i].TryAddText(formats[i] is { } format ? Iso(value, format) : value, quoted))
                    {
                        throw BadValue(path, reader.RecordLine, builders[i].Column, value!);
                    }
                }

                rows++;
            }

            return Task.FromResult(rows);
        }

        /// <summary>A date or timestamp in the column's recorded form, rewritten in ISO 8601; other text as it is.</summary>
        private static string? Iso(string? value, string format) =>
            value is not null && DateFormats.TryParse(value, format, out var parsed)
                ? parsed.ToString(format.Contains(' ', StringComparison.Ordinal) ? "yyyy-MM-dd HH:mm:ss.FFFFFFF" : "yyyy-MM-dd", CultureInfo.InvariantCulture)
                : value;

        /// <summary>
        /// Where each data column is in a file with a header, found by name: a column the file lacks reads as null, and a
        /// column that is also a partition key (so not a data column) does not shift the columns after it. A header
        /// column the table does not have means the file is not one of the table's files, or changed since the crawl.
        /// </summary>
        private static int[] HeaderIndexes(string path, CatalogTable table, IReadOnlyList<ColumnBuilder> builders, List<string> header)
        {
            var names = ColumnNames.Make(header, Math.Max(header.Count, table.StorageDescriptor.Columns.Count)).ToList();
            var known = table.AllColumns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
            if (names.Take(header.Count).FirstOrDefault(n => !known.Contains(n)) is { } unknown)
            {
                throw UnknownHeaderColumn(path, table, unknown);
            }

            return builders
                .Select(b => DataIndex(table, b) < 0 ? -1 : names.IndexOf(b.Column.Name) is var index and >= 0 ? index : int.MaxValue)
                .ToArray();
        }
    }
}
