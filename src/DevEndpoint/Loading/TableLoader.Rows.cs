using System.Globalization;
using System.Runtime.InteropServices;
using DevEndpoint.Catalog;
using DevEndpoint.Formats;
using DevEndpoint.Frames;

namespace DevEndpoint.Loading;

/// <summary>What a load does to the rows of each file once read: partition values added, a sample taken, a predicate applied.</summary>
public sealed partial class TableLoader
{
    /// <summary>
    /// The share of rows to keep: the fraction asked for, or the sample size over the rows the crawler counted in the
    /// partitions the predicate keeps (<paramref name="partitionRows"/>, when each has a count), or else in the whole table.
    /// </summary>
    private static double? SampleFraction(CatalogTable table, LoadOptions options, long? partitionRows)
    {
        if (options.SampleRows is not { } rows)
        {
            return options.SampleFraction;
        }

        var counted = partitionRows ?? RecordCount(table.Parameters) ?? 0;
        return counted <= rows ? null : (double)rows / counted;
    }

    private static long? RecordCount(IReadOnlyDictionary<string, string>? parameters) =>
        parameters is not null && parameters.TryGetValue("recordCount", out var text)
        && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : null;

    /// <summary>Leaves out of a file's parts the rows the predicate does not keep; its partition keys are the file's partition values.</summary>
    private static void Filter(IReadOnlyList<ReadPart> parts, PartitionPredicate predicate, IReadOnlyDictionary<string, string?> partitionValues)
    {
        foreach (var part in parts)
        {
            var row = new PartRow(part, partitionValues);
            var kept = new List<int>();
            for (var i = 0; i < part.Rows; i++)
            {
                row.Index = i;
                if (predicate.Matches(row))
                {
                    kept.Add(i);
                }
            }

            KeepRows(part, kept);
        }
    }

    /// <summary>
    /// Keeps the rows of a file's parts whose number in the file, mixed with the file's <paramref name="seed"/>, hashes
    /// under the fraction: the same rows on every load, and not the same row numbers in every file.
    /// </summary>
    private static void Sample(IReadOnlyList<ReadPart> parts, double fraction, long seed)
    {
        var threshold = Sampling.Threshold(fraction);
        var position = seed;
        foreach (var part in parts)
        {
            var kept = new List<int>();
            for (var i = 0; i < part.Rows; i++)
            {
                if (Sampling.Hash(position++) < threshold)
                {
                    kept.Add(i);
                }
            }

            KeepRows(part, kept);
        }
    }

    private static void KeepRows(ReadPart part, List<int> kept)
    {
        if (kept.Count < part.Rows)
        {
            part.Keep(CollectionsMarshal.AsSpan(kept));
        }
    }

    /// <summary>A file's sampling seed: a 64-bit FNV-1a hash of its path under the table's folder.</summary>
    private static long Seed(string path, string tableLocation)
    {
        var relative = path.StartsWith(tableLocation, StringComparison.Ordinal) ? path[tableLocation.Length..] : path;
        var hash = 14695981039346656037UL;
        foreach (var c in relative.Replace('\\', '/'))
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return (long)hash;
    }

    /// <summary>A row of a part as a predicate sees it: partition keys by the file's values, other columns from the part's builders.</summary>
    private sealed class PartRow(ReadPart part, IReadOnlyDictionary<string, string?> partitionValues) : IPredicateRow
    {
        private readonly Dictionary<string, ColumnSink> columns = part.Columns
            .DistinctBy(c => c.Column.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(c => c.Column.Name, StringComparer.OrdinalIgnoreCase);

        public int Index { get; set; }

        public object? Value(string name) =>
            partitionValues.TryGetValue(name, out var value) ? value
            : columns.TryGetValue(name, out var column) ? column.ValueAt(Index)
            : null;
    }
}
