using System.Globalization;
using System.Text;
using DevEndpoint.Accuracy;
using DuckDB.NET.Data;

var root = Corpus.FindRoot();
using var connection = new DuckDBConnection("DataSource=:memory:");
connection.Open();
var details = new StringBuilder();
var summary = new StringBuilder().Append(await CompareAsync(Corpus.Load(root), connection, details));
var messyFolder = Path.Combine(RepositoryRoot(), "tests", "DevEndpoint.Tests", "Formats", "Csv", "Messy");
var messyDetails = new StringBuilder();
var messy = await CompareAsync(Corpus.Messy(messyFolder), connection, messyDetails);
var sweep = await Sweep.RunAsync(Path.Combine(root, "duckdb", "data", "csv"), connection);
summary
    .AppendLine()
    .AppendLine(CultureInfo.InvariantCulture, $"Every file of `duckdb/data/csv` classified by DevEndpoint: {sweep.Files} files, {sweep.Csv} taken for CSV, {sweep.NotCsv} reported as bad files or other formats, {sweep.Crashes.Count} crashes, {sweep.Elapsed.TotalSeconds:F1} s of classifying.")
    .AppendLine(CultureInfo.InvariantCulture, $"Type categories agreeing with DuckDB where both read the same number of columns: {Ratio((sweep.ColumnsAgreeing, sweep.ColumnsCompared))}; most frequent disagreements:")
    .AppendLine();
foreach (var (pair, (count, example)) in sweep.Disagreements.OrderByDescending(d => d.Value.Count).Take(8))
{
    summary.AppendLine(CultureInfo.InvariantCulture, $"- {pair}: {count} (e.g. {example})");
}

foreach (var crash in sweep.Crashes)
{
    summary.AppendLine(CultureInfo.InvariantCulture, $"- crash: {crash}");
}

summary
    .AppendLine()
    .AppendLine("## Other formats")
    .AppendLine()
    .AppendLine("| corpus | DevEndpoint | DuckDB |")
    .AppendLine("|---|---|---|");
var formatMisses = new StringBuilder();
foreach (var tally in await FormatSweeps.RunAsync(root, connection))
{
    summary.AppendLine(CultureInfo.InvariantCulture, $"| {tally.Title} | {Ratio((tally.OursRight, tally.Files))} | {(tally.DuckApplies ? Ratio((tally.DuckRight, tally.Files)) : "-")} |");
    foreach (var miss in tally.OurMisses)
    {
        formatMisses.AppendLine(CultureInfo.InvariantCulture, $"- {miss}");
    }
}

if (formatMisses.Length > 0)
{
    summary.AppendLine().AppendLine("DevEndpoint's misses in other formats:").AppendLine().Append(formatMisses);
}

Console.WriteLine(summary);
Console.WriteLine(messy);
Console.WriteLine(messyDetails);

