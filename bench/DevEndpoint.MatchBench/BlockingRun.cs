using System.Diagnostics;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Frames;
using DevEndpoint.Loading;
using DevEndpoint.MachineLearning.Internals;

namespace DevEndpoint.MatchBench;

/// <summary>Blocking alone, without labels or a model: the share of true pairs it keeps and of all pairs it compares.</summary>
internal static class BlockingRun
{
    public static async Task<string> RunAsync(MatchCorpus corpus, string work)
    {
        var catalogPath = Path.Combine(work, "catalogs", $"{corpus.Name}-blocking.db");
        Directory.CreateDirectory(Path.GetDirectoryName(catalogPath)!);
        foreach (var stale in Directory.EnumerateFiles(Path.GetDirectoryName(catalogPath)!, $"{corpus.Name}-blocking.db*"))
        {
            File.Delete(stale);
        }

        var catalog = DataCatalog.Open(catalogPath);
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = Path.GetDirectoryName(corpus.CsvPath)!, Database = "bench" });
        var table = $"bench.{catalog.GetTables("bench").Single().Name}";
        var frame = (await new TableLoader(catalog).LoadAsync(table, new LoadOptions { Strings = StringStorage.Dotnet })).Frame;
        var records = MatchRecords.From(frame, MatchCorpus.KeyColumn, corpus.SourceColumn);
        var truth = MatchRun.TruePairs(records, corpus);
        var stopwatch = Stopwatch.StartNew();
        var candidates = new Blocker(records, 0.5).CandidatePairs();
        var seconds = stopwatch.Elapsed.TotalSeconds;
        MatchRun.PrintMissed(records, truth, candidates);
        var kept = candidates.Count(truth.Contains);
        var allPairs = (double)records.Count * (records.Count - 1) / 2;
        return FormattableString.Invariant(
            $"| {corpus.Name} | {records.Count:N0} | {truth.Count:N0} | {(truth.Count == 0 ? 1 : (double)kept / truth.Count):P2} | {candidates.Length / allPairs:P3} ({candidates.Length:N0}) | {seconds:0.00} s |");
    }
}
