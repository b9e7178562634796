using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Formats;
using DevEndpoint.Formats.Csv;
using DevEndpoint.Formats.Json;
using DevEndpoint.ObjectStores;

namespace DevEndpoint.Writing;

public sealed partial class FrameWriter
{
    /// <summary>
    /// Creates or updates the table as a crawl of the written files would record it: the storage descriptor and
    /// classification parameters of the format, the frame's columns with Hive types (an append or a partition overwrite
    /// widens the table's columns and adds new ones at the end), the partition keys, and a partition per folder written
    /// (a whole-table overwrite removes the others, a partition overwrite keeps them), with the record, file and byte counts
    /// of the table and of each partition (an append adds to them, an overwrite replaces those of the partitions written).
    /// </summary>
    private static CatalogChange UpdateCatalog(
        CatalogUpdate update, TableName name, WriteOptions options, string codec, string target, IReadOnlyList<Column> data, IReadOnlyList<Column> keys, List<WrittenPart> parts)
    {
        update.EnsureDatabase(new Database { Name = name.Database });
        var existing = update.FindTable(name);
        var location = target + "/";
        var format = options.Format.ToString().ToLowerInvariant();
        var compression = options.Format == WriteFormat.Parquet ? Compression.None : codec;
        var columns = data.ToList();
        var partitionKeys = keys.ToList();
        var append = options.Mode == WriteMode.Append && existing is not null;

        // A partition overwrite keeps the partitions not written, so the table goes on holding them as they are.
        var keepOthers = options.Mode == WriteMode.Overwrite && existing is not null && (keys.Count > 0 || existing.PartitionKeys.Count > 0);
        if (existing is not null && existing.StorageDescriptor.Location != location)
        {
            throw WriteErrors.OtherLocation(name, existing.StorageDescriptor.Location, location);
        }

        if (append || keepOthers)
        {
            CheckSameLayout(name, existing!, format, compression, partitionKeys, options.Mode);
            columns = Widen(existing!.StorageDescriptor.Columns, columns);
            partitionKeys = existing.PartitionKeys.Zip(partitionKeys, (stored, written) => stored.WidenWith(written)).ToList();
        }

        var csv = options.Format == WriteFormat.Csv ? new CsvDialect { FieldsQuoted = true } : null;
        var descriptor = FileFormats.Describe(
            new FileSchema
            {
                Classification = format,
                Compression = compression,
                Columns = columns,
                Csv = csv,
                Parameters = options.Format == WriteFormat.Json ? new Dictionary<string, string> { [JsonLayout.Parameter] = JsonLayout.Lines } : new Dictionary<string, string>(),
            },
            location,
            columns);
        var written = new CatalogTable
        {
            Name = name.Table,
            DatabaseName = name.Database,
            Parameters = TableParameters(format, compression, csv, options.Connection, Statistics(update, name, existing, parts, append || keepOthers, keepOthers)),
            PartitionKeys = partitionKeys,
            StorageDescriptor = descriptor,
        };
        var logged = existing is not null && options.SchemaChange == SchemaChangePolicy.Log ? Crawler.DescribeSchemaChange(existing, written) : null;
        if (logged is not null)
        {
            descriptor = existing!.StorageDescriptor;
        }

        var change = logged is null ? update.PutTable(written) : TableChange.Unchanged;
        var removed = existing is not null && !append && !keepOthers ? RemoveUnwrittenPartitions(update, name, parts) : 0;
        var (added, replaced) = keys.Count == 0 ? (0, 0) : PutWrittenPartitions(update, name, parts, descriptor, location, append);
        return new CatalogChange(change, added, replaced, removed, logged is null ? null : $"schema changed ({logged}); the table is kept as it was (schema change policy log)");
    }

    /// <summary>An append or a partition overwrite writes files of the table's format, compression and partition keys.</summary>
    private static void CheckSameLayout(TableName name, CatalogTable existing, string format, string compression, List<Column> partitionKeys, WriteMode mode)
    {
        if (existing.Parameter("classification") != format || (existing.Parameter("compressionType") ?? Compression.None) != compression)
        {
            throw WriteErrors.OtherFormat(name, existing.Parameter("classification"), existing.Parameter("compressionType"), format, compression, mode);
        }

        if (!existing.PartitionKeys.Select(k => k.Name).SequenceEqual(partitionKeys.Select(k => k.Name), StringComparer.OrdinalIgnoreCase))
        {
            throw WriteErrors.OtherPartitionKeys(name, existing.PartitionKeys.Select(k => k.Name), partitionKeys.Select(k => k.Name), mode);
        }
    }

