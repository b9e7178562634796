using DevEndpoint.Catalog;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Writing;

/// <summary>
/// One share of a write made of many (a task of a distributed job): its files, written into a staging folder of its own
/// and not yet in place, with the columns it wrote and its parts.
/// </summary>
/// <param name="Folder">The staging folder holding the share's files (full path).</param>
internal sealed record StagedWrite(string Folder, IReadOnlyList<Column> Data, IReadOnlyList<Column> Keys, IReadOnlyList<FrameWriter.WrittenPart> Parts);

public sealed partial class FrameWriter
{
    /// <summary>
    /// Writes <paramref name="frame"/> as one share of a write into <paramref name="folder"/> (emptied first, so a task run
    /// again leaves one copy of its output), partitioned and formatted as <paramref name="options"/> say; nothing is put
    /// in place and no catalog is touched until <see cref="PublishStaged"/>.
    /// </summary>
    internal static async Task<StagedWrite> StageAsync(DataFrame frame, WriteOptions options, string folder, CancellationToken cancellationToken = default)
    {
        var codec = options.Codec();
        var (keys, data) = SplitColumns(frame, options);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var parts = await WritePartsAsync(frame, keys, data, folder, Guid.NewGuid().ToString("N"), options.Format, codec, cancellationToken);
        return new StagedWrite(folder, ColumnsOf(data), ColumnsOf(keys), parts);
    }

    /// <summary>
    /// Puts the shares of one write in place together, as one write of their frames would: their files are gathered into
    /// <paramref name="commitFolder"/>, then moved into the target folder in the same step as the catalog table's update
    /// (columns widened over the shares). A failure leaves the folder and the catalog as they were.
    /// </summary>
    /// <param name="alongside">
    /// Further changes that commit in the same catalog transaction as the output (a job's bookmark and run): when they fail,
    /// neither they nor the output are stored, and the files go back.
    /// </param>
    internal WriteResult PublishStaged(IReadOnlyList<StagedWrite> shares, WriteOptions options, string commitFolder, Action<CatalogUpdate>? alongside = null)
    {
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.Path));
        var codec = options.Codec();
        var table = TableToUpdate(options);
        if (options.Mode == WriteMode.ErrorIfExists && HoldsFiles(target))
        {
            throw WriteErrors.Exists(target);
        }

        var data = shares.Select(s => s.Data.ToList()).Aggregate((wide, next) => Widen(wide, next));
        var keys = shares.Select(s => s.Keys.ToList()).Aggregate((wide, next) => wide.Zip(next, (a, b) => a.WidenWith(b)).ToList());
        var parts = Gather(shares, commitFolder);
        var partitions = keys.Count == 0 ? null : parts.Select(p => p.Folder).ToList();
        var publication = new Publication(commitFolder, target);
        CatalogChange? change = null;
        try
        {
            if (table is not null || alongside is not null)
            {
                catalog!.Update(update =>
                {
                    change = table is { } name ? UpdateCatalog(update, name, options, codec, target, data, keys, parts) : null;
                    publication.Run(options.Mode, partitions);
                    alongside?.Invoke(update);
                });
            }
            else
            {
                publication.Run(options.Mode, partitions);
            }
        }
        catch
        {
            publication.Undo();
            throw;
        }
        finally
        {
            if (Directory.Exists(commitFolder))
            {
                Directory.Delete(commitFolder, recursive: true);
            }
        }

        publication.Complete();
        return Result(parts.Sum(p => p.Rows), options, target, codec, table, keys.Count > 0, parts, change) with { Removed = publication.Removed };
    }

    /// <summary>Moves every share's files into <paramref name="commitFolder"/> and merges their parts by partition folder.</summary>
    private static List<WrittenPart> Gather(IReadOnlyList<StagedWrite> shares, string commitFolder)
    {
        Directory.CreateDirectory(commitFolder);
        foreach (var share in shares)
        {
            foreach (var file in share.Parts.SelectMany(p => p.Files))
            {
                var destination = Path.Combine(commitFolder, file.Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Move(Path.Combine(share.Folder, file.Replace('/', Path.DirectorySeparatorChar)), destination);
            }
        }

        return shares.SelectMany(s => s.Parts)
            .GroupBy(p => p.Folder, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new WrittenPart(
                g.Key,
                g.Select(p => p.Values).FirstOrDefault(v => v.Count > 0) ?? [],
                g.SelectMany(p => p.Files).ToList(),
                g.Sum(p => p.Rows),
                g.Sum(p => p.Bytes)))
            .ToList();
    }
}
