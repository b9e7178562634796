using System.Globalization;
using System.Text;

namespace DevEndpoint.LoadBench;

/// <summary>The results as markdown: medians per reader, the issue's targets as ratios, and the cross-check with DuckDB.</summary>
internal static class LoadReport
{
    public const string DevEndpoint = "DevEndpoint";
    public const string DevEndpointSample = "DevEndpoint, 1% sample";
    public const string DuckDb = "DuckDB";
    public const string Baseline = "DevEndpoint, baseline";
    public const string LoadCsv = "DataFrame.LoadCsv";
    public const string ParquetNet = "Parquet.Net";

    public static string Markdown(
        string machine,
        BenchFiles files,
        IReadOnlyList<Shape> shapes,
        int runs,
        IReadOnlyList<Measurement> measurements,
        IReadOnlyList<(string Format, IReadOnlyList<string>? Mismatches)> crossChecks,
        CliOptions options)
    {
        var csvBytes = new FileInfo(files.Csv).Length;
        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"# Load speed on {machine} ({Environment.ProcessorCount} cores), {DateTime.UtcNow:yyyy-MM-dd}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{files.Rows:N0} rows x 10 columns (bigint, int, double, boolean, date, timestamp, categorical and free-text strings, nullable int, 2-decimal amount):")
            .AppendLine(CultureInfo.InvariantCulture, $"CSV {Megabytes(csvBytes)} MB, Parquet {Megabytes(new FileInfo(files.Parquet).Length)} MB (snappy, row groups of up to {BenchData.RowGroupRows:N0} rows), JSON lines {Megabytes(new FileInfo(files.JsonLines).Length)} MB.")
            .AppendLine(CultureInfo.InvariantCulture, $"Median of {runs} rounds in which every reader runs once, each run a whole process ({(options.Installed is null ? "`dotnet <dll> ...`, the CLI's JIT build" : $"the CLI as installed, `{options.Installed}`, and `dotnet <dll> ...` for the others")}, start to exit), after an untimed warm-up round (warm page cache); load = the load alone as the process measured it; peak = its peak working set after the load.")
            .AppendLine(CultureInfo.InvariantCulture, $"Reproduce: `dotnet run --project bench/DevEndpoint.LoadBench -c Release -- --rows {files.Rows} --runs {runs}{(options.Installed is null ? "" : $" --cli {options.Installed}")}{(options.Baseline is null ? "" : $" --baseline {options.Baseline}")}{(options.DuckDbOnly ? " --duckdb-only" : "")}{(shapes.Count == 0 ? " --shape-rows 0" : "")}` (or `./build.sh bench`).")
            .AppendLine()
            .AppendLine("| format | reader | what runs | process | load | peak memory | rows |")
            .AppendLine("|---|---|---|---|---|---|---|");
        var shaped = shapes.ToDictionary(s => s.Table);
        foreach (var m in measurements.Where(m => !shaped.ContainsKey(m.Runner.Format)))
        {
            report.AppendLine(m.Succeeded
                ? string.Create(CultureInfo.InvariantCulture, $"| {m.Runner.Format} | {m.Runner.Reader} | {m.Runner.What} | {m.MedianWall.TotalSeconds:0.00} s | {m.MedianLoadMs / 1000:0.00} s | {Megabytes(m.MedianPeakBytes)} MB | {m.Runs[0].Rows:N0} |")
                : $"| {m.Runner.Format} | {m.Runner.Reader} | {m.Runner.What} | failed: {m.Failure} | | | |");
        }

        report.AppendLine()
            .AppendLine("| target (issue 4) | measured | |")
            .AppendLine("|---|---|---|");
        Target(report, "CSV: DevEndpoint / DuckDB at most 1.0x", Ratio(Find("CSV", DevEndpoint), Find("CSV", DuckDb)), r => r <= 1.0);
        Target(report, "CSV: DataFrame.LoadCsv / DevEndpoint at least 10x", Ratio(Find("CSV", LoadCsv), Find("CSV", DevEndpoint)), r => r >= 10);
        var peak = Find("CSV", DevEndpoint) is { Succeeded: true } csv ? (double?)csv.MedianPeakBytes / csvBytes : null;
        Target(report, "CSV: DevEndpoint peak memory / CSV size at most 1.5x", peak, r => r <= 1.5);
        Target(report, "Parquet: DevEndpoint / DuckDB at most 1.5x", Ratio(Find("Parquet", DevEndpoint), Find("Parquet", DuckDb)), r => r <= 1.5);
        Target(report, "JSON lines: DevEndpoint / DuckDB at most 1.5x", Ratio(Find("JSON lines", DevEndpoint), Find("JSON lines", DuckDb)), r => r <= 1.5);
        Target(report, "Parquet: a 1% sample / the full load at most 1.0x (issue 13)", Ratio(Find("Parquet", DevEndpointSample), Find("Parquet", DevEndpoint)), r => r <= 1.0);
        Target(report, "CSV: DevEndpoint / DuckDB at most 0.75x (issue 18)", Ratio(Find("CSV", DevEndpoint), Find("CSV", DuckDb)), r => r <= 0.75);
        Target(report, "Parquet: DevEndpoint / DuckDB at most 1.0x (issue 18)", Ratio(Find("Parquet", DevEndpoint), Find("Parquet", DuckDb)), r => r <= 1.0);
        Target(report, "JSON lines: DevEndpoint / DuckDB at most 1.0x (issue 18)", Ratio(Find("JSON lines", DevEndpoint), Find("JSON lines", DuckDb)), r => r <= 1.0);
        foreach (var format in new[] { "CSV", "Parquet", "JSON lines" })
        {
            if (Find(format, Baseline) is { Succeeded: true } baseline && Find(format, DevEndpoint) is { Succeeded: true } ours && Find(format, DuckDb) is { Succeeded: true } duck)
            {
                report.AppendLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {format}: baseline / DuckDB (before) | {baseline.MedianWall / duck.MedianWall:0.00}x | DevEndpoint / baseline {ours.MedianWall / baseline.MedianWall:0.00}x, peak {Megabytes(baseline.MedianPeakBytes)} MB before, {Megabytes(ours.MedianPeakBytes)} MB after |"));
            }
        }

        if (shapes.Count > 0)
        {
            report.AppendLine()
                .AppendLine(CultureInfo.InvariantCulture, $"Other shapes (same rounds, each file crawled as a table of its own): DevEndpoint's `devendpoint load bench.<table> --summary` against DuckDB's CREATE TABLE from the same file.")
                .AppendLine()
                .AppendLine("| table | format | what it holds | rows | size | DevEndpoint process | DuckDB process | ratio | DevEndpoint load | DuckDB load | DevEndpoint peak | DuckDB peak |")
                .AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
            foreach (var shape in shapes)
            {
                var (ours, duck) = (Find(shape.Table, DevEndpoint), Find(shape.Table, DuckDb));
                report.AppendLine(ours is { Succeeded: true } && duck is { Succeeded: true }
                    ? string.Create(CultureInfo.InvariantCulture, $"| {shape.Table} | {shape.Format} | {shape.Description} | {duck.Runs[0].Rows:N0} | {Megabytes(new FileInfo(shape.Path).Length)} MB | {ours.MedianWall.TotalSeconds:0.00} s | {duck.MedianWall.TotalSeconds:0.00} s | {ours.MedianWall / duck.MedianWall:0.00}x | {ours.MedianLoadMs / 1000:0.00} s | {duck.MedianLoadMs / 1000:0.00} s | {Megabytes(ours.MedianPeakBytes)} MB | {Megabytes(duck.MedianPeakBytes)} MB |")
                    : $"| {shape.Table} | {shape.Format} | {shape.Description} | | | failed: {ours?.Failure ?? duck?.Failure} | | | | | | |");
            }
        }

        report.AppendLine()
            .AppendLine("Cross-check: `devendpoint load --summary` against DuckDB's figures by SQL for the same file (rows; per column nulls, sums, UTF-8 bytes of strings; DuckDB's STRUCT columns by their fields, of its LIST columns the nulls only):")
            .AppendLine();
        foreach (var (format, mismatches) in crossChecks)
        {
            report.AppendLine(mismatches switch
            {
                null => $"- {format}: not compared (a run failed)",
                [] => $"- {format}: agree",
                _ => $"- {format}: **{mismatches.Count} MISMATCHES**: {string.Join("; ", mismatches)}",
            });
        }

        return report.ToString();

        Measurement? Find(string format, string reader) => measurements.FirstOrDefault(m => m.Runner.Format == format && m.Runner.Reader == reader);
    }

    private static double? Ratio(Measurement? a, Measurement? b) =>
        a is { Succeeded: true } && b is { Succeeded: true } ? a.MedianWall / b.MedianWall : null;

    private static void Target(StringBuilder report, string target, double? measured, Func<double, bool> met) =>
        report.AppendLine(measured is { } value
            ? string.Create(CultureInfo.InvariantCulture, $"| {target} | {value:0.00}x | {(met(value) ? "met" : "missed")} |")
            : $"| {target} | n/a (not run, or a run failed) | |");

    private static string Megabytes(long bytes) => (bytes / 1e6).ToString("0", CultureInfo.InvariantCulture);
}
