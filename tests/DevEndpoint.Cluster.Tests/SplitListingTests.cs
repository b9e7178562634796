using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Formats;

namespace DevEndpoint.Cluster.Tests;

/// <summary>
/// A crawl whose listing is split into shares (the coordinator walks the top levels, each share lists and classifies its
/// subtrees), run in this process through the same entry points the workers run, against a local crawl of the same lake.
/// </summary>
public sealed class SplitListingTests
{
    [Theory]
    [InlineData(4, new[] { "customers", "empty", "events", "logs", "notes", "sales", "tmp" })]
    [InlineData(12, new[] { "events/year=2024", "logs/2024-01-01", "logs/2024-01-02", "logs/2024-01-03", "sales/dt=2024-01-01", "sales/dt=2024-01-02", "sales/dt=2024-01-03", "sales/dt=2024-01-04", "sales/dt=2024-01-05", "tmp/old" })]
    public async Task A_listing_split_into_shares_records_what_a_local_crawl_records(int shares, string[] subtrees)
    {
        using var folder = new TempFolder();
        WriteMixedLake(folder);
        var options = new CrawlOptions { Path = folder.Combine("lake"), Database = "lake", Exclusions = ["tmp"] };
        var (expected, actual, requests) = await CrawlBothWaysAsync(folder, options, shares);

        Assert.Equal(subtrees, requests.Single().Subtrees.Select(s => s.RelativePath));
        Assert.Equal(Lakes.Describe(expected.Catalog, "lake"), Lakes.Describe(actual.Catalog, "lake"));
        Assert.Equal(Skipped(expected.Result), Skipped(actual.Result));
        Assert.Equal(Counts(expected.Result), Counts(actual.Result));
        Assert.Contains(actual.Result.SkippedFiles, s => s.Reason.StartsWith("symbolic link loop", StringComparison.Ordinal));
        Assert.Equal(4, actual.Result.Run.FilesExcluded);
    }

    [Fact]
    public async Task A_listing_split_into_shares_reads_the_same_sample_of_files_as_a_local_crawl()
    {
        using var folder = new TempFolder();
        WriteMixedLake(folder);
        var options = new CrawlOptions { Path = folder.Combine("lake"), Database = "lake", SampleFiles = 2 };
        var (expected, actual, _) = await CrawlBothWaysAsync(folder, options, 12);

        Assert.Equal(Lakes.Describe(expected.Catalog, "lake"), Lakes.Describe(actual.Catalog, "lake"));
        Assert.Equal(Counts(expected.Result), Counts(actual.Result));
        Assert.True(actual.Result.Run.FilesScanned < actual.Result.Run.FilesListed);
    }

    [Fact]
    public async Task A_share_returns_each_schema_of_a_folder_once_with_the_names_and_sizes_of_its_files()
    {
        using var folder = new TempFolder();
        WriteMixedLake(folder);
        var request = new CrawlShareRequest(folder.Combine("lake"), [new CrawlSubtree("sales/dt=2024-01-01", folder.Combine("lake/sales/dt=2024-01-01"), false)], [], new SampleOptions(), null, [], null);

        var share = await Crawler.ListShareAsync(request);

        var summary = Assert.Single(share.Folders);
        Assert.Equal(["part-0.csv", "part-1.csv", "part-2.csv", "part-3.csv"], summary.Names);
        var schema = Assert.Single(summary.Schemas);
        Assert.Equal([0, 1, 2, 3], schema.Files);
        Assert.Equal(["id", "item", "amount"], schema.Schema.Columns.Select(c => c.Name));
        Assert.Equal(["sales/dt=2024-01-01/.part-0.csv.crc", "sales/dt=2024-01-01/_SUCCESS"], share.Skipped.Select(s => s.Path));
    }

