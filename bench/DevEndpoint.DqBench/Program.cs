using DevEndpoint.DataQuality;
using DevEndpoint.Sql;

// Usage: dotnet run --project bench/DevEndpoint.DqBench -c Release [-- [--rows 2000000] [--runs 5] [--machine <name>] [--data artifacts/bench-data]]
// Generates (or reuses) the load benchmark's table, crawls it, and times, median of the runs after one untimed warm-up:
// a 20-rule ruleset run by EvaluateDataQuality over the catalog table (parse, schema, the shared aggregate query, judging;
// nothing kept in the catalog), and DuckDB computing the same metrics with one hand-written query over the same file.
if (await ParseAsync(args, runs: 5) is not (var rows, var runs, var machine, _) bench)
{
    return 2;
}

var (files, catalog) = await bench.CatalogAsync("dq-catalog.db");

const string Ruleset = """
    Rules = [
        RowCount > 0,
        ColumnCount = 10,
        IsComplete "id",
        IsUnique "id",
        Completeness "score" > 0.5,
        IsComplete "category",
        DistinctValuesCount "category" between 10 and 50,
        Entropy "category" > 1,
        ColumnValues "quantity" between 0 and 1000,
        ColumnValues "category" matches "[a-z]+-[a-z]+",
        ColumnLength "note" between 1 and 200,
        Mean "price" > 0,
        Sum "quantity" > 0,
        StandardDeviation "price" > 0,
        ColumnCorrelation "price" "quantity" between -1 and 1,
        Completeness "note" > 0.9,
        ColumnValues "price" > 0 where "active",
        Uniqueness "category" < 0.5,
        ColumnExists "amount",
        ColumnValues "day" <= now()
    ]
    """;

// The same metrics, written by hand as one DuckDB query over the file.
const string HandWritten = """
    SELECT * FROM
    (SELECT count(*), count(id), count(score), count(category),
            count(*) FILTER (WHERE quantity BETWEEN 0 AND 1000),
            count(*) FILTER (WHERE regexp_full_match(category, '[a-z]+-[a-z]+')),
            count(*) FILTER (WHERE length(note) BETWEEN 1 AND 200),
            avg(price), sum(quantity), stddev_pop(price), corr(price, quantity), count(note),
            count(*) FILTER (WHERE active AND price > 0), count(*) FILTER (WHERE active),
            count(*) FILTER (WHERE day <= now())
     FROM {0}) a,
    (SELECT count(*), count(*) FILTER (WHERE n = 1) FROM (SELECT count(*) AS n FROM {0} WHERE id IS NOT NULL GROUP BY id)) i,
    (SELECT count(*), count(*) FILTER (WHERE n = 1), sum(n), sum(n * ln(n)) FROM (SELECT count(*) AS n FROM {0} WHERE category IS NOT NULL GROUP BY category)) c
    """;

var sources = new (string Format, string Table, string File)[]
{
    ("CSV", "bench.csv", $"read_csv({Literal(files.Csv)})"),
    ("Parquet", "bench.parquet", $"read_parquet({Literal(files.Parquet)})"),
};
var report = new List<string>
{
    $"# Data quality (DQDL) on {machine} ({Environment.ProcessorCount} cores), {DateTime.UtcNow:yyyy-MM-dd}",
    string.Empty,
    $"The load benchmark's table, {rows:N0} rows x 10 columns (bench/DevEndpoint.LoadBench/BenchData.cs), as CSV and Parquet; a ruleset of 20 rules",
    "(bench/DevEndpoint.DqBench/Program.cs: completeness, uniqueness, distinct values, entropy, value sets, patterns, lengths, mean, sum, deviation, correlation, where clauses, dates).",
    $"Median of {runs} runs in one process after an untimed warm-up (warm page cache).",
    "Reproduce: `dotnet run --project bench/DevEndpoint.DqBench -c Release -- --rows 2000000 --runs 5`.",
    string.Empty,
    "- **#!dq core**: `EvaluateDataQuality.RunAsync(session, \"bench.<table>\", ruleset)` without keeping the run: parse, schema, one shared aggregate query (with the GROUP BYs of the uniqueness and entropy rules), judging.",
    "- **DuckDB, hand-written**: the same metrics as one hand-written query over `read_csv(file)` / `read_parquet(file)` on a fresh in-memory DuckDB.",
    string.Empty,
    "| format | rules | passed | #!dq core | DuckDB, hand-written | #!dq / DuckDB |",
    "|---|---|---|---|---|---|",
};
foreach (var (format, table, file) in sources)
{
    var passed = 0;
    var ours = await MedianAsync(runs, async () =>
    {
        using var session = new SqlSession(catalog);
        var run = await EvaluateDataQuality.RunAsync(session, table, Ruleset, new DataQualityOptions { Record = false });
        passed = run.Result.RuleResults.Count(r => r.Result == DataQualityRuleResult.Pass);
    });
    var duck = await MedianAsync(runs, () =>
    {
        using var connection = OpenDuckDb();
        using var command = connection.CreateCommand();
        command.CommandText = string.Format(CultureInfo.InvariantCulture, HandWritten, file);
        using var result = command.ExecuteReader();
        while (result.Read())
        {
        }

        return Task.CompletedTask;
    });
    var line = $"| {format} | 20 | {passed} | {Seconds(ours)} | {Seconds(duck)} | {ours.TotalSeconds / duck.TotalSeconds:0.00}x |";
    Console.WriteLine(line);
    report.Add(line);
}

var output = Path.Combine("bench", "results", $"dq-{machine}.md");
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllLinesAsync(output, report);
Console.WriteLine($"Wrote {output}");
return 0;

