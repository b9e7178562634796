using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.Formats.Csv;

namespace DevEndpoint.Crawling;

public sealed partial class Crawler
{
    /// <summary>Table parameter holding the crawl's include path, against which <see cref="ExclusionsParameter"/> are matched.</summary>
    public const string IncludePathParameter = "crawlerIncludePath";

    /// <summary>Table parameter holding the crawl's exclusion globs as a JSON array.</summary>
    public const string ExclusionsParameter = "exclusions";

    /// <summary>Table parameter naming the custom classifier that matched the table's files (absent when a built-in one did).</summary>
    public const string ClassifierParameter = "classifier";

    private CrawlResult Commit(
        List<TablePlan> plans,
        string root,
        string database,
        CrawlOptions options,
        string runId,
        DateTimeOffset started,
        List<FoundFile> candidates,
        int classified,
        int excluded,
        List<SkippedFile> skipped)
    {
        var crawled = new List<CrawledTable>();
        var notices = new List<CrawlNotice>();
        CrawlRun? run = null;
        catalog.Update(update =>
        {
            update.EnsureDatabase(new Database { Name = database, LocationUri = root + "/" });
            crawled.Clear();
            notices.Clear();
            var context = new WriteContext(update, root, database, options, runId, notices);
            foreach (var plan in plans)
            {
                crawled.Add(Write(context, plan));
            }

            if (!options.NewFoldersOnly)
            {
                crawled.AddRange(RetireVanishedTables(context, crawled.Select(t => t.Name).ToHashSet(StringComparer.Ordinal)));
            }

            run = new CrawlRun
            {
                RunId = runId,
                DatabaseName = database,
                Location = root + "/",
                StartTime = started,
                EndTime = DateTimeOffset.UtcNow,
                FilesScanned = candidates.Count,
                FilesClassified = classified,
                FilesSkipped = skipped.Count,
                FilesExcluded = excluded,
                BytesScanned = candidates.Sum(f => f.Size),
                BytesRead = candidates.Sum(f => Math.Min(f.Size, Formats.FileProbe.HeadLength + options.Sample.MaxBytes)),
                TablesCreated = crawled.Count(t => t.Change == TableChange.Created),
                TablesUpdated = crawled.Count(t => t.Change == TableChange.Updated),
                TablesUnchanged = crawled.Count(t => t.Change == TableChange.Unchanged),
                TablesDeprecated = crawled.Count(t => t.Change == TableChange.Deprecated),
                TablesDeleted = crawled.Count(t => t.Change == TableChange.Deleted),
                PartitionsAdded = crawled.Sum(t => t.PartitionsAdded),
                PartitionsDeleted = context.PartitionsDeleted,
                SchemaChangesLogged = context.SchemaChangesLogged,
                Errors = skipped.Where(s => s.Reason != HiddenFileReason).ToList(),
            };
            update.RecordCrawlRun(run);
        });

        return new CrawlResult { Run = run!, Tables = crawled, SkippedFiles = skipped, Notices = notices };
    }

    private static CrawledTable Write(WriteContext context, TablePlan plan)
    {
        var (update, root, database, options, runId, _) = context;
        var existing = update.FindTable(new TableName(database, plan.Name));
        if (existing is not null && existing.Parameter(IncludePathParameter) != root + "/")
        {
            var name = $"{plan.Name}_{ShortHash(root + "/" + plan.Folder)}";
            context.Log(name, $"the name '{plan.Name}' belongs to a table of another include path ({existing.Parameter(IncludePathParameter) ?? "not crawled"}), so this table is named '{name}'");
            plan = plan with { Name = name };
            existing = update.FindTable(new TableName(database, plan.Name));
        }

        var first = plan.First;

        // A re-crawl keeps the columns it no longer sees, but only while the files are read the same way: when the
        // classification changes (a custom classifier now claims them), the old columns mean nothing to the new reader.
        var columns = existing is not null && existing.Parameter("classification") == first.Classification
            ? existing.StorageDescriptor.Columns.ToList()
            : [];
        MergeColumns(columns, plan.Columns);
        var location = Location(root, plan.Folder);
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
        if (first.Classifier is { } classifier)
        {
            parameters[ClassifierParameter] = classifier;
        }

        if (first.Csv is { } csv)
        {
            CsvParameters.AddTableParameters(csv, parameters);
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
        var schemaChange = existing is null ? null : DescribeSchemaChange(existing, table);
        if (schemaChange is not null && options.SchemaChange == SchemaChangePolicy.Log)
        {
            context.Log(plan.Name, $"schema changed ({schemaChange}); the table is kept as it was (schema change policy log)");
            context.SchemaChangesLogged++;
        }

        var change = schemaChange is not null && options.SchemaChange == SchemaChangePolicy.Log ? TableChange.Unchanged
            : update.PutTable(options.NewFoldersOnly && existing is not null ? AddStatistics(table, existing) : table);

        var partitions = plan.Files.GroupBy(f => string.Join('\u0001', f.PartitionValues(plan.Depth).Select(p => p.Value)));
        var count = 0;
        var added = 0;
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var partition in plan.PartitionKeys.Count == 0 ? [] : partitions)
        {
            count++;
            var files = partition.ToList();
            var folder = string.Join('/', files[0].File.Folders);
            var values = files[0].PartitionValues(plan.Depth).Select(p => p.Value).ToList();
            found.Add(CatalogJson.Serialize(values));
            var isNew = update.PutPartition(new Partition
            {
                DatabaseName = database,
                TableName = plan.Name,
                Values = values,
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

        if (existing is not null && !options.NewFoldersOnly)
        {
            RetireVanishedPartitions(context, plan.Name, found);
        }

        return new CrawledTable(plan.Name, change, first.Classification, columns.Count, count, added, plan.Files.Count, records);
    }

    private static string Location(string root, string folder) =>
        (folder.Length == 0 ? root : Path.Combine(root, folder.Replace('/', Path.DirectorySeparatorChar))) + "/";

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
