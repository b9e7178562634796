using System.Text;
using DevEndpoint.Catalog;
using DevEndpoint.Transforms;

namespace DevEndpoint.Jobs.Internals;

/// <summary>The names a generated ETL job gives its columns, table and job, and its errors.</summary>
internal static class EtlNames
{
    /// <summary>A name every engine takes: lower case letters, digits and underscores (<c>Order Date</c> and <c>a.b</c> become <c>order_date</c> and <c>a_b</c>).</summary>
    public static string Clean(string name)
    {
        var clean = new StringBuilder(name.Length);
        foreach (var c in name.Trim().ToLowerInvariant())
        {
            clean.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        return clean.ToString();
    }

    /// <summary>
    /// One mapping per loaded column: its name and the type the loader gives it (types the transforms do not convert
    /// load as <c>string</c>), to a clean, unique name of the same type.
    /// </summary>
    public static IReadOnlyList<FieldMapping> Mappings(IReadOnlyList<Column> columns)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var mappings = new List<FieldMapping>();
        for (var i = 0; i < columns.Count; i++)
        {
            var type = LoadedType(columns[i].Type);
            var name = Clean(columns[i].Name);
            name = name.Length == 0 ? $"col{i}" : name;
            var unique = name;
            for (var n = 2; !taken.Add(unique); n++)
            {
                unique = $"{name}_{n}";
            }

            mappings.Add(new FieldMapping(columns[i].Name, type, unique, type));
        }

        return mappings;
    }

    public static DevEndpointException TargetIsSource(TableName source) => new(
        $"The target table would be the source table {source} (it is named after the target folder). Name another target table, as <database>.<table>.");

    public static DevEndpointException UnknownPartitionColumn(string key, IEnumerable<string> columns)
    {
        var names = columns.ToList();
        var closest = ClosestNames.Find(key, names);
        var hint = closest.Count > 0 ? $" Did you mean '{closest[0]}'?" : string.Empty;
        return new($"Cannot partition the job's output by '{key}': it is not one of the target columns.{hint} Target columns: {string.Join(", ", names)}.");
    }

    public static DevEndpointException ErrorIfExistsJob() => new(
        "A job runs again and again, so it cannot refuse a target that holds files. Use mode append (a bookmark makes each run add only new rows), overwrite (replace the partitions written) or overwrite-table (replace the whole target).");

    public static DevEndpointException ScriptExists(string path) => new(
        $"The script file {path} already exists with other content, and it is kept as it is. Give another script file, or delete it first.");

    private static string LoadedType(string catalogType)
    {
        var type = catalogType.Trim().ToLowerInvariant();
        return HiveTypes.DotnetType(type) == typeof(string) ? "string" : type;
    }
}
