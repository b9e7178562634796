using System.Runtime.ExceptionServices;
using DevEndpoint.Catalog;
using DevEndpoint.Formats.Parquet.Pages;
using Parquet;
using Parquet.Meta;
using Parquet.Schema;

namespace DevEndpoint.Formats.Parquet;

/// <summary>Parquet, reading only the requested columns' chunks.</summary>
/// <param name="physicalNames">
/// By the logical path of a field (<c>a.b</c>), its name in the files where a table format renames columns (Delta's
/// column mapping); <c>null</c> to find fields by the catalog's names.
/// </param>
internal sealed partial class ParquetRowReader(IReadOnlyDictionary<string, string>? physicalNames = null) : FormatReader
{
    /// <summary>Parquet.Net reports a corrupt file with many kinds of exception.</summary>
    protected override bool IsUnreadable(Exception exception) => true;

    /// <summary>
    /// Reads the file column by column, the columns at once, every row group in order. A plain column's chunk of the
    /// common kind is read straight into its builder (<see cref="ColumnChunkReader"/>); any other chunk goes through
    /// Parquet.Net (each column with its own reader of the file, so no reader is shared between threads), plain
    /// columns into the builders in bulk, typed. Which path a chunk takes is decided from the footer before any page is read.
    /// </summary>
    protected override async Task<IReadOnlyList<ReadPart>> ReadPartsAsync(
        string path, CatalogTable table, Func<List<ColumnSink>> newColumns, ReadContext context, CancellationToken cancellationToken)
    {
        var part = new ReadPart(newColumns());
        var leaves = NestedFields.Leaves(table.StorageDescriptor.Columns).DistinctBy(l => l.Column.Name).ToDictionary(l => l.Column.Name);
        var data = part.Columns.Where(b => leaves.ContainsKey(b.Column.Name)).ToList();
        var paths = ChunkPaths.Active;
        List<LeafField?> fields;
        var takes = new List<int>();
        var groups = new List<int>();
        var chunks = new List<ColumnChunkReader?[]>();
        var sizes = new long[data.Count];
        await using (var file = File.OpenRead(path))
        {
            await using var reader = await ParquetReader.CreateAsync(file, ParquetSchemaReader.Options, leaveStreamOpen: false, cancellationToken);
            fields = data.Select(b => Field(reader.Schema, leaves[b.Column.Name], physicalNames)).ToList();
            var elements = SchemaLeaves(reader.Metadata!.Schema);
            var statistics = context.Filter is null ? null : data.Select((b, i) => (b.Column, fields[i]?.Data)).Where(f => f.Data is not null).ToList();
            for (var group = 0; group < reader.RowGroupCount && part.Rows < context.Limit; group++)
            {
                using var rowGroup = reader.OpenRowGroupReader(group);
                if (statistics is not null && !context.Filter!(name => Range(rowGroup, statistics, context.PartitionValues, name)))
                {
                    continue;
                }

                var take = (int)Math.Min(rowGroup.RowCount, context.Limit - part.Rows);
                takes.Add(take);
                groups.Add(group);
                part.Rows += take;
                chunks.Add(data.Select((b, i) =>
                {
                    var chunk = fields[i] is { Data: { } field } ? Chunk(rowGroup, field) : null;
                    sizes[i] += chunk?.MetaData?.TotalCompressedSize ?? 0;
                    return chunk is not null && paths is not { ParquetNetOnly: true }
                        ? FastChunk(chunk, rowGroup, elements, fields[i]!.Data!, b.Column, file.Length)
                        : null;
                }).ToArray());
            }
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        // The biggest columns first, so that no big one is left to run alone at the end. A column that fails does not
        // stop the others: of several that fail, the first in the table's order is reported, whichever failed first.
        var errors = new ExceptionDispatchInfo?[data.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, data.Count).OrderByDescending(i => sizes[i]), options, async (i, token) =>
        {
            try
            {
                await ReadColumnChunksAsync(i, token);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                errors[i] = ExceptionDispatchInfo.Capture(exception);
            }
        });

        errors.FirstOrDefault(e => e is not null)?.Throw();
        return [part];

        async Task ReadColumnChunksAsync(int i, CancellationToken token)
        {
            data[i].Reserve(part.Rows);
            if (chunks.All(c => c[i] is { TextBytes: > 0 }))
            {
                data[i].ReserveBytes(chunks.Sum(c => c[i]!.TextBytes));
            }
            using var handle = chunks.Any(c => c[i] is not null) ? File.OpenHandle(path) : null;
            ParquetReader? reader = null;
            try
            {
                for (var k = 0; k < takes.Count; k++)
                {
                    if (chunks[k][i] is { } chunk)
                    {
                        chunk.Read(handle!, data[i], takes[k]);
                        paths?.CountFast();
                    }
                    else
                    {
                        reader ??= await ParquetReader.CreateAsync(File.OpenRead(path), ParquetSchemaReader.Options, leaveStreamOpen: false, token);
                        using var rowGroup = reader.OpenRowGroupReader(groups[k]);
                        await ReadColumnAsync(rowGroup, fields[i], data[i], (table, path), takes[k], token);
                        if (fields[i] is { Data: not null })
                        {
                            paths?.CountParquetNet();
                        }
                    }
                }

                data[i].Complete();
            }
            finally
            {
                if (reader is not null)
                {
                    await reader.DisposeAsync();
                }
            }
        }
    }

