using System.Diagnostics;
using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Frames;
using DevEndpoint.Loading;
using DevEndpoint.MachineLearning;
using DevEndpoint.MachineLearning.Internals;
using Microsoft.Data.Analysis;

namespace DevEndpoint.MatchBench;

/// <summary>What one corpus measured.</summary>
internal sealed record MatchResult(
    MatchCorpus Corpus,
    int Records,
    long TruePairs,
    int Labels,
    double Precision,
    double Recall,
    double F1,
    double EstimatedF1,
    double BlockingRecall,
    double PairsCompared,
    long CandidatePairs,
    double BaselineF1,
    double BaselineThreshold,
    TimeSpan SlowestLabelingRound,
    TimeSpan FindMatches,
    long PeakMemory);

/// <summary>Crawls a corpus, plays the user for a number of labelling rounds with the truth as oracle, and scores find-matches.</summary>
internal static class MatchRun
{
    public static async Task<MatchResult> RunAsync(MatchCorpus corpus, string work, int rounds)
    {
        var catalogPath = Path.Combine(work, "catalogs", $"{corpus.Name}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(catalogPath)!);
        foreach (var stale in Directory.EnumerateFiles(Path.GetDirectoryName(catalogPath)!, $"{corpus.Name}.db*"))
        {
            File.Delete(stale);
        }

        var catalog = DataCatalog.Open(catalogPath);
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = Path.GetDirectoryName(corpus.CsvPath)!, Database = "bench" });
        var table = $"bench.{catalog.GetTables("bench").Single().Name}";
        var transform = await FindMatchesTransform.CreateAsync(catalog, corpus.Name, table, MatchCorpus.KeyColumn, corpus.Options);

        var slowest = TimeSpan.Zero;
        for (var round = 0; round < rounds; round++)
        {
            var stopwatch = Stopwatch.StartNew();
            var set = await transform.GenerateLabelingSetAsync();
            slowest = stopwatch.Elapsed > slowest ? stopwatch.Elapsed : slowest;
            if (set.Rows.Count == 0)
            {
                break;
            }

            var keys = set.Columns[MatchCorpus.KeyColumn];
            for (long row = 0; row < set.Rows.Count; row++)
            {
                set.Columns["label"][row] = corpus.EntityOfKey[Text(keys[row])];
            }

            await transform.ImportLabelsAsync(set);
        }

        var metrics = await transform.EvaluateAsync();
        var find = Stopwatch.StartNew();
        var matches = await transform.FindMatchesAsync();
        var findTime = find.Elapsed;

        var frame = (await new TableLoader(catalog).LoadAsync(table, new LoadOptions { Strings = StringStorage.Dotnet })).Frame;
        var records = MatchRecords.From(frame, MatchCorpus.KeyColumn, corpus.SourceColumn);
        var truth = TruePairs(records, corpus);
        var predicted = PredictedPairs(records, matches);
        var (precision, recall, f1) = Score(predicted, truth);

        var blocker = new Blocker(records, transform.Definition.FindMatches.AccuracyCostTradeoff);
        var candidates = blocker.CandidatePairs();
        var kept = candidates.Count(truth.Contains);
        PrintMissed(records, truth, candidates);
        var allPairs = (double)records.Count * (records.Count - 1) / 2;
        var (baselineF1, baselineThreshold) = Baseline(records, blocker, truth);
        return new MatchResult(
            corpus,
            records.Count,
            truth.Count,
            transform.Definition.LabelCount,
            precision,
            recall,
            f1,
            metrics.F1,
            truth.Count == 0 ? 1 : (double)kept / truth.Count,
            candidates.Length / allPairs,
            candidates.Length,
            baselineF1,
            baselineThreshold,
            slowest,
            findTime,
            Process.GetCurrentProcess().PeakWorkingSet64);
    }

    /// <summary>With <c>MATCHBENCH_MISSED=&lt;count&gt;</c>, prints that many true pairs blocking left out (to see which class of input it misses).</summary>
    public static void PrintMissed(MatchRecords records, HashSet<long> truth, long[] candidates)
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("MATCHBENCH_MISSED"), CultureInfo.InvariantCulture, out var count))
        {
            return;
        }

        var compared = candidates.ToHashSet();
        foreach (var pair in truth.Where(p => !compared.Contains(p)).Order().Take(count))
        {
            var (a, b) = Blocker.Rows(pair);
            Console.WriteLine($"  missed: {Record(a)}  <->  {Record(b)}");
        }

        string Record(int row) => string.Join(" | ", records.Columns.Select((_, c) => records.Text[c][row]));
    }

    private static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;

    public static HashSet<long> TruePairs(MatchRecords records, MatchCorpus corpus) =>
        Pairs(records.Keys.Select((key, row) => (Group: corpus.EntityOfKey[key], Row: row)));

    private static HashSet<long> PredictedPairs(MatchRecords records, DataFrame matches)
    {
        var keys = matches.Columns[MatchCorpus.KeyColumn];
        var ids = matches.Columns[FindMatchesTransform.MatchIdColumn];
        return Pairs(Enumerable.Range(0, (int)matches.Rows.Count).Select(r => (Group: Text(ids[r]), Row: records.RowOfKey[Text(keys[r])])));
    }

    private static HashSet<long> Pairs(IEnumerable<(string Group, int Row)> members)
    {
        var pairs = new HashSet<long>();
        foreach (var group in members.GroupBy(m => m.Group))
        {
            var rows = group.Select(m => m.Row).ToList();
            for (var i = 0; i < rows.Count; i++)
            {
                for (var j = i + 1; j < rows.Count; j++)
                {
                    pairs.Add(Blocker.Pair(rows[i], rows[j]));
                }
            }
        }

        return pairs;
    }

    private static (double Precision, double Recall, double F1) Score(HashSet<long> predicted, HashSet<long> truth)
    {
        var hits = predicted.Count(truth.Contains);
        var precision = predicted.Count == 0 ? 0 : (double)hits / predicted.Count;
        var recall = truth.Count == 0 ? 0 : (double)hits / truth.Count;
        return (precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
    }

    /// <summary>
    /// TF-IDF cosine of whole records with the threshold chosen with hindsight (the best pairwise F1 against the truth),
    /// over each record's 50 nearest records and every true pair.
    /// </summary>
    private static (double F1, double Threshold) Baseline(MatchRecords records, Blocker blocker, HashSet<long> truth)
    {
        var pairs = Blocker.Pairs(blocker.Nearest(50)).Concat(truth).Distinct().ToList();
        var scored = pairs.Select(p =>
        {
            var (a, b) = Blocker.Rows(p);
            return (Score: Similarity.Cosine(records.KeyIds[a], records.KeyWeights[a], records.KeyIds[b], records.KeyWeights[b]), Match: truth.Contains(p));
        }).OrderByDescending(s => s.Score).ToList();
        double best = 0, threshold = 1;
        var hits = 0;
        for (var i = 0; i < scored.Count; i++)
        {
            hits += scored[i].Match ? 1 : 0;
            var precision = (double)hits / (i + 1);
            var recall = truth.Count == 0 ? 0 : (double)hits / truth.Count;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            if (f1 > best && (i + 1 == scored.Count || scored[i + 1].Score < scored[i].Score))
            {
                best = f1;
                threshold = scored[i].Score;
            }
        }

        return (best, threshold);
    }
}
