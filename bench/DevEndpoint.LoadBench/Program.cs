using System.Globalization;
using DevEndpoint.LoadBench;

// Usage: dotnet run --project bench/DevEndpoint.LoadBench -c Release [-- [--rows 2000000] [--runs 5] [--machine <name>] [--data artifacts/bench-data] [--generate-only] [--shape-rows 500000] [--cli <command>] [--baseline <command>] [--duckdb-only]]
// The driver runs each reader as a process of its own: the devendpoint CLI, and this program's subcommands
// `duckdb csv|parquet|json <file> [--check]`, `loadcsv <file>` and `parquetnet <file>`.
// --cli: the devendpoint command to measure, such as the one `./build.sh cli` installs (~/.devendpoint/tools/devendpoint-cli/DevEndpoint.Cli,
// NativeAOT); by default the JIT build published next to the bench (run as dotnet cli/DevEndpoint.Cli.dll).
// --baseline: another devendpoint command (an earlier build) run in the same rounds on the three standard files, for before/after.
// --duckdb-only: DuckDB the only peer (no DataFrame.LoadCsv, Parquet.Net or 1% sample runs).
switch (args.FirstOrDefault())
{
    case "duckdb" when args.Length >= 3:
        Runners.DuckDb(args[1], args[2], args.Contains("--check"));
        return 0;
    case "loadcsv" when args.Length == 2:
        Runners.LoadCsv(args[1]);
        return 0;
    case "parquetnet" when args.Length == 2:
        await Runners.ParquetNetAsync(args[1]);
        return 0;
}

var rows = 2_000_000L;
var runs = 5;
var machine = Environment.GetEnvironmentVariable("BENCH_MACHINE") is { Length: > 0 } name ? name : Environment.MachineName;
var data = Path.Combine("artifacts", "bench-data");
var generateOnly = false;
var shapeRows = 500_000L;
string? cli = null;
string? baseline = null;
var duckDbOnly = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--rows" when i + 1 < args.Length && long.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out rows) && rows > 0:
        case "--runs" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out runs) && runs > 0:
        case "--shape-rows" when i + 1 < args.Length && long.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out shapeRows) && shapeRows >= 0:
            i++;
            break;
        case "--machine" when i + 1 < args.Length:
            machine = args[++i];
            break;
        case "--data" when i + 1 < args.Length:
            data = args[++i];
            break;
        case "--cli" when i + 1 < args.Length:
            cli = Path.GetFullPath(args[++i]);
            break;
        case "--baseline" when i + 1 < args.Length:
            baseline = Path.GetFullPath(args[++i]);
            break;
        case "--duckdb-only":
            duckDbOnly = true;
            break;
        case "--generate-only":
            generateOnly = true;
            break;
        default:
            await Console.Error.WriteLineAsync($"Unexpected argument '{args[i]}'. Usage: [--rows <n>] [--runs <n>] [--machine <name>] [--data <folder>] [--generate-only] [--shape-rows <n>, 0 for none] [--cli <command>] [--baseline <command>] [--duckdb-only]");
            return 2;
    }
}

return await LoadBenchmark.RunAsync(rows, runs, machine, Path.GetFullPath(data), generateOnly, shapeRows, new CliOptions(cli, baseline, duckDbOnly));
