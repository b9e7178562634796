using DevEndpoint.Profiles;

// Usage: dotnet run --project bench/DevEndpoint.ProfileBench -c Release [-- [--rows 2000000] [--runs 3] [--machine <name>] [--data artifacts/bench-data]]
// Generates (or reuses) the load benchmark's table and writes two variants of it with DuckDB from its Parquet file: every
// column about 30 % null, and 40 columns (the 10, then 30 more numbers and texts computed from them). Crawls them and times,
// median of the runs after one untimed warm-up, Profiler.ProfileTableAsync over each catalog table against DuckDB's
// SUMMARIZE of the same file on a fresh in-memory DuckDB.
if (await ParseAsync(args, runs: 3) is not (var rows, var runs, var machine, _) bench)
{
    return 2;
}

var files = await BenchData.EnsureAsync(Path.GetFullPath(bench.Data), rows);
var variants = Path.Combine(files.Folder, "profile-variants");
var nulls = Path.Combine(variants, "nulls", "rows.parquet");
var wide = Path.Combine(variants, "wide", "rows.parquet");
if (!File.Exists(nulls) || !File.Exists(wide))
{
    Directory.CreateDirectory(Path.GetDirectoryName(nulls)!);
    Directory.CreateDirectory(Path.GetDirectoryName(wide)!);
    using var connection = OpenDuckDb();
    var columns = new[] { "id", "quantity", "price", "active", "day", "created", "category", "note", "score", "amount" };
    Execute(connection, $"COPY (SELECT {string.Join(", ", columns.Select((c, k) => $"CASE WHEN hash(id, {k}) % 10 < 3 THEN NULL ELSE {c} END AS {c}"))} FROM read_parquet({Literal(files.Parquet)})) TO {Literal(nulls)} (FORMAT parquet)");
    var extra = Enumerable.Range(0, 30).Select(k => (k % 3) switch
    {
        0 => $"price * {k + 1} + quantity AS x{k}",
        1 => $"(id * {k + 7}) % 1000 AS n{k}",
        _ => $"category || '-' || ((id + {k}) % 50) AS t{k}",
    });
    Execute(connection, $"COPY (SELECT *, {string.Join(", ", extra)} FROM read_parquet({Literal(files.Parquet)})) TO {Literal(wide)} (FORMAT parquet)");
}

var catalog = DataCatalog.Open(Path.Combine(files.Folder, "profile-catalog.db"));
if (catalog.GetDatabases().All(d => d.Name != "bench"))
{
    await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = files.Data, Database = "bench", Exclusions = ["jsonl/**"] });
    await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = Path.GetDirectoryName(nulls)!, Database = "variants" });
    await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = Path.GetDirectoryName(wide)!, Database = "variants" });
}

var sources = new (string Data, string Table, string File)[]
{
    ("CSV, 10 columns", "bench.csv", $"read_csv({Literal(files.Csv)})"),
    ("Parquet, 10 columns", "bench.parquet", $"read_parquet({Literal(files.Parquet)})"),
    ("Parquet, 10 columns ~30 % null", "variants.nulls", $"read_parquet({Literal(nulls)})"),
    ("Parquet, 40 columns", "variants.wide", $"read_parquet({Literal(wide)})"),
};

