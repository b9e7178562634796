using System.Diagnostics;
using System.Globalization;
using System.Text;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;

namespace DevEndpoint.ClusterBench;

/// <summary>
/// <c>catalog [files=2000,20000] [rounds=3]</c>: the same Hive-partitioned lakes crawled into a fresh SQLite file and into a
/// fresh PostgreSQL database, then crawled again with nothing changed, then again after 10% more partitions were added.
/// Each crawl's whole time and the time the catalog spent with its store (the reads before the plan, the commit; for
/// SQLite also the copy it keeps before committing), alternating the stores and keeping each one's best of the rounds.
/// Both catalogs must record the same tables, partitions and files.
/// </summary>
internal static class CatalogCrawls
{
    /// <summary>The tables of a lake: their partition keys, files per partition and format, so no two look alike.</summary>
    private static readonly Shape[] Shapes =
    [
        new("clicks", ["dt"], 1, "csv"),
        new("orders", ["region", "dt"], 2, "csv"),
        new("events", ["day"], 5, "json"),
        new("sensors", ["year", "month", "day"], 1, "csv"),
        new("logins", ["dt"], 3, "json"),
        new("payments", ["country", "dt"], 1, "csv"),
    ];

    public static string Run(IReadOnlyList<int> sizes, int rounds, string work)
    {
        using var server = new BenchWorkers("pg19_catalog");
        Environment.SetEnvironmentVariable("PGPASSWORD", server.Server.Password);
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"## Catalog operations, SQLite and PostgreSQL, the same crawls (best of {rounds}, stores alternating)");
        report.AppendLine();
        report.AppendLine("| lake | crawl | SQLite whole | SQLite catalog | PostgreSQL whole | PostgreSQL catalog | catalog ratio PG / SQLite | whole ratio |");
        report.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var size in sizes)
        {
            var lake = Path.Combine(work, $"lake-{size}");
            var (files, partitions) = WriteLake(lake, size, added: false);
            var describe = $"{files:N0} files, {partitions:N0} partitions, {Shapes.Length} tables";
            var catalogs = new List<(string Store, string Name)>();
            var times = new Dictionary<(string Crawl, string Store), List<(TimeSpan Whole, TimeSpan Store)>>();
            var found = new HashSet<string>(StringComparer.Ordinal);
            void Measure(string crawl, string store, string name)
            {
                var (whole, inStore, result) = Crawl(name, lake);
                found.Add($"{crawl}: {result}");
                if (!times.TryGetValue((crawl, store), out var list))
                {
                    times[(crawl, store)] = list = [];
                }

                list.Add((whole, inStore));
                Console.Error.WriteLine($"{describe}: {crawl} into {store}: {Seconds(whole)}, {Seconds(inStore)} in the store ({result})");
            }

            for (var round = 0; round < rounds; round++)
            {
                var order = round % 2 == 0 ? new[] { "SQLite", "PostgreSQL" } : ["PostgreSQL", "SQLite"];
                foreach (var store in order)
                {
                    var name = store == "SQLite" ? Path.Combine(work, $"catalog-{size}-{round}.db") : server.UrlOf(server.CreateDatabase("pg19_catalog"));
                    catalogs.Add((store, name));
                    Measure("first crawl", store, name);
                    Measure("again, nothing changed", store, name);
                }
            }

            var (_, more) = WriteLake(lake, size, added: true);
            foreach (var (store, name) in catalogs)
            {
                Measure($"again, {more:N0} new partitions (10%)", store, name);
            }

            // Every catalog of a crawl must have found the same: one line per crawl.
            if (found.Count != times.Keys.Select(k => k.Crawl).Distinct().Count())
            {
                throw new InvalidOperationException($"The stores disagree: {string.Join("; ", found)}");
            }

            foreach (var crawl in times.Keys.Select(k => k.Crawl).Distinct())
            {
                var sqlite = Best(times[(crawl, "SQLite")]);
                var postgres = Best(times[(crawl, "PostgreSQL")]);
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"| {describe} | {crawl} | {Seconds(sqlite.Whole)} | {Seconds(sqlite.Store)} | {Seconds(postgres.Whole)} | {Seconds(postgres.Store)} | {postgres.Store / sqlite.Store:0.00}x | {postgres.Whole / sqlite.Whole:0.00}x |");
            }

            Console.Error.WriteLine(report);
            Directory.Delete(lake, recursive: true);
        }

        return report.ToString();
    }

    private static (TimeSpan Whole, TimeSpan Store) Best(List<(TimeSpan Whole, TimeSpan Store)> runs) => (runs.Min(r => r.Whole), runs.Min(r => r.Store));

    private static (TimeSpan Whole, TimeSpan Store, string Result) Crawl(string catalog, string lake)
    {
        var clock = Stopwatch.StartNew();
        var opened = DataCatalog.Open(catalog);
        var result = new Crawler(opened).CrawlAsync(new CrawlOptions { Path = lake, Database = "lake" }).GetAwaiter().GetResult();
        var whole = clock.Elapsed;
        var partitions = opened.GetTables("lake").Sum(t => opened.GetPartitions(new TableName("lake", t.Name)).Count);
        return (whole, opened.TimeInStore, string.Create(CultureInfo.InvariantCulture,
            $"{result.Tables.Count} tables, {partitions} partitions, {result.Run.PartitionsAdded} added, {result.Run.FilesListed} files"));
    }

    /// <summary>
    /// Writes about <paramref name="files"/> tiny files spread over <see cref="Shapes"/>; with <paramref name="added"/>, 10%
    /// more partitions of each table after the ones written first. Returns the files and partitions written.
    /// </summary>
    private static (int Files, int Partitions) WriteLake(string lake, int files, bool added)
    {
        var written = 0;
        var partitions = 0;
        foreach (var shape in Shapes)
        {
            var count = Math.Max(1, files / Shapes.Length / shape.FilesPerPartition);
            var (from, to) = added ? (count, count + Math.Max(1, count / 10)) : (0, count);
            Parallel.For(from, to, p =>
            {
                var folder = Path.Combine([lake, shape.Table, .. shape.Keys.Select((k, i) => $"{k}={Value(shape, i, p)}")]);
                Directory.CreateDirectory(folder);
                for (var f = 0; f < shape.FilesPerPartition; f++)
                {
                    var id = (p * shape.FilesPerPartition) + f;
                    File.WriteAllText(
                        Path.Combine(folder, $"part-{f}.{shape.Format}"),
                        shape.Format == "csv"
                            ? string.Create(CultureInfo.InvariantCulture, $"id,kind,value\n{id},k{f % 3},{f}.5\n")
                            : string.Create(CultureInfo.InvariantCulture, $"{{\"id\":{id},\"kind\":\"k{f % 3}\",\"value\":{f}.5}}\n"));
                }
            });
            written += (to - from) * shape.FilesPerPartition;
            partitions += to - from;
        }

        return (written, partitions);
    }

    /// <summary>The value of key <paramref name="key"/> of partition <paramref name="p"/>: the last key counts, the others group.</summary>
    private static string Value(Shape shape, int key, int p) => (shape.Keys.Count - key) switch
    {
        1 => p.ToString("D5", CultureInfo.InvariantCulture),
        2 => $"g{p / 100 % 7}",
        _ => $"y{p / 1000}",
    };

    private static string Seconds(TimeSpan time) => BigCrawl.Seconds(time);

    private sealed record Shape(string Table, IReadOnlyList<string> Keys, int FilesPerPartition, string Format);
}
