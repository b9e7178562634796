using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DevEndpoint.Catalog;
using DevEndpoint.Loading;
using Microsoft.Data.Analysis;

namespace DevEndpoint.MachineLearning.Pii;

/// <summary>
/// Glue's Detect PII, offline: finds people's names, emails, phone, card, social security and other US identifiers
/// (<see cref="PiiEntityTypes"/>) in a frame's cells, classifies its columns from a sample, and detects, redacts,
/// partly redacts or hashes what it finds.
/// </summary>
public static partial class SensitiveData
{
    /// <summary>The column parameter a classified catalog column records its entity types in (<c>EMAIL</c>, <c>USA_SSN,DATE</c>).</summary>
    public const string EntityTypesParameter = "pii.entityTypes";

    /// <summary>Scans every cell of <paramref name="frame"/> for entities and classifies its columns from a sample of its rows.</summary>
    public static PiiDetection Detect(DataFrame frame, PiiOptions? options = null)
    {
        options ??= new();
        options.Validate();
        var wanted = options.EntityTypes.ToHashSet(StringComparer.Ordinal);
        var sample = SampleRows(frame.Rows.Count, options);
        var entities = new List<PiiEntity>();
        var columns = new List<PiiColumn>();
        foreach (var column in frame.Columns)
        {
            var sampledValues = 0;
            var matched = new Dictionary<string, int>(StringComparer.Ordinal);
            for (long row = 0; row < column.Length; row++)
            {
                if (Text(column[row]) is not { } value)
                {
                    continue;
                }

                var found = PiiScanner.Scan(value, column.Name).Where(m => wanted.Contains(m.EntityType)).ToList();
                entities.AddRange(found.Select(m => new PiiEntity(column.Name, row, m.Offset, m.Length, m.EntityType)));
                if (sample.Contains(row))
                {
                    sampledValues++;
                    foreach (var type in found.Select(m => m.EntityType).Distinct())
                    {
                        matched[type] = matched.GetValueOrDefault(type) + 1;
                    }
                }
            }

            columns.AddRange(matched
                .Select(m => new PiiColumn(column.Name, m.Key, (double)m.Value / sampledValues, sampledValues, m.Value))
                .Where(c => c.Fraction >= options.ThresholdFraction)
                .OrderByDescending(c => c.Fraction)
                .ThenBy(c => PiiEntityTypes.Order(c.EntityType)));
        }

        return new PiiDetection
        {
            Rows = frame.Rows.Count,
            SampledRows = sample.Count,
            Columns = columns,
            Entities = [.. entities.OrderBy(e => e.Row).ThenBy(e => frame.Columns.IndexOf(e.Column)).ThenBy(e => e.Offset)],
        };
    }

    /// <summary>
    /// <paramref name="frame"/> with each entity of <paramref name="detection"/> replaced as <paramref name="options"/>'
    /// action says (<see cref="PiiAction.Detect"/> leaves it as it is). A column with an entity becomes a string column;
    /// the others are kept as they are.
    /// </summary>
    public static DataFrame Apply(DataFrame frame, PiiDetection detection, PiiOptions? options = null)
    {
        options ??= new();
        if (options.Action == PiiAction.Detect)
        {
            return frame.Clone();
        }

        var byColumn = detection.Entities.GroupBy(e => e.Column).ToDictionary(g => g.Key, g => g.ToLookup(e => e.Row), StringComparer.Ordinal);
        var columns = frame.Columns.Select(column =>
        {
            if (!byColumn.TryGetValue(column.Name, out var rows))
            {
                return column.Clone();
            }

            var masked = new StringDataFrameColumn(column.Name, column.Length);
            for (long row = 0; row < column.Length; row++)
            {
                var value = Text(column[row]);
                masked[row] = value is null ? null : Replace(value, rows[row], options);
            }

            return (DataFrameColumn)masked;
        });
        return new DataFrame(columns);
    }