var machine = Environment.GetEnvironmentVariable("ACCURACY_MACHINE") is { Length: > 0 } name ? name : Environment.MachineName;
var report = new StringBuilder()
    .AppendLine(CultureInfo.InvariantCulture, $"# Classifier accuracy on {machine}")
    .AppendLine()
    .AppendLine("Expected answers: `duckdb/duckdb-sniffer-expected.tsv` (files DuckDB's tests sniff without options) and csv-spectrum.")
    .AppendLine("Types compared as categories: integer, number, boolean, date, timestamp, string (DuckDB's TIME counts as string: Hive has no time-of-day type).")
    .AppendLine(CultureInfo.InvariantCulture, $"DuckDB: DuckDB.NET.Data.Full {typeof(DuckDBConnection).Assembly.GetName().Version}, `sniff_csv`.")
    .AppendLine("Deliberate differences: DevEndpoint keeps dates whose day and month the sample cannot tell apart (`01/02/2024`) as strings (dotted dates such as `01.02.2024` are day-first by convention), and reads `NULL`, `NA`, `N/A` and `\\N` as nulls.")
    .AppendLine("Reproduce: `dotnet run --project bench/DevEndpoint.Accuracy -c Release`.")
    .AppendLine()
    .Append(summary)
    .AppendLine()
    .AppendLine("## Files where either sniffer differs from the expected answer")
    .AppendLine()
    .AppendLine("| file | DevEndpoint | DuckDB |")
    .AppendLine("|---|---|---|")
    .Append(details)
    .AppendLine()
    .AppendLine("## Messy CSV corpus")
    .AppendLine()
    .AppendLine("Hand-written files of the kinds real published CSVs get wrong (tiny all-quoted `;` files, title lines, quoted text headers, short headers, trailing delimiters, preambles holding the delimiter), with controls.")
    .AppendLine("Expected answers: `tests/DevEndpoint.Tests/Formats/Csv/Messy/expected.tsv`. Column count: DevEndpoint's catalog columns, DuckDB's `sniff_csv` Columns; preamble: `PreambleLines` against DuckDB's `SkipRows`.")
    .AppendLine()
    .Append(messy)
    .AppendLine()
    .AppendLine("| file | DevEndpoint | DuckDB |")
    .AppendLine("|---|---|---|")
    .Append(messyDetails);
var output = Path.Combine(RepositoryRoot(), "bench", "results", $"accuracy-{machine}.md");
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllTextAsync(output, report.ToString());
Console.WriteLine($"Written: {output}");

static async Task<string> CompareAsync(IEnumerable<ExpectedFile> files, DuckDBConnection connection, StringBuilder details)
{
    var ours = new Score();
    var duck = new Score();
    foreach (var file in files)
    {
        var ourWrong = ours.Add(file, await Sniffers.DevEndpointAsync(file.Path));
        var duckWrong = duck.Add(file, Sniffers.DuckDb(connection, file.Path));
        if (ourWrong.Count + duckWrong.Count > 0)
        {
            details.AppendLine(CultureInfo.InvariantCulture, $"| {file.Source} | {string.Join("; ", ourWrong)} | {string.Join("; ", duckWrong)} |");
        }
    }

    return new StringBuilder()
        .AppendLine("| measure | DevEndpoint | DuckDB |")
        .AppendLine("|---|---|---|")
        .AppendLine(CultureInfo.InvariantCulture, $"| files scored | {ours.Files} | {duck.Files} |")
        .AppendLine(CultureInfo.InvariantCulture, $"| files not sniffed as CSV (error) | {ours.Failures} | {duck.Failures} |")
        .AppendLine(CultureInfo.InvariantCulture, $"| delimiter | {Ratio(ours.Delimiter)} | {Ratio(duck.Delimiter)} |")
        .AppendLine(CultureInfo.InvariantCulture, $"| header | {Ratio(ours.Header)} | {Ratio(duck.Header)} |")
        .AppendLine(CultureInfo.InvariantCulture, $"| column count | {Ratio(ours.ColumnCount)} | {Ratio(duck.ColumnCount)} |")
        .AppendLine(CultureInfo.InvariantCulture, $"| preamble lines | {Ratio(ours.Preamble)} | {Ratio(duck.Preamble)} |")
        .AppendLine(CultureInfo.InvariantCulture, $"| column type categories | {Ratio(ours.Types)} | {Ratio(duck.Types)} |")
        .AppendLine(CultureInfo.InvariantCulture, $"| files with every type category right | {Ratio(ours.FilesAllTypesRight)} | {Ratio(duck.FilesAllTypesRight)} |")
        .ToString();
}

static string Ratio((int Right, int Stated) tally) =>
    tally.Stated == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{tally.Right}/{tally.Stated} ({100.0 * tally.Right / tally.Stated:F1} %)");

static string RepositoryRoot()
{
    for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
    {
        if (File.Exists(Path.Combine(folder.FullName, "DevEndpoint.sln")))
        {
            return folder.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}
