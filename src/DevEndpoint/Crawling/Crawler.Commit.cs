using System.Globalization;
using DevEndpoint.Catalog;

namespace DevEndpoint.Crawling;

public sealed partial class Crawler
{
    /// <summary>Table parameter holding the crawl's include path, against which <see cref="ExclusionsParameter"/> are matched.</summary>
    public const string IncludePathParameter = "crawlerIncludePath";

    /// <summary>Table parameter holding the crawl's exclusion globs as a JSON array.</summary>
    public const string ExclusionsParameter = "exclusions";

    private CrawlResult Commit(
        List<TablePlan> plans,
        string root,
        string database,
        CrawlOptions options,
        string runId,
        DateTimeOffset started,
        List<FoundFile> candidates,
        int excluded,
        List<SkippedFile> skipped)
    {
        var crawled = new List<CrawledTable>();
        CrawlRun? run = null;
        catalog.Update(update =>
        {
            update.EnsureDatabase(new Database { Name = database, LocationUri = root + "/" });
            crawled.Clear();
            foreach (var plan in plans)
            {
                crawled.Add(Write(update, plan, root, database, options, runId));
            }

            run = new CrawlRun
            {
                RunId = runId,
                DatabaseName = database,
                Location = root + "/",
                StartTime = started,
                EndTime = DateTimeOffset.UtcNow,
                FilesScanned = candidates.Count,
                FilesSkipped = skipped.Count,
                FilesExcluded = excluded,
                BytesScanned = candidates.Sum(f => f.Size),
                TablesCreated = crawled.Count(t => t.Change == TableChange.Created),
                TablesUpdated = crawled.Count(t => t.Change == TableChange.Updated),
                TablesUnchanged = crawled.Count(t => t.Change == TableChange.Unchanged),
                PartitionsAdded = crawled.Sum(t => t.PartitionsAdded),
            };
            update.RecordCrawlRun(run);
        });

        return new CrawlResult { Run = run!, Tables = crawled, SkippedFiles = skipped };
    }

    private static CrawledTable Write(CatalogUpdate update, TablePlan plan, string root, string database, CrawlOptions options, string runId)
    {
        var existing = update.FindTable(new TableName(database, plan.Name));
        var columns = existing?.StorageDescriptor.Columns.ToList() ?? [];
        MergeColumns(columns, plan.Columns);
        var location = Location(root, plan.Folder);
        var first = plan.First;
        var records = plan.Files.Sum(f => f.Schema.RecordCount);
        var bytes = plan.Files.Sum(f => f.File.Size);
        var parameters = new Dictionary<string, string>
        {
            ["classification"] = first.Classification,
            ["compressionType"] = first.Compression,
            ["typeOfData"] = "file",
            ["recordCount"] = Invariant(records),
            ["averageRecordSize"] = Invariant(records == 0 ? 0 : bytes / records),
            ["objectCount"] = Invariant(plan.Files.Count),
            ["sizeKey"] = Invariant(bytes),
            ["UPDATED_BY_CRAWLER"] = CrawlerName,
            [CatalogUpdate.CrawlRunIdParameter] = runId,
            [IncludePathParameter] = root + "/",
        };
        if (first.Csv is { } csv)
        {
            parameters["delimiter"] = csv.Delimiter.ToString();
            parameters["columnsOrdered"] = "true";
            parameters["areColumnsQuoted"] = "false";
            if (csv.HasHeader)
            {
                parameters["skip.header.line.count"] = "1";
            }
        }

        if (options.Exclusions.Count > 0)
        {
            parameters[ExclusionsParameter] = CatalogJson.Serialize(options.Exclusions);
        }

        var descriptor = StorageFormats.For(first, location, columns);
        var table = new CatalogTable
        {
            Name = plan.Name,
            DatabaseName = database,
            Parameters = parameters,
            PartitionKeys = plan.PartitionKeys.Select(k => new Column(k, "string")).ToList(),
            StorageDescriptor = descriptor,
        };
        var change = update.PutTable(table);

        var partitions = plan.Files.GroupBy(f => string.Join('\u0001', f.PartitionValues.Select(p => p.Value)));
        var count = 0;
        var added = 0;
        foreach (var partition in plan.PartitionKeys.Count == 0 ? [] : partitions)
        {
            count++;
            var files = partition.ToList();
            var folder = string.Join('/', files[0].File.Folders);
            var isNew = update.PutPartition(new Partition
            {
                DatabaseName = database,
                TableName = plan.Name,
                Values = files[0].PartitionValues.Select(p => p.Value).ToList(),
                StorageDescriptor = descriptor with { Location = Location(root, folder) },
                Parameters = new Dictionary<string, string>
                {
                    ["recordCount"] = Invariant(files.Sum(f => f.Schema.RecordCount)),
                    ["objectCount"] = Invariant(files.Count),
                    ["sizeKey"] = Invariant(files.Sum(f => f.File.Size)),
                },
            });
            added += isNew ? 1 : 0;
        }

        return new CrawledTable(plan.Name, change, first.Classification, columns.Count, count, added, plan.Files.Count, records);
    }

    private static string Location(string root, string folder) =>
        (folder.Length == 0 ? root : Path.Combine(root, folder.Replace('/', Path.DirectorySeparatorChar))) + "/";

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
