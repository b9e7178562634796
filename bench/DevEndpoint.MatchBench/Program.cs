using System.Globalization;
using System.Text;
using DevEndpoint.MatchBench;

// Usage: dotnet run --project bench/DevEndpoint.MatchBench -c Release [-- <corpus names, comma-separated | all> <generated records, 0 for none>]
//    or: dotnet run --project bench/DevEndpoint.MatchBench -c Release -- incremental <generated records> <arriving records>
//    or: dotnet run --project bench/DevEndpoint.MatchBench -c Release -- dblp-acm
//    or: dotnet run --project bench/DevEndpoint.MatchBench -c Release -- blocking <corpus names, comma-separated | all> <generated records>
//        (blocking alone: true pairs kept and pairs compared, printed, nothing written)
if (args is ["incremental", var total, var arrivals])
{
    await IncrementalRun.RunAsync(
        int.Parse(total, CultureInfo.InvariantCulture), int.Parse(arrivals, CultureInfo.InvariantCulture), Path.Combine(FindRepository(), "bench", "results", "match-incremental-vm.md"));
    return;
}

if (args is ["dblp-acm"])
{
    await DblpAcmRun.RunAsync(MatchCorpus.FindRoot(), Path.Combine(Path.GetTempPath(), "devendpoint-matchbench"), Path.Combine(FindRepository(), "bench", "results", "match-dblp-acm-vm.md"));
    return;
}

if (args is ["blocking", var names, var size])
{
    var corporaRoot = MatchCorpus.FindRoot();
    var folder = Path.Combine(Path.GetTempPath(), "devendpoint-matchbench");
    var chosen = MatchCorpus.All(corporaRoot, folder).Where(c => names == "all" || names.Split(',').Contains(c.Name)).ToList();
    if (int.Parse(size, CultureInfo.InvariantCulture) is > 0 and var records)
    {
        chosen.Add(MatchCorpus.Generated(corporaRoot, folder, records, seed: 7));
    }

    Console.WriteLine("| corpus | records | true pairs | blocking recall | pairs compared | blocking time |");
    Console.WriteLine("|---|---|---|---|---|---|");
    foreach (var corpus in chosen)
    {
        Console.WriteLine(await BlockingRun.RunAsync(corpus, folder));
    }

    return;
}

var only = args.Length > 0 && args[0] != "all" ? args[0].Split(',') : null;
var generated = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
const int Rounds = 10;

// The generated table measures speed; fewer labelling rounds keep the run short (they do not change find-matches' cost).
const int GeneratedRounds = 3;
var root = MatchCorpus.FindRoot();
var work = Path.Combine(Path.GetTempPath(), "devendpoint-matchbench");
var corpora = MatchCorpus.All(root, work).Where(c => only is null || only.Contains(c.Name)).ToList();
if (generated > 0)
{
    corpora.Add(MatchCorpus.Generated(root, work, generated, seed: 7));
}

const string Notes = """

    Not measured here: DBLP-ACM. The shared corpora hold DBLP.csv (2,616 records) and ACM.csv (2,294), the samples
    dblp_demo.csv and acm_demo.csv, and two samples of labelled pairs (dblp_acm_demo_labels.csv, 415 pairs;
    labeled_data_demo.csv, 450 pairs), but no full mapping (every file and the LICENSE files were checked), so find-matches
    cannot be scored against every true pair. What the samples allow (a candidate-set evaluation on the labelled pairs) is
    in match-dblp-acm-vm.md (`dotnet run --project bench/DevEndpoint.MatchBench -c Release -- dblp-acm`).
    The generated table is written with 100,000 records; the loader sets aside the rows whose typo breaks the type the
    crawler inferred for a column (a letter in a numeric postcode), so fewer are matched and scored (the records column).
    Blocking alone (no labels, no model): `dotnet run --project bench/DevEndpoint.MatchBench -c Release -- blocking all 100000`
    prints its recall, pairs and time per corpus; MATCHBENCH_MISSED=<count> prints true pairs it left out.
    Blocking: every table has date-part keys (each two of year, month and day); tables of up to 2,500 records (fake_1000, restaurants), where
    the 1% share of all pairs limits the candidates, also have a typo pass (each word with one letter left out), pair the
    records that share a close record, and rank the pairs found by their whole-record and column-key cosines plus the
    average Jaro-Winkler similarity of the columns both fill, within 0.99% of all pairs.
    Semantic blocking (a local MiniLM sentence-embedding model, package DevEndpoint.Embeddings) is not in these figures: the
    benchmark does not reference that package, so the default (Auto) blocks without it. It would not help fake_1000, whose
    misses are typos: MiniLM puts cos("george davies", "gegrgoe daevies") at 0.11 but cos("lily watson", "mary brown") at
    0.53. It pairs records alike in meaning that share no letters ("dentist" and "tooth doctor").
    """;

