using System.Security.Cryptography;
using System.Text;
using DevEndpoint.Catalog;
using DevEndpoint.Formats;

namespace DevEndpoint.Crawling;

public sealed partial class Crawler
{
    /// <summary>
    /// Groups classified files into tables: the table folders (see <see cref="FindTableFolders"/>), each split by
    /// compatible format, named by <see cref="TableNames"/>; files that do not fit are skipped with the reason.
    /// </summary>
    private static List<TablePlan> PlanTables(List<ClassifiedFile> files, string rootName, CrawlOptions options, ILookup<string, CatalogTable> previous, List<SkippedFile> skipped)
    {
        var folders = FindTableFolders(files, options, skipped)
            .OrderBy(g => g.Folder, StringComparer.Ordinal)
            .Select(g => (g.Folder, Clusters: Cluster(g.Files, options.CombineCompatibleSchemas)))
            .ToList();
        var names = new TableNames(rootName, previous);
        var kept = folders.Select(f => names.Keep(f.Folder, f.Clusters)).ToList();
        var plans = new List<TablePlan>();
        for (var f = 0; f < folders.Count; f++)
        {
            var (folder, clusters) = folders[f];
            for (var i = 0; i < clusters.Count; i++)
            {
                var name = kept[f][i] ?? names.New(folder, clusters, i);
                if (Plan(name, folder, clusters[i], skipped) is { } plan)
                {
                    plans.Add(plan);
                }
            }
        }

        return plans;
    }

    /// <summary>
    /// Splits files into groups of one format (classification, compression, delimiter, header). Delimited text splits
    /// further by schema: with a header, one file's columns extend the other's at the end; without, the same column count.
    /// <paramref name="strict"/> splits other formats too, where one file's column names must include the other's;
    /// <paramref name="combine"/> keeps one group per format. Largest first.
    /// </summary>
    private static List<List<ClassifiedFile>> Cluster(IEnumerable<ClassifiedFile> files, bool combine, bool strict = false)
    {
        var clusters = new List<(string Format, FileSchema Widest, List<ClassifiedFile> Files)>();
        foreach (var file in files.OrderByDescending(f => f.Schema.Columns.Count).ThenBy(f => f.File.RelativePath, StringComparer.Ordinal))
        {
            var format = FormatKey(file.Schema);
            var index = clusters.FindIndex(c => c.Format == format && (combine || Extends(c.Widest, file.Schema, strict)));
            if (index < 0)
            {
                clusters.Add((format, file.Schema, [file]));
            }
            else
            {
                clusters[index].Files.Add(file);
            }
        }

        return clusters
            .OrderByDescending(c => c.Files.Count)
            .ThenBy(c => c.Format, StringComparer.Ordinal)
            .ThenBy(c => string.Join(",", Names(c.Widest)), StringComparer.Ordinal)
            .Select(c => c.Files)
            .ToList();
    }

    private static string FormatKey(FileSchema schema) =>
        schema.Csv is { } csv
            ? $"{schema.Classification}|{schema.Compression}|{(int)csv.Delimiter}|{csv.HasHeader}"
            : $"{schema.Classification}|{schema.Compression}";

    private static bool Extends(FileSchema widest, FileSchema schema, bool strict)
    {
        var wide = Names(widest);
        var names = Names(schema);
        return schema.Csv switch
        {
            { HasHeader: true } => wide.AsSpan(0, Math.Min(wide.Length, names.Length)).SequenceEqual(names),
            not null => wide.Length == names.Length,
            null => !strict || names.All(wide.Contains),
        };
    }

    private static TablePlan? Plan(string name, string folder, List<ClassifiedFile> files, List<SkippedFile> skipped)
    {
        var depth = Depth(folder);
        var grouped = files.GroupBy(f => string.Join('/', f.PartitionValues(depth).Select(p => p.Key))).ToList();
        foreach (var repeating in grouped.Where(g => RepeatedKey(g.Key) is not null))
        {
            foreach (var file in repeating)
            {
                skipped.Add(new SkippedFile(
                    file.File.RelativePath,
                    $"its partition folders ({repeating.Key}) name the key '{RepeatedKey(repeating.Key)}' more than once; rename a folder or exclude it"));
            }
        }

        var layouts = grouped.Where(g => RepeatedKey(g.Key) is null)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        foreach (var other in layouts.Skip(1))
        {
            foreach (var file in other)
            {
                skipped.Add(new SkippedFile(
                    file.File.RelativePath,
                    $"its partition folders ({Describe(other.Key)}) differ from those of the other files of table '{name}' ({Describe(layouts[0].Key)}); move it or exclude it"));
            }
        }

        if (layouts.Count == 0)
        {
            return null;
        }

        var kept = layouts[0].ToList();
        var columns = new List<Column>();
        foreach (var file in kept)
        {
            MergeColumns(columns, file.Schema.Columns);
        }

        var partitionKeys = kept[0].PartitionValues(depth).Select(p => p.Key).ToList();
        columns.RemoveAll(c => partitionKeys.Contains(c.Name));
        return new TablePlan(name, folder, kept, columns, partitionKeys);
    }

    private static void MergeColumns(List<Column> columns, IEnumerable<Column> more)
    {
        foreach (var column in more)
        {
            var index = columns.FindIndex(c => c.Name == column.Name);
            if (index < 0)
            {
                columns.Add(column);
            }
            else
            {
                columns[index] = columns[index].WidenWith(column);
            }
        }
    }

    private static string[] Names(FileSchema schema) => schema.Columns.Select(c => c.Name).ToArray();

    private static string? RepeatedKey(string layout) =>
        layout.Split('/').GroupBy(k => k, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;

    private static string Describe(string layout) => layout.Length == 0 ? "none" : layout;

    /// <summary>Table names as Glue and Athena accept them: lower case letters, digits and underscores.</summary>
    internal static string SanitizeTableName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            builder.Append(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) ? c : '_');
        }

        var sanitized = builder.ToString().Trim('_');
        return sanitized.Length == 0 ? "table" : sanitized;
    }

    internal static string ShortHash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..6];

    private sealed record TablePlan(string Name, string Folder, List<ClassifiedFile> Files, List<Column> Columns, List<string> PartitionKeys)
    {
        public FileSchema First => Files[0].Schema;

        /// <summary>Files of the table's folders that were not read (<see cref="CrawlOptions.SampleFiles"/>), taken to be like the files read there.</summary>
        public List<FoundFile> Unsampled { get; } = [];

        public int Depth => Crawler.Depth(Folder);
    }

    private static int Depth(string folder) => folder.Length == 0 ? 0 : folder.Count(c => c == '/') + 1;
}
