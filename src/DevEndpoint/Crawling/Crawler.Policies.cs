using DevEndpoint.Catalog;

namespace DevEndpoint.Crawling;

public sealed partial class Crawler
{
    /// <summary>Table parameter that marks a table whose files vanished, holding the id of the run that found out.</summary>
    public const string DeprecatedParameter = "DEPRECATED_BY_CRAWLER";

    /// <summary>The folders, relative to the include path, holding a table or partition that an earlier crawl of this include path wrote.</summary>
    private HashSet<string> SeenFolders(string root, string database)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (!catalog.GetDatabases().Any(d => d.Name == database))
        {
            return seen;
        }

        foreach (var table in catalog.GetTables(database).Where(t => t.Parameter(IncludePathParameter) == root + "/"))
        {
            var locations = catalog.GetPartitions(new TableName(database, table.Name)).Select(p => p.StorageDescriptor.Location).Prepend(table.StorageDescriptor.Location);
            foreach (var location in locations.OfType<string>())
            {
                var relative = Path.GetRelativePath(root, location).Replace('\\', '/').TrimEnd('/');
                seen.Add(relative == "." ? string.Empty : relative);
            }
        }

        return seen;
    }

    /// <summary>
    /// Applies the delete behavior. A table of this include path that no file of the crawl maps to has vanished: it is deprecated
    /// (parameter <see cref="DeprecatedParameter"/> set to the run id, once), deleted (its last definition kept as a table
    /// version) or only reported, by <see cref="CrawlOptions.DeleteBehavior"/>. A partition whose folder vanished from a
    /// table the crawl wrote is removed under deprecate and delete (a deprecated table keeps its partitions, but a
    /// partition is not versioned and one without files would only mislead a load) and reported under log. A crawl of new
    /// folders only neither deprecates nor deletes: it did not look at the other folders.
    /// </summary>
    private static List<CrawledTable> RetireVanishedTables(WriteContext context, HashSet<string> written)
    {
        var retired = new List<CrawledTable>();
        var vanished = context.Update.FindTables(context.Database)
            .Where(t => t.Parameter(IncludePathParameter) == context.Root + "/" && !written.Contains(t.Name))
            .ToList();
        foreach (var table in vanished)
        {
            var name = new TableName(table.DatabaseName, table.Name);
            var summary = new CrawledTable(table.Name, TableChange.Unchanged, table.Parameter("classification") ?? string.Empty, table.StorageDescriptor.Columns.Count, 0, 0, 0, 0);
            switch (context.Options.DeleteBehavior)
            {
                case DeleteBehavior.Delete:
                    context.Update.DeleteTable(name);
                    context.Log(table.Name, "its files vanished; the table and its partitions were deleted (delete behavior delete)");
                    retired.Add(summary with { Change = TableChange.Deleted });
                    break;
                case DeleteBehavior.Deprecate when table.Parameter(DeprecatedParameter) is null:
                    context.Update.PutTable(table with { Parameters = new Dictionary<string, string>(table.Parameters) { [DeprecatedParameter] = context.RunId } });
                    context.Log(table.Name, $"its files vanished; the table was marked {DeprecatedParameter} = {context.RunId} (delete behavior deprecate)");
                    retired.Add(summary with { Change = TableChange.Deprecated });
                    break;
                case DeleteBehavior.Log:
                    context.Log(table.Name, "its files vanished; the table is kept as it was (delete behavior log)");
                    break;
            }
        }

        return retired;
    }

    private static void RetireVanishedPartitions(WriteContext context, string table, HashSet<string> found)
    {
        var name = new TableName(context.Database, table);
        foreach (var values in context.Update.FindPartitionValues(name).Where(v => !found.Contains(CatalogJson.Serialize(v))))
        {
            var partition = string.Join('/', values);
            if (context.Options.DeleteBehavior == DeleteBehavior.Log)
            {
                context.Log(table, $"the folder of partition {partition} vanished; the partition is kept (delete behavior log)");
                continue;
            }

            context.Update.DeletePartition(name, values);
            context.PartitionsDeleted++;
            context.Log(table, $"the folder of partition {partition} vanished; the partition was removed");
        }
    }

    /// <summary>How a crawled table's schema differs from the stored one, or <c>null</c> when it does not.</summary>
    internal static string? DescribeSchemaChange(CatalogTable stored, CatalogTable crawled)
    {
        var before = stored.StorageDescriptor.Columns.ToDictionary(c => c.Name, c => c.Type, StringComparer.Ordinal);
        var changes = new List<string>();
        var added = crawled.StorageDescriptor.Columns.Where(c => !before.ContainsKey(c.Name)).Select(c => $"{c.Name} {c.Type}").ToList();
        if (added.Count > 0)
        {
            changes.Add($"columns added: {string.Join(", ", added)}");
        }

        var retyped = crawled.StorageDescriptor.Columns
            .Where(c => before.TryGetValue(c.Name, out var type) && !string.Equals(type, c.Type, StringComparison.OrdinalIgnoreCase))
            .Select(c => $"{c.Name} {before[c.Name]} -> {c.Type}")
            .ToList();
        if (retyped.Count > 0)
        {
            changes.Add($"types changed: {string.Join(", ", retyped)}");
        }

        var keys = (Before: string.Join(", ", stored.PartitionKeys.Select(k => k.Name)), After: string.Join(", ", crawled.PartitionKeys.Select(k => k.Name)));
        if (keys.Before != keys.After)
        {
            changes.Add($"partition keys: ({keys.Before}) -> ({keys.After})");
        }

        foreach (var parameter in new[] { "classification", "compressionType" })
        {
            if (stored.Parameter(parameter) != crawled.Parameter(parameter))
            {
                changes.Add($"{parameter}: {stored.Parameter(parameter)} -> {crawled.Parameter(parameter)}");
            }
        }

        return changes.Count == 0 ? null : string.Join("; ", changes);
    }

    /// <summary>A crawl of new folders only adds the new files' counts to the stored table's.</summary>
    private static CatalogTable AddStatistics(CatalogTable crawled, CatalogTable stored)
    {
        long Sum(string key) => long.Parse(crawled.Parameter(key) ?? "0", System.Globalization.CultureInfo.InvariantCulture)
            + long.Parse(stored.Parameter(key) ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var parameters = new Dictionary<string, string>(crawled.Parameters)
        {
            ["recordCount"] = Invariant(Sum("recordCount")),
            ["objectCount"] = Invariant(Sum("objectCount")),
            ["sizeKey"] = Invariant(Sum("sizeKey")),
        };
        parameters["averageRecordSize"] = Invariant(Sum("recordCount") == 0 ? 0 : Sum("sizeKey") / Sum("recordCount"));
        var sharedFiles = TableFiles.SharedFolderFiles(stored).Union(TableFiles.SharedFolderFiles(crawled)).Order(StringComparer.Ordinal).ToList();
        if (sharedFiles.Count > 0)
        {
            parameters[TableFiles.SharedFolderFilesParameter] = CatalogJson.Serialize(sharedFiles);
        }

        return crawled with { Parameters = parameters };
    }

    private sealed record WriteContext(CatalogUpdate Update, string Root, string Database, CrawlOptions Options, string RunId, List<CrawlNotice> Notices)
    {
        /// <summary>The folders, relative to the include path, whose files make more than one table.</summary>
        public required HashSet<string> SharedFolders { get; init; }

        public int PartitionsDeleted { get; set; }

        public int SchemaChangesLogged { get; set; }

        public void Log(string table, string message) => Notices.Add(new CrawlNotice(table, message));
    }
}