    /// <summary>
    /// Loads catalog table <paramref name="table"/> (<c>database.table</c>) and detects its entities; the frame comes back
    /// with the action applied.
    /// </summary>
    public static async Task<(DataFrame Frame, PiiDetection Detection)> DetectAsync(
        DataCatalog catalog, string table, PiiOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new();
        options.Validate();
        var loaded = await new TableLoader(catalog).LoadAsync(table, new LoadOptions(), cancellationToken);
        var detection = Detect(loaded.Frame, options);
        return (Apply(loaded.Frame, detection, options), detection);
    }

    /// <summary>
    /// Classifies the columns of catalog table <paramref name="table"/> and records the entity types of each in its
    /// <see cref="EntityTypesParameter"/> column parameter (a column no longer classified loses it). Returns the detection.
    /// </summary>
    public static async Task<PiiDetection> RecordInCatalogAsync(
        DataCatalog catalog, string table, PiiOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (_, detection) = await DetectAsync(catalog, table, (options ?? new()) with { Action = PiiAction.Detect }, cancellationToken);
        var types = detection.ColumnEntityTypes();
        var name = TableName.Parse(table);
        catalog.Update(update =>
        {
            var stored = update.FindTable(name) ?? throw new DevEndpointException($"Table {name} vanished from the catalog while its columns were classified; crawl it again.");
            update.PutTable(stored with
            {
                StorageDescriptor = stored.StorageDescriptor with { Columns = [.. stored.StorageDescriptor.Columns.Select(c => Mark(c, types))] },
                PartitionKeys = [.. stored.PartitionKeys.Select(c => Mark(c, types))],
            });
        });
        return detection;
    }

    private static Column Mark(Column column, IReadOnlyDictionary<string, string> types)
    {
        var parameters = new Dictionary<string, string>(column.Parameters ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        parameters.Remove(EntityTypesParameter);
        if (types.TryGetValue(column.Name, out var found))
        {
            parameters[EntityTypesParameter] = found;
        }

        return column with { Parameters = parameters.Count == 0 ? null : parameters };
    }

    private static string Replace(string value, IEnumerable<PiiEntity> entities, PiiOptions options)
    {
        var text = new StringBuilder(value);
        foreach (var entity in entities.OrderByDescending(e => e.Offset))
        {
            var found = value.Substring(entity.Offset, entity.Length);
            text.Remove(entity.Offset, entity.Length).Insert(entity.Offset, options.Action switch
            {
                PiiAction.Redact => options.RedactText,
                PiiAction.PartialRedact => PartialRedact(found, options.KeepLast),
                _ => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(found))),
            });
        }

        return text.ToString();
    }

    /// <summary>Every letter and digit by <c>*</c> but the last <paramref name="keep"/>; separators stay.</summary>
    private static string PartialRedact(string value, int keep)
    {
        var masked = value.ToCharArray();
        var kept = 0;
        for (var i = masked.Length - 1; i >= 0; i--)
        {
            if (char.IsLetterOrDigit(masked[i]) && ++kept > keep)
            {
                masked[i] = '*';
            }
        }

        return new string(masked);
    }

    /// <summary>A cell as the scanner reads it: text as it is, numbers invariant, dates as <c>yyyy-MM-dd</c> (with the time when it has one).</summary>
    private static string? Text(object? value) => value switch
    {
        null or bool => null,
        string text => text,
        DateTime date => date.ToString(date.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>The sampled rows: a share <see cref="PiiOptions.SampleFraction"/> of them, at least <see cref="PiiOptions.MinimumSampleRows"/>, the same for the same seed.</summary>
    private static HashSet<long> SampleRows(long rows, PiiOptions options)
    {
        var count = (int)Math.Min(rows, Math.Max((long)Math.Ceiling(options.SampleFraction * rows), options.MinimumSampleRows));
        var order = new long[rows];
        for (long i = 0; i < rows; i++)
        {
            order[i] = i;
        }

        var random = new Random(options.Seed);
        for (var i = 0; i < count; i++)
        {
            var j = random.NextInt64(i, rows);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return [.. order.Take(count)];
    }
}
