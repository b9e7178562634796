using System.Globalization;
using System.Text;
using System.Text.Json;
using DevEndpoint.Catalog;
using DevEndpoint.Classifiers.Internals;
using DevEndpoint.Formats;
using DevEndpoint.Formats.Csv;
using DevEndpoint.Formats.Json;
using DevEndpoint.Formats.Parquet;
using Parquet;
using Parquet.Schema;

namespace DevEndpoint.Loading;

/// <summary>Reads the rows of one data file into column builders, for one table format.</summary>
internal abstract class FormatReader
{
    public static FormatReader For(CatalogTable table) => table.Parameter("classification") switch
    {
        "csv" => new CsvFormat(),
        "json" => new JsonFormat(),
        "parquet" => new ParquetFormat(),
        var other => throw new DevEndpointException(
            $"Table {table.DatabaseName}.{table.Name} is classified as '{other ?? "nothing"}', which cannot be loaded yet. Loadable classifications: csv, json, parquet."),
    };

    /// <summary>Reads at most <paramref name="limit"/> rows; returns how many were read. A file that cannot be decoded fails naming it.</summary>
    public async Task<long> ReadAsync(string path, CatalogTable table, IReadOnlyList<ColumnBuilder> builders, long limit, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadRowsAsync(path, table, builders, limit, cancellationToken);
        }
        catch (Exception e) when (e is not DevEndpointException and not OperationCanceledException && IsUnreadable(e))
        {
            var format = table.Parameter("classification") == "parquet" ? "Parquet"
                : table.Parameter("compressionType") is Compression.Gzip ? $"gzip-compressed {table.Parameter("classification")}"
                : table.Parameter("classification");
            throw new DevEndpointException(
                $"{path}: cannot be read as {format} ({e.Message.TrimEnd('.')}). Replace the file, or leave it out with --exclude and crawl again.", e);
        }
    }

    protected abstract Task<long> ReadRowsAsync(string path, CatalogTable table, IReadOnlyList<ColumnBuilder> builders, long limit, CancellationToken cancellationToken);

    /// <summary>Whether an exception thrown while reading a file means the file cannot be read as the table's format.</summary>
    protected virtual bool IsUnreadable(Exception exception) => exception is InvalidDataException or IOException;

    protected static DevEndpointException BadValue(string path, long line, Column column, string value) =>
        new($"{path}: line {line}, column '{column.Name}': cannot read '{value}' as {column.Type}. Fix the value, or re-crawl the table if its data changed.");

    protected static DevEndpointException UnknownHeaderColumn(string path, CatalogTable table, string column) =>
        new($"{path}: its header has the column '{column}', which table {table.DatabaseName}.{table.Name} does not have. Crawl the table's folder again to take in the file's columns, or leave the file out with --exclude.");

    private static int DataIndex(CatalogTable table, ColumnBuilder builder) =>
        table.StorageDescriptor.Columns.ToList().FindIndex(c => c.Name == builder.Column.Name);

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

    private sealed class JsonFormat : FormatReader
    {
        protected override async Task<long> ReadRowsAsync(string path, CatalogTable table, IReadOnlyList<ColumnBuilder> builders, long limit, CancellationToken cancellationToken)
        {
            var data = builders.Where(b => DataIndex(table, b) >= 0).ToList();
            var compression = table.Parameter("compressionType") ?? Compression.None;
            var layout = await StartsWithArrayAsync(path, compression, cancellationToken)
                ? JsonLayout.Array
                : table.StorageDescriptor.Parameters.GetValueOrDefault(JsonLayout.Parameter, JsonLayout.Lines);
            using var stream = Compression.OpenRead(path, compression);
            return layout == JsonLayout.Lines
                ? await ReadLinesAsync(path, stream, data, limit, cancellationToken)
                : await ReadDocumentAsync(path, stream, layout, RecordsPath(table), data, limit, cancellationToken);
        }

        /// <summary>
        /// Whether a file opens a top-level array: a table's files may mix layouts (JSON lines beside arrays of objects
        /// in one folder), so an array is recognised per file rather than from the table's <c>jsonLayout</c>.
        /// </summary>
        private static async Task<bool> StartsWithArrayAsync(string path, string compression, CancellationToken cancellationToken)
        {
            using var stream = Compression.OpenRead(path, compression);
            var buffer = new byte[4096];
            var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            var start = buffer.AsSpan(0, read);
            start = start.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? start[3..] : start;
            var first = start.IndexOfAnyExcept((ReadOnlySpan<byte>)" \t\r\n"u8);
            return first >= 0 && start[first] == (byte)'[';
        }

        private static async Task<long> ReadLinesAsync(string path, Stream stream, List<ColumnBuilder> data, long limit, CancellationToken cancellationToken)
        {
            using var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var rows = 0L;
            var line = 0L;
            string? content;
            while (rows < limit && (content = await text.ReadLineAsync(cancellationToken)) is not null)
            {
                line++;
                if (string.IsNullOrWhiteSpace(content))
                {
                    continue;
                }

                JsonDocument document;
                try
                {
                    document = JsonDocument.Parse(content);
                }
                catch (JsonException e)
                {
                    throw new DevEndpointException($"{path}: line {line}, column {e.BytePositionInLine + 1}: invalid JSON. Fix the line, or re-crawl the table if its data changed.", e);
                }

                using (document)
                {
                    AddRecord(path, $"line {line}", document.RootElement, data);
                }

                rows++;
            }

            return rows;
        }

        /// <summary>The properties leading to the array of records, when a custom classifier's JSON path such as <c>$.records[*]</c> chose them.</summary>
        private static IReadOnlyList<string> RecordsPath(CatalogTable table) =>
            table.StorageDescriptor.Parameters.TryGetValue(JsonPathClassifier.PathParameter, out var path) ? JsonPathClassifier.Parse(table.Name, path) : [];

        /// <summary>
        /// A file that is one document: the elements of its top-level array (or of the array under <paramref name="recordsPath"/>),
        /// or the one object it is.
        /// </summary>
        private static async Task<long> ReadDocumentAsync(
            string path, Stream stream, string layout, IReadOnlyList<string> recordsPath, List<ColumnBuilder> data, long limit, CancellationToken cancellationToken)
        {
            JsonDocument document;
            try
            {
                document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            }
            catch (JsonException e)
            {
                throw new DevEndpointException($"{path}: line {e.LineNumber + 1}, column {e.BytePositionInLine + 1}: invalid JSON. Fix the file, or re-crawl the table if its data changed.", e);
            }

            using (document)
            {
                var root = document.RootElement;
                foreach (var property in recordsPath)
                {
                    root = root.ValueKind == JsonValueKind.Object && root.TryGetProperty(property, out var inner) ? inner : default;
                }

                if (recordsPath.Count > 0 && root.ValueKind != JsonValueKind.Array)
                {
                    return 0;
                }

                var records = layout == JsonLayout.Array && root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root];
                var rows = 0L;
                foreach (var record in records.Take((int)Math.Min(limit, int.MaxValue)))
                {
                    AddRecord(path, layout == JsonLayout.Array ? $"element {rows + 1}" : "the object", record, data);
                    rows++;
                }

                return rows;
            }
        }

        private static void AddRecord(string path, string where, JsonElement record, List<ColumnBuilder> data)
        {
            var properties = record.ValueKind == JsonValueKind.Object
                ? record.EnumerateObject().ToDictionary(p => ColumnNames.Clean(p.Name), p => p.Value)
                : [];
            foreach (var builder in data)
            {
                if (!properties.TryGetValue(builder.Column.Name, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
                {
                    builder.AddValue(null);
                    continue;
                }

                var added = value.ValueKind switch
                {
                    JsonValueKind.String => builder.TryAddText(value.GetString(), quoted: true),
                    JsonValueKind.Object or JsonValueKind.Array => builder.TryAddText(value.GetRawText(), quoted: true),
                    _ => builder.TryAddText(value.GetRawText(), quoted: false),
                };
                if (!added)
                {
                    throw new DevEndpointException(
                        $"{path}: {where}, column '{builder.Column.Name}': cannot read '{value.GetRawText()}' as {builder.Column.Type}. Fix the value, or re-crawl the table if its data changed.");
                }
            }
        }
    }

    private sealed class ParquetFormat : FormatReader
    {
        /// <summary>Parquet.Net reports a corrupt file with many kinds of exception.</summary>
        protected override bool IsUnreadable(Exception exception) => true;

        protected override async Task<long> ReadRowsAsync(string path, CatalogTable table, IReadOnlyList<ColumnBuilder> builders, long limit, CancellationToken cancellationToken)
        {
            var data = builders.Where(b => DataIndex(table, b) >= 0).ToList();
            await using var file = File.OpenRead(path);
            await using var reader = await ParquetReader.CreateAsync(file, ParquetSchemaReader.Options, leaveStreamOpen: false, cancellationToken);
            var fields = data.Select(b => Field(reader.Schema, b, path)).ToList();
            var rows = 0L;
            for (var group = 0; group < reader.RowGroupCount && rows < limit; group++)
            {
                using var rowGroup = reader.OpenRowGroupReader(group);
                var take = (int)Math.Min(rowGroup.RowCount, limit - rows);
                for (var i = 0; i < data.Count; i++)
                {
                    var values = fields[i] is { } field && rowGroup.ColumnExists(field)
                        ? await ReadColumnAsync(rowGroup, field, (int)rowGroup.RowCount, cancellationToken)
                        : new object?[rowGroup.RowCount];
                    for (var row = 0; row < take; row++)
                    {
                        data[i].AddValue(values[row]);
                    }
                }

                rows += take;
            }

            return rows;
        }

        private static DataField? Field(ParquetSchema schema, ColumnBuilder builder, string path)
        {
            var field = schema.Fields.FirstOrDefault(f => ColumnNames.Clean(f.Name) == builder.Column.Name);
            return field switch
            {
                null => null,
                DataField { IsArray: false } data => data,
                _ => throw new DevEndpointException(
                    $"{path}: column '{builder.Column.Name}' has the nested type {builder.Column.Type}, which cannot be loaded yet. Leave it out with --columns."),
            };
        }

        private static async Task<object?[]> ReadColumnAsync(ParquetRowGroupReader rowGroup, DataField field, int count, CancellationToken cancellationToken)
        {
            var type = field.ClrType;
            if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
            {
                var strings = new string?[count];
                await rowGroup.ReadAsync(field, strings.AsMemory(), null, cancellationToken);
                return strings;
            }

            if (type == typeof(byte[]) || type == typeof(ReadOnlyMemory<byte>))
            {
                var bytes = new byte[]?[count];
                await rowGroup.ReadAsync(field, bytes.AsMemory(), null, cancellationToken);
                return bytes;
            }

            return type switch
            {
                _ when type == typeof(bool) => await Read<bool>(rowGroup, field, count, cancellationToken),
                _ when type == typeof(sbyte) => await Read<sbyte>(rowGroup, field, count, cancellationToken),
                _ when type == typeof(byte) => await Read<byte>(rowGroup, field, count, cancellationToken),
                _ when type == typeof(short) => await Read<short>(rowGroup, field, count, cancellationToken),
                _ when type == typeof(ushort) => await Read<ushort>(rowGroup, field, count, cancellationToken),
                _ when type == typeof(int) => await Read<int>(rowGroup, field, count, cancellationToken),
                _ when type == typeof(uint) => await Read<uint>(rowGroup, field, count, cancellationToken),
                _ when type == typeof(long) => await Read<long>(rowGroup, field, count, cancellationToken),
                _ when type == typeof(ulong) => await Read<ulong>(rowGroup, field, count, cancellationToken),
                _ when type == typeof(float) => await Read<float>(rowGroup, field, count, cancellationToken),
                _ when type == typeof(double) => await Read<double>(rowGroup, field, count, cancellationToken),
                _ when type == typeof(decimal) => await Read<decimal>(rowGroup, field, count, cancellationToken),
                _ when type == typeof(DateTime) => await Read<DateTime>(rowGroup, field, count, cancellationToken),
                _ when type == typeof(DateOnly) => await Read<DateOnly>(rowGroup, field, count, cancellationToken),
                _ when type == typeof(TimeSpan) => await Read<TimeSpan>(rowGroup, field, count, cancellationToken),
                _ when type == typeof(TimeOnly) => await Read<TimeOnly>(rowGroup, field, count, cancellationToken),
                _ when type == typeof(Guid) => await Read<Guid>(rowGroup, field, count, cancellationToken),
                _ => throw new DevEndpointException($"Column '{field.Name}' has the Parquet type {type.Name}, which cannot be loaded yet. Leave it out with --columns."),
            };
        }

        private static async Task<object?[]> Read<T>(ParquetRowGroupReader rowGroup, DataField field, int count, CancellationToken cancellationToken)
            where T : struct
        {
            var values = new T?[count];
            await rowGroup.ReadAsync(field, values.AsMemory(), null, cancellationToken);
            return values.Select(v => v.HasValue ? (object?)v.Value : null).ToArray();
        }
    }
}