    /// <summary>
    /// The table's record, byte and file counts: those written, plus the table's earlier ones when it keeps them (an
    /// append, a partition overwrite), less those of the partitions a partition overwrite replaced.
    /// </summary>
    private static (long Records, long Bytes, long Objects) Statistics(
        CatalogUpdate update, TableName name, CatalogTable? existing, List<WrittenPart> parts, bool keepsTable, bool replacesPartitions)
    {
        var records = parts.Sum(p => p.Rows);
        var bytes = parts.Sum(p => p.Bytes);
        var objects = (long)parts.Count;
        if (keepsTable)
        {
            records += Statistic(existing!.Parameters, "recordCount");
            bytes += Statistic(existing.Parameters, "sizeKey");
            objects += Statistic(existing.Parameters, "objectCount");
        }

        if (replacesPartitions)
        {
            // The partitions written replace their earlier selves in the table's counts.
            foreach (var part in parts)
            {
                var stored = update.FindPartition(name, part.Values)?.Parameters;
                records -= Statistic(stored, "recordCount");
                bytes -= Statistic(stored, "sizeKey");
                objects -= Statistic(stored, "objectCount");
            }

            (records, bytes, objects) = (Math.Max(0, records), Math.Max(0, bytes), Math.Max(0, objects));
        }

        return (records, bytes, objects);
    }

    /// <summary>The table parameters a crawl of the written files would record.</summary>
    private static Dictionary<string, string> TableParameters(
        string format, string compression, CsvDialect? csv, string? connection, (long Records, long Bytes, long Objects) statistics)
    {
        var (records, bytes, objects) = statistics;
        var parameters = new Dictionary<string, string>
        {
            ["classification"] = format,
            ["compressionType"] = compression,
            ["typeOfData"] = "file",
            ["recordCount"] = Invariant(records),
            ["averageRecordSize"] = Invariant(records == 0 ? 0 : bytes / records),
            ["objectCount"] = Invariant(objects),
            ["sizeKey"] = Invariant(bytes),
        };
        if (csv is not null)
        {
            CsvParameters.AddTableParameters(csv, parameters);
        }

        if (connection is not null)
        {
            parameters[ObjectStoreConnections.ConnectionParameter] = connection;
        }

        return parameters;
    }

    /// <summary>A whole-table overwrite removes the partitions it did not write; returns how many.</summary>
    private static int RemoveUnwrittenPartitions(CatalogUpdate update, TableName name, List<WrittenPart> parts)
    {
        var removed = 0;
        var kept = parts.Select(p => string.Join('\u0001', p.Values)).ToHashSet(StringComparer.Ordinal);
        foreach (var values in update.FindPartitionValues(name).Where(v => !kept.Contains(string.Join('\u0001', v))))
        {
            update.DeletePartition(name, values);
            removed++;
        }

        return removed;
    }

    /// <summary>
    /// A partition per folder written, with its counts (an append adds to those stored); returns how many are new and how
    /// many an overwrite replaced.
    /// </summary>
    private static (int Added, int Replaced) PutWrittenPartitions(
        CatalogUpdate update, TableName name, List<WrittenPart> parts, StorageDescriptor descriptor, string location, bool append)
    {
        var partitions = parts.Select(part =>
        {
            var stored = append ? update.FindPartition(name, part.Values)?.Parameters : null;
            return new Partition
            {
                DatabaseName = name.Database,
                TableName = name.Table,
                Values = part.Values,
                StorageDescriptor = descriptor with { Location = location + part.Folder + "/" },
                Parameters = new Dictionary<string, string>
                {
                    ["recordCount"] = Invariant(part.Rows + Statistic(stored, "recordCount")),
                    ["objectCount"] = Invariant(part.Files.Count + Statistic(stored, "objectCount")),
                    ["sizeKey"] = Invariant(part.Bytes + Statistic(stored, "sizeKey")),
                },
            };
        }).ToList();

        // In few statements (one read and one multi-row insert per batch), as a crawl stores its partitions.
        var isNew = update.PutPartitions(partitions);
        var added = isNew.Count(n => n);
        var replaced = append ? 0 : isNew.Count - added;
        return (added, replaced);
    }

    private sealed record CatalogChange(TableChange Change, int PartitionsAdded, int PartitionsReplaced, int PartitionsRemoved, string? SchemaChangeLogged);

    /// <summary>The stored columns widened to hold the written ones, and the written columns the table lacks added at the end.</summary>
    private static List<Column> Widen(IReadOnlyList<Column> stored, List<Column> written)
    {
        var widened = stored.Select(s => written.Find(w => string.Equals(w.Name, s.Name, StringComparison.OrdinalIgnoreCase)) is { } w ? s.WidenWith(w) : s).ToList();
        widened.AddRange(written.Where(w => !stored.Any(s => string.Equals(s.Name, w.Name, StringComparison.OrdinalIgnoreCase))));
        return widened;
    }

    /// <summary>A count recorded in table or partition parameters; 0 when there are none.</summary>
    private static long Statistic(IReadOnlyDictionary<string, string>? parameters, string key) =>
        long.TryParse(parameters?.GetValueOrDefault(key), CultureInfo.InvariantCulture, out var value) ? value : 0;

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
