using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Loading;
using DevEndpoint.ObjectStores;

namespace DevEndpoint.Cluster.Tests;

/// <summary>A job across workers whose source table is in an s3:// bucket, read by each worker with its own keys.</summary>
public sealed partial class ClusterJobTests
{
    private const string QuickLibrary = """
        using Microsoft.Data.Analysis;

        public static class Jobs
        {
            public static DataFrame Taxed(DataFrame frame)
            {
                var taxed = frame.Columns["amount"].Multiply(2);
                taxed.SetName("taxed");
                frame.Columns.Add(taxed);
                return frame;
            }
        }
        """;

    [ClusterS3Fact]
    public async Task A_job_across_workers_over_a_table_in_s3_writes_every_row_once_and_the_catalog_matches_the_output()
    {
        using var folder = new TempFolder();
        var rows = Lakes.Write(folder, "lake");
        var library = folder.Write("etl/Jobs.cs", QuickLibrary);
        var catalog = DataCatalog.Open(folder.Combine("catalog.db"));
        S3TestServer.AddConnection(catalog, "store");
        await using var bucket = await S3TestBucket.CreateAsync();
        await bucket.Store.UploadFolderAsync(folder.Combine("lake"), new S3Path(bucket.Name, "lake/"));
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = $"s3://{bucket.Name}/lake", Database = "lake", Connection = "store" });
        var output = folder.Combine("out");
        // The workers take the secret key from their own environment (the variable the connection names, set above).
        await using var cluster = await LoopbackCluster.StartAsync("w1", "w2", "w3");
        await using var session = await ClusterSession.ConnectAsync(cluster.Database);
        var progress = new StringWriter();
        var options = new ClusterJobOptions("lake.orders", $"{library}:Jobs.Taxed", output) { PartitionBy = ["dt"], Table = "lake.taxed" };

        var listed = await new TableLoader(catalog).ListFilesAsync(new TableName("lake", "orders"));
        var result = await new DistributedJob(session, TextWriter.Synchronized(progress)).RunAsync(catalog, options);

        Assert.Equal(
            Enumerable.Range(1, 6).SelectMany(day => Enumerable.Range(0, 3).Select(file => ($"s3://{bucket.Name}/lake/orders/dt=2024-01-{day:D2}/part-{file}.csv", $"dt=2024-01-{day:D2}"))),
            listed);
        Assert.Contains($"Job run {result.Run}: 18 files of lake.orders in 6 tasks on 3 workers (w1, w2, w3)", progress.ToString(), StringComparison.Ordinal);
        Assert.Equal(rows, result.RowsRead);
        var (count, distinct, taxed, amount) = Scan(output);
        Assert.Equal((rows, rows), (count, distinct));
        Assert.Equal(2 * amount, taxed);
        Assert.Equal(rows.ToString(CultureInfo.InvariantCulture), catalog.GetTable(new TableName("lake", "taxed")).Parameter("recordCount"));
        Assert.Equal(
            Directory.GetDirectories(output).Select(Path.GetFileName).Order(StringComparer.Ordinal),
            catalog.GetPartitions(new TableName("lake", "taxed")).Select(p => $"dt={p.Values[0]}").Order(StringComparer.Ordinal));
        Assert.Equal(6, catalog.GetPartitions(new TableName("lake", "taxed")).Count);
        Assert.False(Directory.Exists(Path.Combine(output, DistributedJob.StagingFolder)));
        var run = catalog.GetJobRun(result.Run);
        Assert.Equal((JobRunStates.Succeeded, 6, 6, 3), (run.JobRunState, run.Tasks, run.TasksSucceeded, run.NumberOfWorkers));
        Assert.All(cluster.Lines("w1").Concat(cluster.Lines("w2")).Concat(cluster.Lines("w3")), line => Assert.DoesNotContain(S3TestServer.SecretVariable, line, StringComparison.Ordinal));
    }

    [ClusterS3Fact]
    public async Task A_job_with_a_bookmark_over_a_table_in_s3_is_refused_before_any_task()
    {
        using var folder = new TempFolder();
        Lakes.Write(folder, "lake", days: 1);
        var catalog = DataCatalog.Open(folder.Combine("catalog.db"));
        S3TestServer.AddConnection(catalog, "store");
        await using var bucket = await S3TestBucket.CreateAsync();
        await bucket.Store.UploadFolderAsync(folder.Combine("lake"), new S3Path(bucket.Name, "lake/"));
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = $"s3://{bucket.Name}/lake", Database = "lake", Connection = "store" });
        var library = folder.Write("etl/Jobs.cs", QuickLibrary);
        var options = new ClusterJobOptions("lake.orders", $"{library}:Jobs.Taxed", folder.Combine("out")) { Bookmark = "nightly" };

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => new DistributedJob(null, TextWriter.Null).RunAsync(catalog, options));

        Assert.Equal(
            $"Job bookmarks follow local files only so far, and table lake.orders is in an object store (s3://{bucket.Name}/lake/orders/). Run the job without --bookmark.",
            error.Message);
        Assert.Empty(catalog.GetJobRuns("nightly"));
        Assert.False(Directory.Exists(folder.Combine("out")));
    }
}