    /// <summary>
    /// sales/dt=…/part-N.csv (5 partitions of 4 files, marker files beside them), events/year=2024/month=…/*.json with a
    /// symbolic link back up, logs/&lt;day&gt;/*.csv (unnamed partitions), customers/*.json, a CSV at the top, an empty
    /// folder, a file no classifier knows and tmp/ (excluded).
    /// </summary>
    private static void WriteMixedLake(TempFolder folder)
    {
        var id = 0;
        for (var day = 1; day <= 5; day++)
        {
            for (var part = 0; part < 4; part++)
            {
                folder.Write($"lake/sales/dt=2024-01-{day:D2}/part-{part}.csv", $"id,item,amount\n{id++},pen,{day}.5\n{id++},ink,{part}.25\n");
            }
        }

        folder.Write("lake/sales/dt=2024-01-01/_SUCCESS", string.Empty);
        folder.Write("lake/sales/dt=2024-01-01/.part-0.csv.crc", "crc");
        foreach (var month in new[] { "01", "02" })
        {
            folder.Write($"lake/events/year=2024/month={month}/e-0.json", $"{{\"event\": \"open\", \"month\": {month}}}\n");
            folder.Write($"lake/events/year=2024/month={month}/e-1.json", "{\"event\": \"close\", \"user\": \"ann\"}\n");
        }

        Directory.CreateSymbolicLink(folder.Combine("lake/events/year=2024/back"), folder.Combine("lake/events"));
        for (var day = 1; day <= 3; day++)
        {
            folder.Write($"lake/logs/2024-01-{day:D2}/app.csv", $"level,message\nINFO,started {day}\nWARN,slow\n");
        }

        folder.Write("lake/customers/a.json", "{\"cid\": 1, \"city\": \"Oslo\"}\n");
        folder.Write("lake/customers/b.json", "{\"cid\": 2, \"city\": \"Pune\", \"vip\": true}\n");
        folder.Write("lake/top.csv", "k,v\na,1\n");
        folder.Write("lake/notes/readme.bin", "\u0001\u0002\u0003 not data");
        Directory.CreateDirectory(folder.Combine("lake/empty"));
        for (var i = 0; i < 4; i++)
        {
            folder.Write($"lake/tmp/old/t{i}.csv", "a\n1\n");
        }
    }

    /// <summary>Crawls the lake locally, then with its listing split into shares listed in this process; returns both and the listing's requests.</summary>
    private static async Task<((DataCatalog Catalog, CrawlResult Result) Expected, (DataCatalog Catalog, CrawlResult Result) Actual, List<CrawlShareRequest> Requests)> CrawlBothWaysAsync(
        TempFolder folder, CrawlOptions options, int shares)
    {
        var local = DataCatalog.Open(folder.Combine("local.db"));
        var split = DataCatalog.Open(folder.Combine("split.db"));
        var requests = new List<CrawlShareRequest>();
        var expected = await new Crawler(local).CrawlAsync(options);
        var actual = await new Crawler(split).CrawlAsync(options with
        {
            ListingShares = shares,
            Listing = async (request, ct) =>
            {
                requests.Add(request);
                return await Task.WhenAll(CrawlTasks.Split(request.Subtrees, 3).Select(s => Crawler.ListShareAsync(request with { Subtrees = s }, ct)));
            },
            Classification = async (paths, ct) =>
                await Task.WhenAll(paths.Select(p => Crawler.ClassifyFileAsync(FileSource.Local, p, options.Sample, [], ct))),
        });
        return ((local, expected), (split, actual), requests);
    }

    private static List<(string, string)> Skipped(CrawlResult result) => result.SkippedFiles.Select(s => (s.Path, s.Reason)).ToList();

    private static (int, int, int, int, int, long, long) Counts(CrawlResult result)
    {
        var run = result.Run;
        return (run.FilesListed, run.FilesScanned, run.FilesClassified, run.FilesSkipped, run.FilesExcluded, run.BytesScanned, run.BytesRead);
    }
}