var report = new List<string>
{
    $"# Profiles on {machine} ({Environment.ProcessorCount} cores), {DateTime.UtcNow:yyyy-MM-dd}",
    string.Empty,
    $"The load benchmark's table, {rows:N0} rows x 10 columns (bench/DevEndpoint.LoadBench/BenchData.cs: bigint, int, double, boolean,",
    "date, timestamp, two texts, int with ~10 % empty, decimal) as CSV and Parquet, and two variants written from its Parquet file:",
    "every column ~30 % null, and 40 columns (30 more doubles, ints and texts computed from the 10).",
    $"Median of {runs} runs in one process after an untimed warm-up (warm page cache), ours and DuckDB's taken alternately.",
    "Reproduce: `dotnet run --project bench/DevEndpoint.ProfileBench -c Release -- --rows 2000000 --runs 3`.",
    string.Empty,
    "- **#!profile core**: `Profiler.ProfileTableAsync(\"<db>.<table>\")`: the rows read once into DuckDB, then every figure of the profile",
    "  (counts, min, max, mean, deviation, sum, lengths, 20-bin histograms, correlations of every pair of numeric columns; above",
    "  100,000 rows, as here, distinct values estimated (HyperLogLog), duplicate rows from one 64-bit hash per row, and five",
    "  quantiles, the correlations and approx_top_k's candidates for the top 10 values (then counted exactly) from a Bernoulli",
    "  sample of about 100,000 rows).",
    "- **DuckDB SUMMARIZE**: `SUMMARIZE SELECT * FROM read_csv(file)` / `read_parquet(file)` on a fresh in-memory DuckDB (min, max,",
    "  approx_unique, avg, std, approximate q25/q50/q75, count, null_percentage).",
    string.Empty,
    "| data | #!profile core | DuckDB SUMMARIZE | #!profile / SUMMARIZE |",
    "|---|---|---|---|",
};
var steps = new List<string>();
foreach (var (label, table, file) in sources)
{
    var progress = new StepTimes();
    var (ours, duck) = await MediansAsync(
        runs,
        () => new Profiler(catalog).ProfileTableAsync(table, progress: progress.Restart()),
        () =>
        {
            using var connection = OpenDuckDb();
            using var command = connection.CreateCommand();
            command.CommandText = $"SUMMARIZE SELECT * FROM {file}";
            using var result = command.ExecuteReader();
            while (result.Read())
            {
            }

            return Task.CompletedTask;
        });
    var line = $"| {label} | {Seconds(ours)} | {Seconds(duck)} | {ours.TotalSeconds / duck.TotalSeconds:0.00}x |";
    Console.WriteLine(line);
    report.Add(line);
    steps.Add($"| {label} | {string.Join(" | ", progress.Times.Select(Seconds))} |");
}

report.AddRange([
    string.Empty,
    "Where the time of the last #!profile run goes, step by step (ProfileProgress):",
    string.Empty,
    "| data | reading the rows into DuckDB | aggregate passes (all rows, sample) | top values | histograms | duplicate rows (exact only) |",
    "|---|---|---|---|---|---|",
    .. steps,
]);
var output = Path.Combine("bench", "results", $"profile-{machine}.md");
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllLinesAsync(output, report);
Console.WriteLine($"Wrote {output}");
return 0;

// Times the two alternately, run by run (after one untimed warm-up of each), so both see the same load on a shared machine.
static async Task<(TimeSpan Ours, TimeSpan Theirs)> MediansAsync(int runs, Func<Task> ours, Func<Task> theirs)
{
    await ours();
    await theirs();
    var (mine, other) = (new List<TimeSpan>(), new List<TimeSpan>());
    for (var i = 0; i < runs; i++)
    {
        var stopwatch = Stopwatch.StartNew();
        await ours();
        mine.Add(stopwatch.Elapsed);
        stopwatch.Restart();
        await theirs();
        other.Add(stopwatch.Elapsed);
    }

    return (mine.Order().ElementAt(runs / 2), other.Order().ElementAt(runs / 2));
}

/// <summary>The time between a profile's progress reports, as they come (synchronously, unlike <see cref="Progress{T}"/>).</summary>
internal sealed class StepTimes : IProgress<ProfileProgress>
{
    private readonly Stopwatch stopwatch = new();

    public List<TimeSpan> Times { get; } = [];

    public StepTimes Restart()
    {
        Times.Clear();
        stopwatch.Restart();
        return this;
    }

    public void Report(ProfileProgress value)
    {
        if (value.Step > 0)
        {
            Times.Add(stopwatch.Elapsed);
            stopwatch.Restart();
        }
    }
}
