using System.Security.Cryptography;
using System.Text;
using DevEndpoint.Catalog;
using DevEndpoint.Formats;

namespace DevEndpoint.Crawling;

public sealed partial class Crawler
{
    /// <summary>
    /// Groups classified files into tables: one per table folder and compatible format, the majority partition
    /// layout winning; files that do not fit are skipped with the reason.
    /// </summary>
    private static List<TablePlan> PlanTables(List<ClassifiedFile> files, string rootName, List<SkippedFile> skipped)
    {
        var plans = new List<TablePlan>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in files.GroupBy(f => f.TableFolder).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var baseName = SanitizeTableName(folder.Key.Length == 0 ? rootName : folder.Key[(folder.Key.LastIndexOf('/') + 1)..]);
            var headers = folder.Where(f => f.Schema.Csv is { HasHeader: true }).Select(f => Names(f.Schema)).ToList();
            var formats = folder.GroupBy(f => FormatKey(f.Schema, headers)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
            for (var i = 0; i < formats.Count; i++)
            {
                var format = formats[i].ToList();
                var classification = format[0].Schema.Classification;
                var name = i == 0 ? baseName
                    : formats.Count(f => f.First().Schema.Classification == classification) == 1 ? $"{baseName}_{classification}"
                    : $"{baseName}_{i + 1}";
                if (!names.Add(name))
                {
                    name = $"{name}_{ShortHash(folder.Key + "|" + formats[i].Key)}";
                    names.Add(name);
                }

                if (Plan(name, folder.Key, format, skipped) is { } plan)
                {
                    plans.Add(plan);
                }
            }
        }

        return plans;
    }

    private static TablePlan? Plan(string name, string folder, List<ClassifiedFile> files, List<SkippedFile> skipped)
    {
        var grouped = files.GroupBy(f => string.Join('/', f.PartitionValues.Select(p => p.Key))).ToList();
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

        var partitionKeys = kept[0].PartitionValues.Select(p => p.Key).ToList();
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
                columns[index] = columns[index] with { Type = HiveTypes.Widen(columns[index].Type, column.Type) };
            }
        }
    }

    /// <summary>
    /// Files with the same key form one table. Delimited text with a header is keyed by its column names; a header that
    /// another file's header extends with more columns at the end (a column added to newer files) takes the widest one's key.
    /// </summary>
    private static string FormatKey(FileSchema schema, List<string[]> headers) =>
        schema.Csv is { } csv
            ? $"{schema.Classification}|{schema.Compression}|{(int)csv.Delimiter}|{(csv.HasHeader ? string.Join(",", Widest(Names(schema), headers)) : schema.Columns.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))}"
            : $"{schema.Classification}|{schema.Compression}";

    private static string[] Names(FileSchema schema) => schema.Columns.Select(c => c.Name).ToArray();

    private static string[] Widest(string[] header, List<string[]> headers) =>
        headers.Where(h => h.Length > header.Length && h.AsSpan(0, header.Length).SequenceEqual(header))
            .OrderByDescending(h => h.Length)
            .ThenBy(h => string.Join(",", h), StringComparer.Ordinal)
            .FirstOrDefault() ?? header;

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

    private static string ShortHash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..6];

    private sealed record TablePlan(string Name, string Folder, List<ClassifiedFile> Files, List<Column> Columns, List<string> PartitionKeys)
    {
        public FileSchema First => Files[0].Schema;
    }
}
