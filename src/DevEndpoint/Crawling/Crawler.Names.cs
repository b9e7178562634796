using DevEndpoint.Catalog;

namespace DevEndpoint.Crawling;

public sealed partial class Crawler
{
    /// <summary>The tables an earlier crawl of this include path wrote into the database, by their folder relative to the include path.</summary>
    private ILookup<string, CatalogTable> PreviousTables(string root, string database)
    {
        var tables = catalog.GetDatabases().Any(d => d.Name == database) ? catalog.GetTables(database) : [];
        return tables
            .Where(t => t.Parameter(IncludePathParameter) == root + "/" && t.StorageDescriptor.Location is not null)
            .ToLookup(t => RelativeFolder(root, t.StorageDescriptor.Location!), StringComparer.Ordinal);
    }

    private static string RelativeFolder(string root, string location)
    {
        var relative = location.StartsWith(root + "/", StringComparison.Ordinal) ? location[(root.Length + 1)..] : location;
        return relative.TrimEnd('/');
    }

    /// <summary>
    /// Names the tables of a crawl. A group of files that an earlier crawl of the include path made into a table keeps that
    /// table's name (matched by the files it listed in a shared folder, else by its classification and columns), so a
    /// re-crawl renames nothing and a file added later gets a name of its own. A new table takes its folder's name when it
    /// is its folder's largest; a table made of one file of a folder whose files make several tables takes the file's
    /// name (<c>WorldCup-1930.csv</c> makes <c>worldcup_1930_csv</c>, as Glue's crawler names it); the other tables take
    /// the folder's name with their classification or their rank. Names are unique within the crawl.
    /// </summary>
    private sealed class TableNames(string rootName, ILookup<string, CatalogTable> previous)
    {
        private readonly HashSet<string> used = new(StringComparer.Ordinal);

        /// <summary>The names earlier crawls gave to the groups of <paramref name="folder"/>, null for a new group; claims them.</summary>
        public string?[] Keep(string folder, List<List<ClassifiedFile>> clusters)
        {
            var kept = new string?[clusters.Count];
            var matches =
                from table in previous[folder]
                from i in Enumerable.Range(0, clusters.Count)
                let score = Score(table, folder, clusters[i])
                where score.Files > 0 || score.Columns > 0
                orderby score.Files descending, score.Columns descending, i, table.Name
                select (table.Name, Index: i);
            foreach (var (name, index) in matches)
            {
                if (kept[index] is null && !used.Contains(name))
                {
                    kept[index] = name;
                    used.Add(name);
                }
            }

            return kept;
        }

        /// <summary>A name for the new group <paramref name="index"/> of <paramref name="folder"/>, not used in this crawl; claims it.</summary>
        public string New(string folder, List<List<ClassifiedFile>> clusters, int index)
        {
            var cluster = clusters[index];
            var baseName = SanitizeTableName(folder.Length == 0 ? rootName : folder[(folder.LastIndexOf('/') + 1)..]);
            var classification = cluster[0].Schema.Classification;
            var name = clusters.Count > 1 && cluster.Count == 1 && cluster[0].File.Folder == folder ? SanitizeTableName(Path.GetFileName(cluster[0].File.RelativePath))
                : index == 0 ? baseName
                : clusters.Count(c => c[0].Schema.Classification == classification) == 1 ? $"{baseName}_{classification}"
                : $"{baseName}_{index + 1}";
            if (used.Contains(name))
            {
                name = $"{name}_{ShortHash(folder + "|" + cluster[0].File.RelativePath)}";
            }

            used.Add(name);
            return name;
        }

        /// <summary>
        /// How well a table of an earlier crawl fits a group: the files the two share when the table lists its files; else, for
        /// a table of the same classification, the column names they share.
        /// </summary>
        private static (int Files, int Columns) Score(CatalogTable table, string folder, List<ClassifiedFile> cluster)
        {
            var listed = TableFiles.SharedFolderFiles(table);
            if (listed.Count > 0)
            {
                var files = cluster.Select(f => folder.Length == 0 ? f.File.RelativePath : f.File.RelativePath[(folder.Length + 1)..]);
                return (listed.Intersect(files, StringComparer.Ordinal).Count(), 0);
            }

            if (table.Parameter("classification") != cluster[0].Schema.Classification)
            {
                return (0, 0);
            }

            var columns = table.StorageDescriptor.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
            return (0, cluster.SelectMany(f => f.Schema.Columns).Select(c => c.Name).Distinct(StringComparer.Ordinal).Count(columns.Contains));
        }
    }
}