var rows = new StringBuilder();
foreach (var corpus in corpora)
{
    Console.WriteLine($"{corpus.Name}: {corpus.EntityOfKey.Count} records ...");
    var r = await MatchRun.RunAsync(corpus, work, corpus.Name.StartsWith("generated", StringComparison.Ordinal) ? GeneratedRounds : Rounds);
    var row = FormattableString.Invariant(
        $"| {r.Corpus.Name} | {r.Corpus.Task} | {r.Records:N0} | {r.TruePairs:N0} | {r.Labels} | {r.Precision:0.000} | {r.Recall:0.000} | **{r.F1:0.000}** | {r.EstimatedF1:0.000} ({Math.Round(r.EstimatedF1 - r.F1, 3) + 0.0:+0.000;-0.000}) | {r.BlockingRecall:P2} | {r.PairsCompared:P3} ({r.CandidatePairs:N0}) | {r.BaselineF1:0.000} (cos >= {r.BaselineThreshold:0.00}) | {r.SlowestLabelingRound.TotalSeconds:0.00} s | {r.FindMatches.TotalSeconds:0.00} s | {r.PeakMemory / (1 << 20):N0} MiB |");
    Console.WriteLine(row);
    rows.AppendLine(row);
}

var machine = Environment.GetEnvironmentVariable("BENCH_MACHINE") is { Length: > 0 } name ? name : Environment.MachineName;
var command = $"dotnet run --project bench/DevEndpoint.MatchBench -c Release -- {(only is null ? "all" : string.Join(',', only))} {generated}";
var report = new StringBuilder()
    .AppendLine(CultureInfo.InvariantCulture, $"# FindMatches accuracy and speed on {machine} ({Environment.ProcessorCount} cores), {DateTime.UtcNow:yyyy-MM-dd}")
    .AppendLine()
    .AppendLine(CultureInfo.InvariantCulture, $"Reproduce: `{command}` (corpora from {root}).")
    .AppendLine()
    .AppendLine(CultureInfo.InvariantCulture, $"An oracle plays the user: {Rounds} labelling rounds ({GeneratedRounds} for the generated table, which measures speed) (each a generated labelling set of up to 10 sets of up to 10 records, labelled from the known truth), then evaluate and find-matches with the default trade-offs (0.5, 0.5). Precision, recall and F1 are pairwise, against every true pair of the table (not a pre-selected candidate set). Estimated F1 is evaluate's F1, estimated from the labels alone for what find-matches outputs (gap to the true F1 in brackets). Blocking recall is the share of true pairs among the pairs the model compares; pairs compared is their share of all pairs. The baseline is the TF-IDF cosine of whole records (token and 3-gram keys) with the threshold that gives the best F1 in hindsight. Peak memory is the process's peak working set so far (corpora run in this order).")
    .AppendLine()
    .AppendLine("| corpus | task | records | true pairs | labels | precision | recall | F1 | estimated F1 (gap) | blocking recall | pairs compared | TF-IDF baseline F1 | slowest labelling round | find-matches | peak memory |")
    .AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    .Append(rows)
    .Append(Notes);
var output = Path.Combine(FindRepository(), "bench", "results", "match-vm.md");
await File.WriteAllTextAsync(output, report.ToString());
Console.WriteLine($"Wrote {output}");

static string FindRepository()
{
    for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
    {
        if (File.Exists(Path.Combine(folder.FullName, "DevEndpoint.sln")))
        {
            return folder.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}
