using System.Diagnostics;
using System.Globalization;
using System.Text;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.MachineLearning;
using Microsoft.Data.Analysis;

namespace DevEndpoint.MatchBench;

/// <summary>
/// Incremental matching measured: a generated Febrl-style table is split at random into existing records and new arrivals;
/// the existing ones are labelled (oracle, as <see cref="MatchRun"/>) and matched, then the arrivals are matched against
/// them. Scores the pairs with a new record against the truth; writes bench/results/match-incremental-vm.md.
/// </summary>
internal static class IncrementalRun
{
    private const int Rounds = 3;

    /// <summary>
    /// The generated columns the crawler types as numbers: an arrival whose typo put a letter in one would be refused
    /// (not a value of the existing table's type), so arrivals are drawn from the records without such a typo.
    /// </summary>
    private static readonly string[] NumericColumns = ["street_number", "postcode", "date_of_birth", "soc_sec_id"];

    public static async Task RunAsync(int total, int arrivals, string output)
    {
        var root = MatchCorpus.FindRoot();
        var work = Path.Combine(Path.GetTempPath(), "devendpoint-matchbench-incremental");
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        var corpus = MatchCorpus.Generated(root, work, total, seed: 7);
        var lines = File.ReadAllLines(corpus.CsvPath);
        var random = new Random(11);
        var header = lines[0].Split(',');
        var numeric = NumericColumns.Select(c => Array.IndexOf(header, c)).ToArray();
        var arriving = Enumerable.Range(1, lines.Length - 1)
            .Where(i => lines[i].Split(',') is var fields && numeric.All(c => fields[c].All(char.IsAsciiDigit)))
            .OrderBy(_ => random.Next())
            .Take(arrivals)
            .ToHashSet();
        Write(Path.Combine(work, "existing-lake", "existing", "existing.csv"), [lines[0], .. lines.Where((_, i) => i > 0 && !arriving.Contains(i))]);
        Write(Path.Combine(work, "arrivals-lake", "arrivals", "arrivals.csv"), [lines[0], .. lines.Where((_, i) => arriving.Contains(i))]);

        // Two crawls: one folder with both would be one table partitioned by the subfolder, since the schemas are the same.
        var catalog = DataCatalog.Open(Path.Combine(work, "catalog.db"));
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = Path.Combine(work, "existing-lake"), Database = "bench" });
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = Path.Combine(work, "arrivals-lake"), Database = "bench" });
        var transform = await FindMatchesTransform.CreateAsync(catalog, "incremental", "bench.existing", MatchCorpus.KeyColumn);
        for (var round = 0; round < Rounds; round++)
        {
            var set = await transform.GenerateLabelingSetAsync();
            var keys = set.Columns[MatchCorpus.KeyColumn];
            for (long row = 0; row < set.Rows.Count; row++)
            {
                set.Columns["label"][row] = corpus.EntityOfKey[Text(keys[row])];
            }

            await transform.ImportLabelsAsync(set);
        }

        var stopwatch = Stopwatch.StartNew();
        var existing = await transform.FindMatchesAsync();
        var full = stopwatch.Elapsed;
        stopwatch.Restart();
        var result = await transform.FindIncrementalMatchesAsync(existing, "bench.arrivals");
        var incremental = stopwatch.Elapsed;

        var existingCount = (int)existing.Rows.Count;
        var kept = Enumerable.Range(0, existingCount).All(r => Equals(existing.Columns[FindMatchesTransform.MatchIdColumn][r], result.Columns[FindMatchesTransform.MatchIdColumn][r]));
        var keyColumn = result.Columns[MatchCorpus.KeyColumn];
        var ids = result.Columns[FindMatchesTransform.MatchIdColumn];
        var rows = Enumerable.Range(0, (int)result.Rows.Count).ToList();
        var truth = NewPairs(rows.Select(r => (corpus.EntityOfKey[Text(keyColumn[r])], r)), existingCount);
        var predicted = NewPairs(rows.Select(r => (Text(ids[r]), r)), existingCount);
        var hits = predicted.Count(truth.Contains);
        var precision = predicted.Count == 0 ? 1 : (double)hits / predicted.Count;
        var recall = truth.Count == 0 ? 1 : (double)hits / truth.Count;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);

        var machine = Environment.GetEnvironmentVariable("BENCH_MACHINE") is { Length: > 0 } name ? name : Environment.MachineName;
        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"# Incremental matching on {machine} ({Environment.ProcessorCount} cores), {DateTime.UtcNow:yyyy-MM-dd}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Reproduce: `dotnet run --project bench/DevEndpoint.MatchBench -c Release -- incremental {total} {arrivals}` (corpora from {root}).")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"A generated Febrl-style table of {total:N0} records (as in match-vm.md) is split at random: {arrivals:N0} records arrive later, the others are crawled as the existing table, labelled by the oracle in {Rounds} rounds and matched (find-matches). The arrivals are then matched against those matches (FindIncrementalMatches). Precision, recall and F1 are pairwise over the pairs with at least one arriving record, against the full truth. Times are wall-clock on the same transform, whose kept model is not trained again; the incremental time includes loading the arrivals table, converting both inputs to the table's types, indexing all records for blocking, looking up only the arrivals' nearest records and scoring the pairs with an arrival. Arrivals are drawn from the records without a letter in a numeric column (incremental matching refuses a value that is not of the table's column type); the loader sets aside such rows from the existing table, so the record counts are those loaded.")
            .AppendLine()
            .AppendLine("| existing records | arriving records | true pairs with an arrival | precision | recall | F1 | existing match_ids kept | find-matches (existing) | incremental find-matches | peak memory |")
            .AppendLine("|---|---|---|---|---|---|---|---|---|---|")
            .AppendLine(FormattableString.Invariant(
                $"| {existingCount:N0} | {result.Rows.Count - existingCount:N0} | {truth.Count:N0} | {precision:0.000} | {recall:0.000} | **{f1:0.000}** | {(kept ? "all" : "NOT ALL")} | {full.TotalSeconds:0.00} s | {incremental.TotalSeconds:0.00} s | {Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20):N0} MiB |"));
        await File.WriteAllTextAsync(output, report.ToString());
        Console.Write(report);
        Console.WriteLine($"Wrote {output}");
    }

    private static void Write(string path, IEnumerable<string> lines)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllLines(path, lines);
    }

    private static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>The pairs of rows in one group of which at least one is an arrival (row at or after <paramref name="existing"/>).</summary>
    private static HashSet<(int, int)> NewPairs(IEnumerable<(string Group, int Row)> members, int existing)
    {
        var pairs = new HashSet<(int, int)>();
        foreach (var group in members.GroupBy(m => m.Group))
        {
            var rows = group.Select(m => m.Row).Order().ToList();
            for (var j = rows.Count - 1; j >= 0 && rows[j] >= existing; j--)
            {
                for (var i = 0; i < j; i++)
                {
                    pairs.Add((rows[i], rows[j]));
                }
            }
        }

        return pairs;
    }
}
