using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.Loading;

namespace DevEndpoint.Sources.Databases;

internal static partial class DatabaseLoader
{
    /// <summary>A bookmark key's column, and the largest value this load reads (<c>null</c> when there are no new rows).</summary>
    private sealed record KeyRange(Column Column, string? Upper);

    /// <summary>
    /// Narrows <paramref name="query"/> to the rows past the last load's bookmark and up to the largest key value now,
    /// so that rows added while this load reads are left to the next one.
    /// </summary>
    private static async Task<KeyRange> Bookmark(DataCatalog catalog, ReadSource source, SqlQuery query, string key, CancellationToken cancellationToken)
    {
        var column = query.Find(key, "--bookmark-key");
        if (column.Type is "boolean" or "binary" || column.Type.StartsWith("array", StringComparison.Ordinal))
        {
            throw new DevEndpointException($"Column '{column.Name}' of {source.Name} is {column.Type}; a bookmark key must be a column whose values only grow: a number, a date, a timestamp or text.");
        }

        var quoted = source.Engine.Quote(column.Name);
        if (catalog.GetKeyBookmark(source.Name, column.Name) is { } last)
        {
            query.Conditions.Add($"{quoted} > {query.Add(query.Typed(column, last.LastValue, "kept as the bookmark"))}");
        }

        var upper = (await source.ScalarsAsync(query, $"SELECT max({quoted}) FROM {source.From}{query.Where}", cancellationToken))[0];
        if (upper is null)
        {
            return new KeyRange(column, null);
        }

        var text = column.Type == "date" && upper is DateTime day ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Invariant(upper);
        query.Conditions.Add($"{quoted} <= {query.Add(query.Typed(column, text, "read as the largest key"))}");
        return new KeyRange(column, text);
    }

    /// <summary>The read split into ranges of a numeric column between its minimum and maximum; nulls go with the first range.</summary>
    private static async Task<List<SqlQuery>> HashParts(ReadSource source, SqlQuery query, string field, int partitions, CancellationToken cancellationToken)
    {
        if (partitions < 1)
        {
            throw new DevEndpointException($"--hash-partitions must be 1 or more; got {partitions}.");
        }

        var column = query.Find(field, "--hash-field");
        if (column.Type is not ("tinyint" or "smallint" or "int" or "bigint" or "float" or "double") && HiveTypes.ParseDecimal(column.Type) is null)
        {
            throw new DevEndpointException($"Column '{column.Name}' of {source.Name} is {column.Type}; --hash-field splits a read by a numeric column's range. Give a number column, such as the primary key.");
        }

        var quoted = source.Engine.Quote(column.Name);
        var range = await source.ScalarsAsync(query, $"SELECT min({quoted}), max({quoted}) FROM {source.From}{query.Where}", cancellationToken);
        if (range[0] is null || range[1] is null || partitions == 1)
        {
            return [query];
        }

        var low = Convert.ToDecimal(range[0], CultureInfo.InvariantCulture);
        var high = Convert.ToDecimal(range[1], CultureInfo.InvariantCulture);
        if (low == high)
        {
            return [query];
        }

        var step = (high - low) / partitions;
        var parts = new List<SqlQuery>();
        for (var i = 0; i < partitions; i++)
        {
            var part = query.Copy();
            var from = i == 0 ? null : part.Add(low + (step * i));
            var to = i == partitions - 1 ? null : part.Add(low + (step * (i + 1)));
            part.Conditions.Add((from, to) switch
            {
                (null, _) => $"({quoted} < {to} OR {quoted} IS NULL)",
                (_, null) => $"{quoted} >= {from}",
                _ => $"{quoted} >= {from} AND {quoted} < {to}",
            });
            parts.Add(part);
        }

        return parts;
    }

    private static string Invariant(object value) => value switch
    {
        DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateTimeOffset offset => offset.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        float number => number.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
