using System.Diagnostics;
using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.LoadBench;
using DevEndpoint.Sql;
using DuckDB.NET.Data;

// Usage: dotnet run --project bench/DevEndpoint.SqlBench -c Release [-- [--rows 2000000] [--runs 5] [--machine <name>] [--data artifacts/bench-data]]
// Generates (or reuses) the load benchmark's table, crawls it, and times each query in this process, median of the runs
// after one untimed warm-up: SqlSession.QueryAsync over the catalog table (view set-up, query, result into a DataFrame),
// DuckDB producing the same result from the same file (CREATE TEMP TABLE ... AS, inside DuckDB), and DuckDB.NET reading
// that result value by value (GetValue, as a plain DuckDB.NET client does), and the value path reading it into a DataFrame.
var rows = 2_000_000L;
var runs = 5;
var machine = Environment.GetEnvironmentVariable("BENCH_MACHINE") is { Length: > 0 } name ? name : Environment.MachineName;
var data = Path.Combine("artifacts", "bench-data");
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--rows" when i + 1 < args.Length && long.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out rows) && rows > 0:
        case "--runs" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out runs) && runs > 0:
            i++;
            break;
        case "--machine" when i + 1 < args.Length:
            machine = args[++i];
            break;
        case "--data" when i + 1 < args.Length:
            data = args[++i];
            break;
        default:
            await Console.Error.WriteLineAsync($"Unexpected argument '{args[i]}'. Usage: [--rows <n>] [--runs <n>] [--machine <name>] [--data <folder>]");
            return 2;
    }
}

var files = await BenchData.EnsureAsync(Path.GetFullPath(data), rows);
var catalogPath = Path.Combine(files.Folder, "sql-catalog.db");
var catalog = DataCatalog.Open(catalogPath);
if (catalog.GetDatabases().All(d => d.Name != "bench"))
{
    await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = files.Data, Database = "bench", Exclusions = ["jsonl/**"] });
}

var queries = new (string Name, string Sql)[]
{
    ("group-by", "SELECT category, count(*) AS n, sum(amount) AS amount, avg(price) AS price FROM {0} GROUP BY category ORDER BY category"),
    ("filtered projection", "SELECT id, price, day, note FROM {0} WHERE quantity > 90 AND active"),
};
var sources = new (string Format, string Table, string File)[]
{
    ("CSV", "bench.csv", $"read_csv({Literal(files.Csv)})"),
    ("Parquet", "bench.parquet", $"read_parquet({Literal(files.Parquet)})"),
};

var report = new List<string>
{
    $"# SQL over the catalog on {machine} ({Environment.ProcessorCount} cores), {DateTime.UtcNow:yyyy-MM-dd}",
    string.Empty,
    $"The load benchmark's table, {rows:N0} rows x 10 columns (bench/DevEndpoint.LoadBench/BenchData.cs), as CSV and Parquet.",
    $"Median of {runs} runs in one process after an untimed warm-up (warm page cache).",
    "Reproduce: `dotnet run --project bench/DevEndpoint.SqlBench -c Release -- --rows 2000000 --runs 5`.",
    string.Empty,
    "- **#!sql core**: `SqlSession.QueryAsync(\"... FROM bench.<table> ...\")`: the view over the catalog table's files, the query, the result into a DataFrame.",
    "- **DuckDB, result in DuckDB**: the same query over `read_csv(file)` / `read_parquet(file)` as `CREATE TEMP TABLE r AS ...` on a fresh in-memory DuckDB: DuckDB's own time to produce the result.",
    "- **DuckDB + DuckDB.NET reader**: the same query over the file, every value of the result read with `GetValue` (a plain DuckDB.NET client).",
    "- **value path into a DataFrame**: the same query over the file, its result read into a DataFrame value by value through DuckDB.NET's reader (`ResultFrames.Read`, how #!sql read every result before it copied DuckDB's chunks).",
    string.Empty,
    "| format | query | result rows | #!sql core | DuckDB, result in DuckDB | DuckDB + DuckDB.NET reader | value path into a DataFrame | #!sql / DuckDB |",
    "|---|---|---|---|---|---|---|---|",
};
foreach (var (format, table, file) in sources)
{
    foreach (var (query, sql) in queries)
    {
        var resultRows = 0L;
        var ours = await MedianAsync(runs, async () =>
        {
            using var session = new SqlSession(catalog);
            resultRows = (await session.QueryAsync(string.Format(CultureInfo.InvariantCulture, sql, table))).Rows.Count;
        });
        var duck = await MedianAsync(runs, () =>
        {
            using var connection = Open();
            Execute(connection, $"CREATE TEMP TABLE r AS {string.Format(CultureInfo.InvariantCulture, sql, file)}");
            return Task.CompletedTask;
        });
        var reader = await MedianAsync(runs, () =>
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = string.Format(CultureInfo.InvariantCulture, sql, file);
            using var result = command.ExecuteReader();
            var values = new object[result.FieldCount];
            while (result.Read())
            {
                result.GetValues(values);
            }

            return Task.CompletedTask;
        });
        var valuePath = await MedianAsync(runs, () =>
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = string.Format(CultureInfo.InvariantCulture, sql, file);
            using var result = command.ExecuteReader();
            ResultFrames.Read(result, null, default);
            return Task.CompletedTask;
        });
        var line = $"| {format} | {query} | {resultRows:N0} | {Seconds(ours)} | {Seconds(duck)} | {Seconds(reader)} | {Seconds(valuePath)} | {ours.TotalSeconds / duck.TotalSeconds:0.00}x |";
        Console.WriteLine(line);
        report.Add(line);
    }
}

var output = Path.Combine("bench", "results", $"sql-{machine}.md");
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllLinesAsync(output, report);
Console.WriteLine($"Wrote {output}");
return 0;

static async Task<TimeSpan> MedianAsync(int runs, Func<Task> run)
{
    await run();
    var times = new List<TimeSpan>();
    for (var i = 0; i < runs; i++)
    {
        var stopwatch = Stopwatch.StartNew();
        await run();
        times.Add(stopwatch.Elapsed);
    }

    return times.Order().ElementAt(runs / 2);
}

static DuckDBConnection Open()
{
    var connection = new DuckDBConnection("Data Source=:memory:");
    connection.Open();
    return connection;
}

static void Execute(DuckDBConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.ExecuteNonQuery();
}

static string Literal(string text) => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'";

static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.000 s", CultureInfo.InvariantCulture);
