using Amazon.Runtime;
using Amazon.S3;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.ObjectStores;
using DevEndpoint.Writing;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Cluster.Tests;

/// <summary>Crawls whose listing is split across worker processes on loopback: a worker lost mid-crawl, and an s3:// lake.</summary>
public sealed class ClusterCrawlTests
{
    private static readonly TimeSpan Soon = TimeSpan.FromMinutes(2);

    [ServerFact(ConnectionTypes.Postgres)]
    public async Task A_crawl_with_a_worker_killed_mid_listing_lists_its_folders_elsewhere_and_records_what_a_local_crawl_records()
    {
        using var folder = new TempFolder();
        Lakes.Write(folder, "lake", days: 40);
        var local = DataCatalog.Open(folder.Combine("local.db"));
        var distributed = DataCatalog.Open(folder.Combine("distributed.db"));
        var options = new CrawlOptions { Path = folder.Combine("lake"), Database = "lake" };
        await using var cluster = await LoopbackCluster.StartAsync("w1", "w2", "w3");
        await using var session = await ClusterSession.ConnectAsync(cluster.Database);
        var progress = new StringWriter();

        var expected = await new Crawler(local).CrawlAsync(options);
        var crawl = new DistributedCrawl(session, TextWriter.Synchronized(progress)).RunAsync(distributed, options);
        cluster.Kill(await cluster.WaitForAnyAsync("started", Soon));
        var actual = await crawl;

        Assert.Contains("is gone; sending it to another worker", progress.ToString(), StringComparison.Ordinal);
        Assert.Contains("Crawl on the cluster: 40 folders to list in 12 tasks on 3 workers (w1, w2, w3)", progress.ToString(), StringComparison.Ordinal);
        Assert.Equal(Lakes.Describe(local, "lake"), Lakes.Describe(distributed, "lake"));
        Assert.Equal(40, distributed.GetPartitions(new TableName("lake", "orders")).Count);
        Assert.Equal(expected.Run.FilesListed, actual.Run.FilesListed);
        Assert.Equal(expected.SkippedFiles.Select(s => (s.Path, s.Reason)), actual.SkippedFiles.Select(s => (s.Path, s.Reason)));
        Assert.Single(distributed.GetCrawlRuns("lake"));
    }

    [ClusterS3Fact]
    public async Task A_crawl_of_an_s3_prefix_across_workers_records_what_a_local_crawl_of_it_records()
    {
        using var folder = new TempFolder();
        Lakes.Write(folder, "lake", days: 8);
        folder.Write("lake/orders/dt=2024-01-01/_SUCCESS", "done");
        // A Delta table the coordinator's walk of the top levels meets, and one inside a folder a worker lists.
        await DeltaTableAsync(folder.Combine("lake", "events"));
        await DeltaTableAsync(folder.Combine("lake", "archive", "2023", "old_events"));
        var local = DataCatalog.Open(folder.Combine("local.db"));
        var distributed = DataCatalog.Open(folder.Combine("distributed.db"));
        S3TestServer.AddConnection(local, "store");
        S3TestServer.AddConnection(distributed, "store");
        using var store = S3TestServer.Open();
        var bucket = $"bigcrawl-{Guid.NewGuid():N}"[..24];
        await store.CreateBucketAsync(bucket);
        try
        {
            var uploaded = await store.UploadFolderAsync(folder.Combine("lake"), new S3Path(bucket, "lake/"));
            var options = new CrawlOptions { Path = $"s3://{bucket}/lake", Database = "lake", Connection = "store" };
            // The workers take the secret key from their own environment (the variable the connection names), set above.
            await using var cluster = await LoopbackCluster.StartAsync("w1", "w2");
            await using var session = await ClusterSession.ConnectAsync(cluster.Database);
            var progress = new StringWriter();

            var expected = await new Crawler(local).CrawlAsync(options);
            var actual = await new DistributedCrawl(session, progress).RunAsync(distributed, options);

            Assert.Equal(Lakes.Describe(local, "lake"), Lakes.Describe(distributed, "lake"));
            Assert.Equal(8, distributed.GetPartitions(new TableName("lake", "orders")).Count);
            Assert.Equal(expected.SkippedFiles.Select(s => (s.Path, s.Reason)), actual.SkippedFiles.Select(s => (s.Path, s.Reason)));
            Assert.Equal("store", distributed.GetTable(new TableName("lake", "orders")).Parameter(ObjectStoreConnections.ConnectionParameter));
            Assert.Equal(["delta", "delta"], new[] { "events", "old_events" }.Select(t => distributed.GetTable(new TableName("lake", t)).Parameter("classification")));
            Assert.Contains("Crawl on the cluster: 9 folders to list in 8 tasks on 2 workers (w1, w2)", progress.ToString(), StringComparison.Ordinal);
            Assert.All(cluster.Lines("w1").Concat(cluster.Lines("w2")), line => Assert.DoesNotContain(S3TestServer.SecretVariable, line, StringComparison.Ordinal));
            await store.DeleteAsync(uploaded);
        }
        finally
        {
            await S3TestServer.DeleteBucketAsync(store, bucket);
        }
    }

    /// <summary>Writes a Delta table of five rows at <paramref name="root"/>.</summary>
    private static async Task DeltaTableAsync(string root)
    {
        using var scratch = new TempFolder();
        var frame = new DataFrame(new Int32DataFrameColumn("id", Enumerable.Range(0, 5)));
        await new FrameWriter(DataCatalog.Open(scratch.Combine("writer.db"))).WriteAsync(frame, new WriteOptions { Path = root, Format = WriteFormat.Delta });
    }
}

/// <summary>A fact that needs the test PostgreSQL (the cluster's membership) and the S3-protocol server.</summary>
internal sealed class ClusterS3FactAttribute : FactAttribute
{
    public ClusterS3FactAttribute()
    {
        Skip = TestServers.Missing([ConnectionTypes.Postgres]) ?? S3TestServer.Missing;
    }
}