    /// <summary>A plain column's chunk in a row group, found by its path.</summary>
    private static ColumnChunk? Chunk(ParquetRowGroupReader rowGroup, DataField field)
    {
        var path = field.Path.ToList();
        return rowGroup.RowGroup.Columns.FirstOrDefault(c => c.MetaData is { } meta && meta.PathInSchema.SequenceEqual(path));
    }

    /// <summary>The reader of a plain column's chunk, when it is of the kind read without Parquet.Net.</summary>
    private static ColumnChunkReader? FastChunk(
        ColumnChunk chunk, ParquetRowGroupReader rowGroup, Dictionary<string, SchemaElement> elements, DataField field, Column column, long fileLength) =>
        elements.TryGetValue(string.Join('\0', field.Path.ToList()), out var element)
            ? ColumnChunkReader.TryCreate(chunk, element, field, column, rowGroup.RowCount, fileLength)
            : null;

    /// <summary>The schema's leaf elements by their path (names joined by NUL), from the footer's depth-first list.</summary>
    private static Dictionary<string, SchemaElement> SchemaLeaves(List<SchemaElement> schema)
    {
        var leaves = new Dictionary<string, SchemaElement>(StringComparer.Ordinal);
        var next = 1;
        void Walk(string prefix, int children)
        {
            for (var child = 0; child < children && next < schema.Count; child++)
            {
                var element = schema[next++];
                var path = prefix.Length == 0 ? element.Name : $"{prefix}\0{element.Name}";
                if (element.NumChildren is { } count && count > 0)
                {
                    Walk(path, count);
                }
                else
                {
                    leaves[path] = element;
                }
            }
        }

        Walk(string.Empty, schema.Count == 0 ? 0 : schema[0].NumChildren ?? 0);
        return leaves;
    }

    /// <summary>Adds the first <paramref name="take"/> values of a loaded column in a row group of <paramref name="file"/> (its table and path).</summary>
    private static async Task ReadColumnAsync(
        ParquetRowGroupReader rowGroup, LeafField? field, ColumnSink builder, (CatalogTable Table, string Path) file, int take, CancellationToken cancellationToken)
    {
        switch (field)
        {
            case { List: { } list }:
                var lists = await ParquetLists.ReadAsync(rowGroup, list.ElementLevels, list.Leaf, cancellationToken);
                for (var row = 0; row < take; row++)
                {
                    builder.AddValue(lists[row] is { } value ? JsonText.Write(value) : null);
                }

                break;
            case { Nested: { } nested }:
                foreach (var value in await NestedValuesAsync(rowGroup, nested, file.Table, file.Path, take, cancellationToken))
                {
                    builder.AddValue(value);
                }

                break;
            case { Data: { } data } when rowGroup.ColumnExists(data):
                await ReadValuesAsync(rowGroup, data, builder, (int)rowGroup.RowCount, take, cancellationToken);
                break;
            default:
                for (var row = 0; row < take; row++)
                {
                    builder.AddNull();
                }

                break;
        }
    }

