using System.Collections;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DevEndpoint.Catalog;
using DevEndpoint.Connections;
using DevEndpoint.Formats;
using DevEndpoint.Frames;
using DevEndpoint.Loading;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Sources.Databases;

/// <summary>
/// Loads a crawled database table: the column list, the predicate (<see cref="LoadOptions.Where"/>, over any column) and
/// the limit are pushed down as parameterised SQL; values are typed by the catalog's schema; a hash field splits the read
/// into ranges read at once (Glue's hashfield/hashpartitions); a bookmark key reads only rows past the last load's.
/// </summary>
internal static partial class DatabaseLoader
{
    /// <summary>Glue's default number of hash partitions.</summary>
    public const int DefaultHashPartitions = 7;

    /// <summary>Whether a catalog table is read from a database connection (a database crawl wrote it).</summary>
    public static bool Reads(CatalogTable table) =>
        table.Parameter(DatabaseCrawler.ConnectionNameParameter) is not null && table.Parameter("classification") is "postgresql" or "mysql" or "sqlite";

    public static async Task<LoadResult> LoadAsync(DataCatalog catalog, TableName name, CatalogTable table, LoadOptions options, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        if (options.SampleFraction is not null || options.SampleRows is not null)
        {
            throw new DevEndpointException($"{name} is a database table; sampling is for files. Use --where or --limit to load part of it.");
        }

        if (options.HashPartitions is not null && options.HashField is null)
        {
            throw new DevEndpointException($"--hash-partitions splits the read of {name} by a numeric column: name it with --hash-field.");
        }

        var connection = catalog.GetConnection(table.Parameter(DatabaseCrawler.ConnectionNameParameter)!);
        var engine = DatabaseEngine.For(connection);
        var path = engine.PathOf(table.StorageDescriptor.Location!);
        connection = connection with { Url = engine.UrlFor(connection.Url, path) };
        var columns = table.StorageDescriptor.Columns;
        var output = TableLoader.SelectColumns(table, name, options.Columns);
        var query = new SqlQuery(engine, name, columns);
        if (!string.IsNullOrWhiteSpace(options.Where))
        {
            var predicate = PartitionPredicate.Parse(options.Where);
            predicate.CheckColumns(name.ToString(), columns);
            query.Conditions.Add(predicate.ToSql(query));
        }

        var from = engine.QualifiedName(path);
        var source = new ReadSource(engine, connection, name, string.Join('/', path), from);
        var bookmark = options.BookmarkKey is { } key ? await Bookmark(catalog, source, query, key, cancellationToken) : null;
        var parts = bookmark is { Upper: null }
            ? []
            : options.HashField is { } field && options.Limit is null
                ? await HashParts(source, query, field, options.HashPartitions ?? DefaultHashPartitions, cancellationToken)
                : [query];
        var select = $"SELECT {string.Join(", ", output.Select(c => engine.Quote(c.Name)))} FROM {from}";
        var limit = options.Limit is { } rows ? string.Create(CultureInfo.InvariantCulture, $" LIMIT {rows}") : string.Empty;
        var read = new List<ColumnBuilder>[parts.Count];
        await Parallel.ForAsync(0, parts.Count, new ParallelOptions { MaxDegreeOfParallelism = parts.Count == 0 ? 1 : parts.Count, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var builders = output.Select(c => ColumnBuilder.For(c, options.Strings)).ToList();
            await source.ReadAsync(parts[i], select + parts[i].Where + limit, builders, ct);
            read[i] = builders;
        });

        var frame = new DataFrame(output.Select((c, j) => parts.Count == 0
            ? ColumnBuilder.For(c, options.Strings).Build()
            : ColumnBuilder.Concat(read.Select(r => r[j]).ToList())));
        if (bookmark is { Upper: { } upper })
        {
            catalog.Update(u => u.PutKeyBookmark(new KeyBookmark(name.Database, name.Table, bookmark.Column.Name, upper, DateTimeOffset.UtcNow)));
        }

        return new LoadResult(frame, table, parts.Count, options.HashField is null ? 0 : parts.Count, 0, stopwatch.Elapsed, new BadRecords().ToFrame(), 0) { PartsRead = parts.Count, DatabaseSource = $"{table.StorageDescriptor.Location} in {parts.Count} {(parts.Count == 1 ? "query" : "queries")}" };
    }

    /// <summary>A value as the column builders take it: JSON text for arrays, a <see cref="DateTime"/> for dates, text for the rest that has no Hive type.</summary>
    private static object? Normalize(object value) => value switch
    {
        DBNull => null,
        string or bool or byte[] or decimal or double or float or long or int or short or sbyte or DateTime => value,
        DateTimeOffset offset => offset.UtcDateTime,
        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
        IEnumerable sequence => JsonText.Write(sequence.Cast<object?>().Select(v => v is null ? null : Normalize(v)).ToList()),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>One table of one connection, and how its errors read.</summary>
    private sealed record ReadSource(DatabaseEngine Engine, Connection Connection, TableName Name, string Path, string From)
    {
        public async Task ReadAsync(SqlQuery query, string sql, List<ColumnBuilder> builders, CancellationToken cancellationToken)
        {
            await using var session = await DatabaseSession.OpenAsync(Connection, cancellationToken);
            await Run(session, async () =>
            {
                await using var command = query.Command(session.Database, sql);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    for (var j = 0; j < builders.Count; j++)
                    {
                        builders[j].AddValue(reader.IsDBNull(j) ? null : Normalize(reader.GetValue(j)));
                    }
                }

                return true;
            });
        }

        public async Task<object?[]> ScalarsAsync(SqlQuery query, string sql, CancellationToken cancellationToken)
        {
            await using var session = await DatabaseSession.OpenAsync(Connection, cancellationToken);
            return await Run(session, async () =>
            {
                await using var command = query.Command(session.Database, sql);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                return Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i)).ToArray();
            });
        }

        private Task<T> Run<T>(DatabaseSession session, Func<Task<T>> work) =>
            session.Guard(work, $"reading {Path} for {Name}", e => Engine.IsMissingTable(e)
                ? $"Table {Name} reads {Path} through connection '{Connection.Name}', and {session.Target} has no such table any more. Crawl the connection again, or remove the table from the catalog."
                : null);
    }
}
