using System.Diagnostics;
using System.Globalization;
using System.Text;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.ImputeBench;
using DevEndpoint.Loading;
using DevEndpoint.MachineLearning.Imputation;
using Microsoft.Data.Analysis;

// dotnet run -c Release --project bench/DevEndpoint.ImputeBench -- [results.md] [corpora folder]
// Hides 15% of one column's values (seeded), imputes them with MissingValues.Fill and with the mean (numbers) or mode
// (text), and compares each with the hidden truth: RMSE for numbers, accuracy for text.
const double HiddenShare = 0.15;
const int Seed = 42;
var output = args.Length > 0 ? args[0] : Path.Combine("bench", "results", "impute-vm.md");
var corpora = args.Length > 1 ? args[1] : Path.GetFullPath(Path.Combine("..", "shared", "corpora"));

var cases = GeneratedCases.All(5000, Seed).ToList();
cases.AddRange(await CorpusCasesAsync(corpora));
var report = new StringBuilder()
    .AppendLine("# FillMissingValues: ML.NET model against mean/mode imputation")
    .AppendLine()
    .AppendLine(CultureInfo.InvariantCulture, $"Each case hides {HiddenShare:P0} of one column's values (seed {Seed}), fills them with `MissingValues.Fill` (FastTree regression for numbers, maximum-entropy classifier for text) and with the column's mean (numbers) or mode (text), and scores both against the hidden values: RMSE (lower is better) or accuracy (higher is better).")
    .AppendLine()
    .AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, {RuntimeInfo()}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.")
    .AppendLine()
    .AppendLine("Reproduce: `dotnet run -c Release --project bench/DevEndpoint.ImputeBench -- bench/results/impute-vm.md ../shared/corpora`")
    .AppendLine()
    .AppendLine("| case | source | column | rows | hidden | metric | model | mean/mode | model vs baseline | seconds |")
    .AppendLine("|---|---|---|---:|---:|---|---:|---:|---|---:|");
foreach (var item in cases)
{
    var line = Measure(item, HiddenShare, Seed);
    Console.WriteLine(line);
    report.AppendLine(line);
}

report
    .AppendLine()
    .AppendLine("The generated sets have a relation the model can learn, so it beats the mean or mode by far; a real column is only as predictable as the other columns make it: a restaurant's city from its phone's area code and address, yes; a paper's year from its title, authors and venue, no better than the mean.")
    .AppendLine("Seconds include training; the machine is shared with other builds, so they are indicative only.");
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
await File.WriteAllTextAsync(output, report.ToString());
Console.WriteLine($"Wrote {output}");

static string Measure(ImputeCase item, double share, int seed)
{
    var target = item.Frame[item.Column];
    // Not the generators' seed: hiding with the stream that drew x would hide exactly the rows with small x.
    var random = new Random(seed + 1_000_003);
    var hidden = new Dictionary<long, object>();
    var masked = item.Frame.Clone();
    var column = masked[item.Column];
    for (long row = 0; row < column.Length; row++)
    {
        if (column[row] is { } value && !(value is string s && string.IsNullOrWhiteSpace(s)) && random.NextDouble() < share)
        {
            hidden[row] = value;
            column[row] = null;
        }
    }

    var clock = Stopwatch.StartNew();
    var filled = MissingValues.Fill(masked, item.Column).Frame[item.Column + MissingValues.FilledSuffix];
    var seconds = clock.Elapsed.TotalSeconds;
    string metric, model, baseline;
    bool better;
    if (target.IsNumericColumn())
    {
        var known = Enumerable.Range(0, (int)column.Length).Select(r => column[r]).OfType<object>().Select(Convert.ToDouble).ToList();
        var mean = known.Average();
        var modelError = Math.Sqrt(hidden.Average(h => Math.Pow(Convert.ToDouble(filled[h.Key], CultureInfo.InvariantCulture) - Convert.ToDouble(h.Value, CultureInfo.InvariantCulture), 2)));
        var meanError = Math.Sqrt(hidden.Average(h => Math.Pow(mean - Convert.ToDouble(h.Value, CultureInfo.InvariantCulture), 2)));
        (metric, model, baseline, better) = ("RMSE", Number(modelError), Number(meanError), modelError < meanError);
        baseline += $" (mean {Number(mean)})";
    }
    else
    {
        var mode = Enumerable.Range(0, (int)column.Length).Select(r => column[r] as string).OfType<string>().Where(v => !string.IsNullOrWhiteSpace(v))
            .GroupBy(v => v).MaxBy(g => g.Count())!.Key;
        var modelRight = hidden.Count(h => Equals(filled[h.Key], h.Value)) / (double)hidden.Count;
        var modeRight = hidden.Count(h => Equals(mode, h.Value)) / (double)hidden.Count;
        (metric, model, baseline, better) = ("accuracy", Number(modelRight), Number(modeRight), modelRight > modeRight);
        baseline += $" (mode '{mode}')";
    }

    return string.Create(
        CultureInfo.InvariantCulture,
        $"| {item.Name} | {item.Source} | {item.Column} | {column.Length} | {hidden.Count} | {metric} | {model} | {baseline} | {(better ? "model better" : "baseline better")} | {seconds:0.00} |");
}

static async Task<IEnumerable<ImputeCase>> CorpusCasesAsync(string corpora)
{
    var datasets = Path.Combine(corpora, "entity-matching", "py_entitymatching", "py_entitymatching", "datasets");
    (string Name, string File, string Column)[] files =
    [
        ("acm-venue", Path.Combine(datasets, "ACM.csv"), "venue"),
        ("acm-year", Path.Combine(datasets, "ACM.csv"), "year"),
        ("fodors-city", Path.Combine(datasets, "end-to-end", "restaurants", "fodors.csv"), "city"),
        ("fodors-type", Path.Combine(datasets, "end-to-end", "restaurants", "fodors.csv"), "type"),
    ];
    var cases = new List<ImputeCase>();
    var work = Path.Combine(Path.GetTempPath(), "impute-bench-" + Guid.NewGuid().ToString("N"));
    try
    {
        var catalog = DataCatalog.Open(Path.Combine(work, "catalog.db"));
        foreach (var (name, file, column) in files.Where(f => File.Exists(f.File)))
        {
            // Each file is crawled and loaded as a user would: its own folder, a catalog table, a load.
            var folder = Path.Combine(work, "lake", name);
            Directory.CreateDirectory(Path.Combine(folder, "t"));
            File.Copy(file, Path.Combine(folder, "t", Path.GetFileName(file)));
            await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = folder, Database = name.Replace('-', '_') });
            var frame = (await new TableLoader(catalog).LoadAsync($"{name.Replace('-', '_')}.t", new LoadOptions())).Frame;
            var id = frame.Columns.FirstOrDefault(c => c.Name == "id");
            if (id is not null)
            {
                frame.Columns.Remove(id);
            }

            cases.Add(new ImputeCase(name, Path.GetRelativePath(corpora, file), frame, column));
        }
    }
    finally
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(work, recursive: true);
    }

    return cases;
}

static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

static string RuntimeInfo() => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;
