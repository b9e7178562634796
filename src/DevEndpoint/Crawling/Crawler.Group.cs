using DevEndpoint.Catalog;

namespace DevEndpoint.Crawling;

public sealed partial class Crawler
{
    /// <summary>
    /// Finds the table folders. With <see cref="CrawlOptions.TableLevel"/> every folder at that depth is one; with
    /// <see cref="CrawlOptions.CombineCompatibleSchemas"/> the include path is; otherwise, from the include path down:
    /// a lone subfolder with a name (not <c>key=value</c>, not starting with a digit) is the table's folder rather than
    /// a partition; <c>key=value</c> subfolders are partitions of the folder's table; where there are none, when more
    /// than half of the subfolders hold compatible files (same format, compression, folder depths and a schema that one of them extends)
    /// and no <c>key=value</c> folders of their own, they are partitions too (<c>partition_0</c>, ...); every other
    /// subfolder is looked at the same way on its own, so unrelated siblings stay separate tables.
    /// </summary>
    private static List<(string Folder, List<ClassifiedFile> Files)> FindTableFolders(
        List<ClassifiedFile> files, CrawlOptions options, List<SkippedFile> skipped)
    {
        var found = new List<(string, List<ClassifiedFile>)>();
        if (options.TableLevel is { } level)
        {
            foreach (var file in files.Where(f => f.File.Folders.Length < level - 1))
            {
                skipped.Add(new SkippedFile(
                    file.File.RelativePath,
                    $"it lies above table level {level}, where tables start {level - 1} folder(s) below the include path; move it or choose a lower table level"));
            }

            found.AddRange(files.Where(f => f.File.Folders.Length >= level - 1)
                .GroupBy(f => string.Join('/', f.File.Folders.Take(level - 1)))
                .Select(g => (g.Key, g.ToList())));
        }
        else if (options.CombineCompatibleSchemas)
        {
            found.Add((string.Empty, files));
        }
        else
        {
            Find(string.Empty, 0, files, found);
        }

        return found;
    }

    private static void Find(string folder, int depth, List<ClassifiedFile> files, List<(string, List<ClassifiedFile>)> found)
    {
        var direct = files.Where(f => f.File.Folders.Length == depth).ToList();
        var children = files.Where(f => f.File.Folders.Length > depth).GroupBy(f => f.File.Folders[depth]).ToList();
        if (direct.Count == 0 && children.Count == 1 && IsTableName(children[0].Key))
        {
            Find(Combine(folder, children[0].Key), depth + 1, files, found);
            return;
        }

        var plain = children.Where(c => !IsHivePartition(c.Key)).ToList();
        if (plain.Count == 0)
        {
            found.Add((folder, files));
            return;
        }

        var clusterOf = Cluster(files, combine: false, strict: true)
            .SelectMany((cluster, id) => cluster.Select(f => (f, id)))
            .ToDictionary(p => p.f, p => p.id);
        string? Signature(IGrouping<string, ClassifiedFile> child) =>
            child.Select(f => clusterOf[f]).Distinct().Count() == 1 && !child.Any(f => f.File.Folders.Skip(depth + 1).Any(IsHivePartition))
                ? $"{clusterOf[child.First()]}|{string.Join(",", child.Select(f => f.File.Folders.Length).Distinct().Order())}"
                : null;
        var majority = plain.Where(c => Signature(c) is not null).GroupBy(Signature).OrderByDescending(g => g.Count()).FirstOrDefault();
        var partitions = majority is not null && majority.Count() * 2 > plain.Count && plain.Count == children.Count ? majority.ToList() : [];
        var table = direct.Concat(children.Except(plain).Concat(partitions).SelectMany(c => c)).ToList();
        if (table.Count > 0)
        {
            found.Add((folder, table));
        }

        foreach (var child in plain.Except(partitions))
        {
            Find(Combine(folder, child.Key), depth + 1, child.ToList(), found);
        }
    }

    /// <summary>A folder name that names a table rather than a partition value: not <c>key=value</c>, not starting with a digit.</summary>
    private static bool IsTableName(string folder) => !IsHivePartition(folder) && !char.IsAsciiDigit(folder[0]);

    private static string Combine(string folder, string child) => folder.Length == 0 ? child : $"{folder}/{child}";
}
