using DevEndpoint.Catalog;
using DevEndpoint.Formats;
using DevEndpoint.Frames;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Loading;

/// <summary>The last steps of a load of files: read them, in parallel or up to a limit, and assemble the frame.</summary>
public sealed partial class TableLoader
{
    private FileReader NewFileReader(
        CatalogTable table, FormatReader reader, ColumnPlan columns, LoadOptions options, List<TableFile> files, FolderPlan folders)
    {
        var fraction = SampleFraction(columns, table, options, folders);
        var context = new ReadContext(
            columns.Filter is null ? options.Limit ?? long.MaxValue : long.MaxValue,
            options.Mode == BadRecordMode.FailFast,
            options.Mode == BadRecordMode.Permissive,
            fraction,
            options.ErrorThreshold,
            options.Limit is null ? RangeBytes : long.MaxValue,
            Math.Min(MaxRanges, 64));
        return new FileReader(table, reader, columns, options.Strings, files, fraction, context);
    }

    /// <summary>Reads the files one after the other until the limit's rows are read (the limit counts rows the filter keeps).</summary>
    private static async Task<(IReadOnlyList<ReadPart>[] Read, int FilesRead)> ReadUpToAsync(
        FileReader reader, long limit, IProgress<LoadProgress>? progress, CancellationToken cancellationToken)
    {
        var read = new IReadOnlyList<ReadPart>[reader.Files.Count];
        var rows = 0L;
        var filesRead = 0;
        for (var i = 0; i < reader.Files.Count && rows < limit; i++)
        {
            read[i] = await reader.ReadAsync(i, reader.Context with { Limit = reader.Columns.Filter is null ? limit - rows : long.MaxValue }, cancellationToken);
            foreach (var part in read[i])
            {
                part.Truncate(limit - rows);
                rows += part.Rows;
            }

            filesRead++;
            progress?.Report(new LoadProgress(filesRead, reader.Files.Count, rows));
        }

        return (read, filesRead);
    }

    /// <summary>Reads every file, as many at once as there are cores.</summary>
    private static async Task<(IReadOnlyList<ReadPart>[] Read, int FilesRead)> ReadAllAsync(
        FileReader reader, IProgress<LoadProgress>? progress, CancellationToken cancellationToken)
    {
        var read = new IReadOnlyList<ReadPart>[reader.Files.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        var filesDone = 0;
        var rowsRead = 0L;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, reader.Files.Count),
            parallel,
            async (i, token) =>
            {
                read[i] = await reader.ReadAsync(i, reader.Context, token);
                var rows = Interlocked.Add(ref rowsRead, read[i].Sum(p => p.Rows));
                progress?.Report(new LoadProgress(Interlocked.Increment(ref filesDone), reader.Files.Count, rows));
            });
        return (read, reader.Files.Count);
    }

    /// <summary>A sample of n rows with a filter on data columns, taken once the rows the filter kept are counted.</summary>
    private static void SampleFilteredRows(IReadOnlyList<ReadPart>[] read, int filesRead, List<TableFile> files, ColumnPlan columns, LoadOptions options, string location)
    {
        if (options.SampleRows is { } sampleRows && columns.Filter is not null && read.Take(filesRead).Sum(r => r.Sum(p => p.Rows)) is var kept && kept > sampleRows)
        {
            for (var i = 0; i < filesRead; i++)
            {
                Sample(read[i], (double)sampleRows / kept, Seed(files[i].Path, location));
            }
        }
    }

    /// <summary>The parts read, in file order, and their bad records.</summary>
    private static (List<ReadPart> Parts, BadRecords Bad) Gather(IReadOnlyList<ReadPart>[] read, int filesRead)
    {
        var parts = new List<ReadPart>();
        var bad = new BadRecords();
        for (var i = 0; i < filesRead; i++)
        {
            foreach (var part in read[i])
            {
                bad.AddRange(part.Bad);
                parts.Add(part);
            }
        }

        return (parts, bad);
    }

    /// <summary>The frame of the output columns: each column's parts joined, the columns at once.</summary>
    private static DataFrame Assemble(List<ReadPart> parts, FileReader reader, int outputColumns, CancellationToken cancellationToken)
    {
        var columns = new DataFrameColumn[outputColumns];
        Parallel.For(
            0,
            columns.Length,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            j => columns[j] = parts.Count == 0 ? reader.NewColumns()[j].Build() : ColumnBuilder.Concat(parts.Select(p => p.Columns[j]).ToList()));
        return new DataFrame(columns);
    }

    /// <summary>
    /// Reads one file of the load into parts, with the partition values as columns, sampled and filtered as the load asks.
    /// </summary>
    private sealed class FileReader(
        CatalogTable table, FormatReader reader, ColumnPlan columns, StringStorage strings, List<TableFile> files, double? fraction, ReadContext context)
    {
        private readonly string location = table.StorageDescriptor.Location ?? string.Empty;

        public List<TableFile> Files => files;

        public ColumnPlan Columns => columns;

        public ReadContext Context => context;

        public List<ColumnBuilder> NewColumns() => columns.Read.Select(c => ColumnBuilder.For(c, strings)).ToList();

        public async Task<IReadOnlyList<ReadPart>> ReadAsync(int file, ReadContext context, CancellationToken token)
        {
            var (path, values) = files[file];
            var filter = columns.Filter;
            if (filter is not null && fraction is null)
            {
                context = context with { Filter = filter.MayMatch, PartitionValues = values };
            }

            var parts = await reader.ReadAsync(path, table, () => [.. NewColumns()], context, token);
            foreach (var part in parts)
            {
                foreach (var builder in part.Columns.Where(b => columns.PartitionKeys.Contains(b.Column.Name)))
                {
                    builder.AddRepeated(values[builder.Column.Name], part.Rows);
                }
            }

            if (fraction is { } keep && reader.SamplesRows is false)
            {
                Sample(parts, keep, Seed(path, location));
            }

            if (filter is not null)
            {
                Filter(parts, filter, values);
            }

            return parts;
        }
    }
}