    private static async Task ReadValuesAsync(ParquetRowGroupReader rowGroup, DataField field, ColumnSink builder, int count, int take, CancellationToken cancellationToken)
    {
        var type = field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            var strings = new string?[count];
            await rowGroup.ReadAsync(field, strings.AsMemory(), null, cancellationToken);
            foreach (var value in strings.AsSpan(0, take))
            {
                builder.AddValue(value);
            }

            return;
        }

        if (type == typeof(byte[]) || type == typeof(ReadOnlyMemory<byte>))
        {
            var bytes = new byte[]?[count];
            await rowGroup.ReadAsync(field, bytes.AsMemory(), null, cancellationToken);
            foreach (var value in bytes.AsSpan(0, take))
            {
                builder.AddValue(value);
            }

            return;
        }

        var read = type switch
        {
            _ when type == typeof(bool) => Read<bool>(rowGroup, field, builder, count, take, cancellationToken),
            _ when type == typeof(sbyte) => Read<sbyte>(rowGroup, field, builder, count, take, cancellationToken),
            _ when type == typeof(byte) => Read<byte>(rowGroup, field, builder, count, take, cancellationToken),
            _ when type == typeof(short) => Read<short>(rowGroup, field, builder, count, take, cancellationToken),
            _ when type == typeof(ushort) => Read<ushort>(rowGroup, field, builder, count, take, cancellationToken),
            _ when type == typeof(int) => Read<int>(rowGroup, field, builder, count, take, cancellationToken),
            _ when type == typeof(uint) => Read<uint>(rowGroup, field, builder, count, take, cancellationToken),
            _ when type == typeof(long) => Read<long>(rowGroup, field, builder, count, take, cancellationToken),
            _ when type == typeof(ulong) => Read<ulong>(rowGroup, field, builder, count, take, cancellationToken),
            _ when type == typeof(float) => Read<float>(rowGroup, field, builder, count, take, cancellationToken),
            _ when type == typeof(double) => Read<double>(rowGroup, field, builder, count, take, cancellationToken),
            _ when type == typeof(decimal) => Read<decimal>(rowGroup, field, builder, count, take, cancellationToken),
            _ when type == typeof(DateTime) => Read<DateTime>(rowGroup, field, builder, count, take, cancellationToken),
            _ when type == typeof(DateOnly) => Read<DateOnly>(rowGroup, field, builder, count, take, cancellationToken),
            _ when type == typeof(TimeSpan) => Read<TimeSpan>(rowGroup, field, builder, count, take, cancellationToken),
            _ when type == typeof(TimeOnly) => Read<TimeOnly>(rowGroup, field, builder, count, take, cancellationToken),
            _ when type == typeof(Guid) => Read<Guid>(rowGroup, field, builder, count, take, cancellationToken),
            _ => throw new DevEndpointException($"Column '{field.Name}' has the Parquet type {type.Name}, which cannot be loaded yet. Leave it out with --columns."),
        };
        await read;
    }

    private static async Task Read<T>(ParquetRowGroupReader rowGroup, DataField field, ColumnSink builder, int count, int take, CancellationToken cancellationToken)
        where T : struct
    {
        // A required column is read as such: read into nullable values, Parquet.Net 6.1 returned spurious nulls
        // and shifted values for one (datapage_v1-uncompressed-checksum.parquet) once other files had been read.
        if (field.MaxDefinitionLevel == 0)
        {
            var required = new T[count];
            await rowGroup.ReadAsync(field, required.AsMemory(), null, cancellationToken);
            builder.AddValues(required, take);
            return;
        }

        var values = new T?[count];
        await rowGroup.ReadAsync(field, values.AsMemory(), null, cancellationToken);
        builder.AddValues(values, take);
    }
}
