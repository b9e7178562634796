using DevEndpoint.Catalog;
using DevEndpoint.Crawling;

namespace DevEndpoint.Cluster.Tests;

/// <summary>How the coordinator finds a lost worker: its closed port, before the cluster declares it dead; and when it gives up.</summary>
public sealed class WorkerLossTests
{
    private static readonly TimeSpan Soon = TimeSpan.FromMinutes(2);

    private const string Library = """
        using System.Threading;
        using Microsoft.Data.Analysis;

        public static class Jobs
        {
            public static DataFrame Slow(DataFrame frame)
            {
                Thread.Sleep(3000);
                return frame;
            }
        }
        """;

    [ServerFact(ConnectionTypes.Postgres)]
    public async Task A_killed_worker_is_found_lost_by_its_closed_port_and_left_out_of_placement()
    {
        await using var cluster = await LoopbackCluster.StartAsync("w1", "w2");
        await using var session = await ClusterSession.ConnectAsync(cluster.Database);
        await Until(() => session.Deaths.Live().Count == 2);

        cluster.Kill("w2");
        var w2 = await session.Deaths.CheckAsync("w2");
        var w1 = await session.Deaths.CheckAsync("w1");

        Assert.Equal((true, false), (w2, w1));
        Assert.True(session.Deaths.IsDead("w2"));
        Assert.Equal(["w1"], session.Deaths.Live().Select(w => w.Name));
        await session.Deaths.WhenDeadAsync("w2", CancellationToken.None).WaitAsync(TimeSpan.Zero);
    }

    [ServerFact(ConnectionTypes.Postgres)]
    public async Task A_job_whose_only_worker_is_killed_fails_after_its_attempts_and_commits_nothing()
    {
        using var folder = new TempFolder();
        Lakes.Write(folder, "lake");
        var library = folder.Write("etl/Jobs.cs", Library);
        var catalog = DataCatalog.Open(folder.Combine("catalog.db"));
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = folder.Combine("lake"), Database = "lake" });
        var output = folder.Combine("out");
        await using var cluster = await LoopbackCluster.StartAsync("w1");
        await using var session = await ClusterSession.ConnectAsync(cluster.Database);
        var progress = new StringWriter();
        var options = new ClusterJobOptions("lake.orders", $"{library}:Jobs.Slow", output) { PartitionBy = ["dt"], Table = "lake.slow" };

        var job = new DistributedJob(session, TextWriter.Synchronized(progress)).RunAsync(catalog, options);
        await cluster.WaitForAnyAsync("started", Soon);
        cluster.Kill("w1");
        var error = await Assert.ThrowsAsync<DevEndpointException>(() => job);

        Assert.Equal(
            "job task 1/6 was lost 6 times (the workers running it left the cluster), so the run commits nothing. Check the workers and run it again.",
            error.Message);
        Assert.Contains("job task 1/6: w1 is gone; sending it to another worker", progress.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.Exists(output) ? Directory.GetFileSystemEntries(output) : []);
        Assert.DoesNotContain(catalog.GetTables("lake"), t => t.Name == "slow");
        var run = Assert.Single(catalog.GetJobRuns("jobs.slow"));
        Assert.Equal((JobRunStates.Failed, error.Message, 0), (run.JobRunState, run.ErrorMessage, run.TasksSucceeded));
    }

    private static async Task Until(Func<bool> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < Soon, "The coordinator did not see the workers in time.");
            await Task.Delay(100);
        }
    }
}
