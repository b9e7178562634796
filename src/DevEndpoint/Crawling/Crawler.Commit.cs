using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.Formats;
using DevEndpoint.Formats.Csv;
using DevEndpoint.ObjectStores;

namespace DevEndpoint.Crawling;

public sealed partial class Crawler
{
    /// <summary>Table parameter holding the crawl's include path, against which <see cref="ExclusionsParameter"/> are matched.</summary>
    public const string IncludePathParameter = "crawlerIncludePath";

    /// <summary>Table parameter holding the crawl's exclusion globs as a JSON array.</summary>
    public const string ExclusionsParameter = "exclusions";

    /// <summary>Table parameter naming the custom classifier that matched the table's files (absent when a built-in one did).</summary>
    public const string ClassifierParameter = FileSchema.ClassifierParameter;

    private CrawlResult Commit(
        List<TablePlan> plans,
        List<FormatTablePlan> formatPlans,
        string root,
        string database,
        CrawlOptions options,
        string runId,
        DateTimeOffset started,
        int listed,
        List<FoundFile> scanned,
        int classified,
        int excluded,
        List<SkippedFile> skipped)
    {
        var crawled = new List<CrawledTable>();
        var notices = new List<CrawlNotice>();
        CrawlRun? run = null;
        catalog.KeepLastGoodCopy();
        catalog.Update(update =>
        {
            update.EnsureDatabase(new Database { Name = database, LocationUri = root + "/" });
            crawled.Clear();
            notices.Clear();
            var context = new WriteContext(update, root, database, options, runId, notices) { SharedFolders = FoldersOfSeveralTables(plans) };
            foreach (var plan in plans)
            {
                crawled.Add(Write(context, plan));
            }

            foreach (var plan in formatPlans)
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
                SampleFiles = options.SampleFiles,
                FilesListed = listed,
                FilesScanned = scanned.Count,
                FilesClassified = classified,
                FilesSkipped = skipped.Count,
                FilesExcluded = excluded,
                BytesScanned = scanned.Sum(f => f.Size),
                BytesRead = scanned.Sum(f => Math.Min(f.Size, Formats.FileProbe.HeadLength + options.Sample.MaxBytes)),
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
        var (_, root, database, options, _, _) = context;
        (plan, var existing) = ClaimName(context, plan);
        var first = plan.First;
        var columns = TableColumns(existing, plan);
        var parts = PartStatistics(plan);
        var descriptor = FileFormats.Describe(first, Location(root, plan.Folder), columns);
        var table = new CatalogTable
        {
            Name = plan.Name,
            DatabaseName = database,
            Parameters = TableParameters(context, plan, parts),
            PartitionKeys = plan.PartitionKeys.Select(k => new Column(k, "string")).ToList(),
            StorageDescriptor = descriptor,
        };
        var change = PutTable(context, existing, table);
        var (count, added, found) = PutPartitions(context, plan, descriptor, parts);
        if (existing is not null && !options.NewFoldersOnly)
        {
            RetireVanishedPartitions(context, plan.Name, found);
        }

        return new CrawledTable(plan.Name, change, first.Classification, columns.Count, count, added, parts.Sum(p => p.Files), parts.Sum(p => p.Records));
    }

    /// <summary>The table's name, made unique when a table of another include path has it, and the table of that name the catalog has.</summary>
    private static (TablePlan Plan, CatalogTable? Existing) ClaimName(WriteContext context, TablePlan plan)
    {
        var (update, root, database, _, _, _) = context;
        var existing = update.FindTable(new TableName(database, plan.Name));
        if (existing is not null && existing.Parameter(IncludePathParameter) != root + "/")
        {
            var name = $"{plan.Name}_{ShortHash(root + "/" + plan.Folder)}";
            context.Log(name, $"the name '{plan.Name}' belongs to a table of another include path ({existing.Parameter(IncludePathParameter) ?? "not crawled"}), so this table is named '{name}'");
            plan = plan with { Name = name };
            existing = update.FindTable(new TableName(database, plan.Name));
        }

        return (plan, existing);
    }

    /// <summary>
    /// A re-crawl keeps the columns it no longer sees, but only while the files are read the same way: when the
    /// classification changes (a custom classifier now claims them), the old columns mean nothing to the new reader.
    /// </summary>
    private static List<Column> TableColumns(CatalogTable? existing, TablePlan plan)
    {
        var columns = existing is not null && existing.Parameter("classification") == plan.First.Classification
            ? existing.StorageDescriptor.Columns.ToList()
            : [];
        MergeColumns(columns, plan.Columns);
        return columns.Select(c => c.WithoutNoValuesMark()).ToList();
    }

    /// <summary>Glue's table parameters: the format, the statistics, the crawl that wrote it and how to read it again.</summary>
    private static Dictionary<string, string> TableParameters(WriteContext context, TablePlan plan, List<PartStatistic> parts)
    {
        var (_, root, _, options, runId, _) = context;
        var first = plan.First;
        var records = parts.Sum(p => p.Records);
        var bytes = parts.Sum(p => p.Bytes);
        var parameters = new Dictionary<string, string>
        {
            ["classification"] = first.Classification,
            ["compressionType"] = first.Compression,
            ["typeOfData"] = "file",
            ["recordCount"] = Invariant(records),
            ["averageRecordSize"] = Invariant(records == 0 ? 0 : bytes / records),
            ["objectCount"] = Invariant(parts.Sum(p => p.Files)),
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

        if (options.Connection is { } connection)
        {
            parameters[ObjectStoreConnections.ConnectionParameter] = connection;
        }

        if (options.Exclusions.Count > 0)
        {
            parameters[ExclusionsParameter] = CatalogJson.Serialize(options.Exclusions);
        }

        var sharedFiles = plan.Files.Where(f => context.SharedFolders.Contains(f.File.Folder))
            .Select(f => plan.Folder.Length == 0 ? f.File.RelativePath : f.File.RelativePath[(plan.Folder.Length + 1)..])
            .Order(StringComparer.Ordinal)
            .ToList();
        if (sharedFiles.Count > 0)
        {
            parameters[TableFiles.SharedFolderFilesParameter] = CatalogJson.Serialize(sharedFiles);
        }

        return parameters;
    }

    /// <summary>Writes the table, unless its schema changed under the schema change policy <c>log</c>, which only reports it.</summary>
    private static TableChange PutTable(WriteContext context, CatalogTable? existing, CatalogTable table)
    {
        var options = context.Options;
        var schemaChange = existing is null ? null : DescribeSchemaChange(existing, table);
        if (schemaChange is not null && options.SchemaChange == SchemaChangePolicy.Log)
        {
            context.Log(table.Name, $"schema changed ({schemaChange}); the table is kept as it was (schema change policy log)");
            context.SchemaChangesLogged++;
            return TableChange.Unchanged;
        }

        return context.Update.PutTable(options.NewFoldersOnly && existing is not null ? AddStatistics(table, existing) : table);
    }

    /// <summary>Writes the table's partitions: how many, how many are new, and their values as the catalog keys them.</summary>
    private static (int Count, int Added, HashSet<string> Found) PutPartitions(WriteContext context, TablePlan plan, StorageDescriptor descriptor, List<PartStatistic> parts)
    {
        var partitions = (plan.PartitionKeys.Count == 0 ? [] : parts).Select(part => new Partition
        {
            DatabaseName = context.Database,
            TableName = plan.Name,
            Values = part.Values,
            StorageDescriptor = descriptor with { Location = Location(context.Root, part.Folder) },
            Parameters = new Dictionary<string, string>
            {
                ["recordCount"] = Invariant(part.Records),
                ["objectCount"] = Invariant(part.Files),
                ["sizeKey"] = Invariant(part.Bytes),
            },
        }).ToList();
        var added = context.Update.PutPartitions(partitions).Count(isNew => isNew);
        return (partitions.Count, added, partitions.Select(p => CatalogJson.Serialize(p.Values)).ToHashSet(StringComparer.Ordinal));
    }

    private static List<PartStatistic> PartStatistics(TablePlan plan)
    {
        var unsampled = plan.Unsampled.ToLookup(f => f.Folder, StringComparer.Ordinal);
        return plan.Files
            .GroupBy(f => string.Join('\u0001', f.PartitionValues(plan.Depth).Select(p => p.Value)), StringComparer.Ordinal)
            .Select(group =>
            {
                var read = group.ToList();
                var notRead = read.Select(f => f.File.Folder).Distinct(StringComparer.Ordinal).SelectMany(folder => unsampled[folder]).ToList();
                var readBytes = read.Sum(f => f.File.Size);
                var bytes = readBytes + notRead.Sum(f => f.Size);
                var readRecords = read.Sum(f => f.Schema.RecordCount);
                return new PartStatistic(
                    read[0].File.Folder,
                    read[0].PartitionValues(plan.Depth).Select(p => p.Value).ToList(),
                    read.Count + notRead.Count,
                    bytes,
                    notRead.Count == 0 ? readRecords : (long)Math.Round(readRecords * (double)bytes / readBytes));
            })
            .ToList();
    }

    private sealed record PartStatistic(string Folder, List<string> Values, int Files, long Bytes, long Records);

    private static string Location(string root, string folder) =>
        (folder.Length == 0 ? root : Path.Combine(root, folder.Replace('/', Path.DirectorySeparatorChar))) + "/";

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
