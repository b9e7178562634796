using DevEndpoint.Frames;
using DevEndpoint.Sql;

// Usage: dotnet run --project bench/DevEndpoint.SqlBench -c Release [-- [--rows 2000000] [--runs 5] [--machine <name>] [--data artifacts/bench-data]]
// Generates (or reuses) the load benchmark's table, crawls it, and times each query in this process, median of the runs
// after one untimed warm-up: SqlSession.QueryAsync over the catalog table (view set-up, query, result into a DataFrame),
// DuckDB producing the same result from the same file (CREATE TEMP TABLE ... AS, inside DuckDB), and DuckDB.NET reading
// that result value by value (GetValue, as a plain DuckDB.NET client does), and the value path reading it into a DataFrame.
if (await ParseAsync(args, runs: 5) is not (var rows, var runs, var machine, _) bench)
{
    return 2;
}

var (files, catalog) = await bench.CatalogAsync("sql-catalog.db");

var queries = new (string Name, string Sql)[]
{
    ("group-by", "SELECT category, count(*) AS n, sum(amount) AS amount, avg(price) AS price FROM {0} GROUP BY category ORDER BY category"),
    ("filtered projection", "SELECT id, price, day, note FROM {0} WHERE quantity > 90 AND active"),
    ("low-cardinality text", "SELECT id, category, created FROM {0} WHERE quantity > 90 AND active"),
    ("long text", "SELECT id, repeat(note, 4) AS note FROM {0} WHERE quantity > 90 AND active"),
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
    "- **#!sql --strings utf8**: #!sql core with `SqlQueryOptions.Strings = Utf8` (`#!sql --strings utf8`): the result's text columns as UTF-8 bytes instead of .NET strings.",
    "- **#!sql --strings auto**: #!sql core with `SqlQueryOptions.Strings = Auto`: each text column as .NET strings where at least half of its first 2,048 values repeat, else as UTF-8 bytes.",
    "- **value path into a DataFrame**: the same query over the file, its result read into a DataFrame value by value through DuckDB.NET's reader (`ResultFrames.Read`, how #!sql read every result before it copied DuckDB's chunks).",
    string.Empty,
    "| format | query | result rows | DuckDB, result in DuckDB | #!sql core | #!sql / DuckDB | #!sql --strings auto | auto / DuckDB | #!sql --strings utf8 | utf8 / DuckDB | DuckDB + DuckDB.NET reader | value path into a DataFrame |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
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
        async Task<TimeSpan> StoredAs(StringStorage strings) => await MedianAsync(runs, async () =>
        {
            using var session = new SqlSession(catalog);
            await session.QueryAsync(string.Format(CultureInfo.InvariantCulture, sql, table), new SqlQueryOptions { Strings = strings });
        });
        var auto = await StoredAs(StringStorage.Auto);
        var utf8 = await StoredAs(StringStorage.Utf8);
        var duck = await MedianAsync(runs, () =>
        {
            using var connection = OpenDuckDb();
            Execute(connection, $"CREATE TEMP TABLE r AS {string.Format(CultureInfo.InvariantCulture, sql, file)}");
            return Task.CompletedTask;
        });
        var reader = await MedianAsync(runs, () =>
        {
            using var connection = OpenDuckDb();
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
            using var connection = OpenDuckDb();
            using var command = connection.CreateCommand();
            command.CommandText = string.Format(CultureInfo.InvariantCulture, sql, file);
            using var result = command.ExecuteReader();
            ResultFrames.Read(result, null, default);
            return Task.CompletedTask;
        });
        string Ratio(TimeSpan time) => $"{time.TotalSeconds / duck.TotalSeconds:0.00}x";
        var line = $"| {format} | {query} | {resultRows:N0} | {Seconds(duck)} | {Seconds(ours)} | {Ratio(ours)} | {Seconds(auto)} | {Ratio(auto)} | {Seconds(utf8)} | {Ratio(utf8)} | {Seconds(reader)} | {Seconds(valuePath)} |";
        Console.WriteLine(line);
        report.Add(line);
    }
}

var output = Path.Combine("bench", "results", $"sql-{machine}.md");
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllLinesAsync(output, report);
Console.WriteLine($"Wrote {output}");
return 0;

