using System.Text.RegularExpressions;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Writing;

namespace DevEndpoint.Cluster.Tests;

/// <summary>What the workers and the coordinator tell and refuse, in their exact words, with real worker processes.</summary>
public sealed class ClusterMessageTests
{
    private const string Library = """
        using Microsoft.Data.Analysis;

        public static class Jobs
        {
            public static DataFrame Same(DataFrame frame) => frame;
        }
        """;

    [ServerFact(ConnectionTypes.Postgres)]
    public async Task A_session_on_a_cluster_no_worker_joined_is_refused_with_the_command_to_start_one()
    {
        await using var cluster = await LoopbackCluster.StartAsync();

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => ClusterSession.ConnectAsync(cluster.Database));

        Assert.Equal(
            $"No worker has joined the cluster at {cluster.Database.Display}. Start workers first: devendpoint worker --cluster {cluster.Database.Display}",
            error.Message);
    }

    [Fact]
    public async Task A_crawl_on_a_cluster_without_a_path_is_refused_before_it_connects()
    {
        var error = new StringWriter();

        var code = await ClusterApp.RunAsync(["crawl", "--database", "lake", "--cluster", "postgresql://u@127.0.0.1:1/c"], TextWriter.Null, error);

        Assert.Equal(1, code);
        Assert.Equal("error: crawl --cluster crawls a folder or an s3:// prefix: give its path." + Environment.NewLine, error.ToString());
    }

    [ServerFact(ConnectionTypes.Postgres)]
    public async Task A_job_on_the_cluster_tells_its_tasks_and_where_each_ran_and_the_workers_tell_what_they_ran()
    {
        using var folder = new TempFolder();
        Lakes.Write(folder, "lake");
        var library = folder.Write("etl/Jobs.cs", Library);
        var catalog = DataCatalog.Open(folder.Combine("catalog.db"));
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = folder.Combine("lake"), Database = "lake" });
        await using var cluster = await LoopbackCluster.StartAsync("w1", "w2");
        await using var session = await ClusterSession.ConnectAsync(cluster.Database);
        var progress = new StringWriter();

        var result = await new DistributedJob(session, TextWriter.Synchronized(progress)).RunAsync(
            catalog, new ClusterJobOptions("lake.orders", $"{library}:Jobs.Same", folder.Combine("out")) { PartitionBy = ["dt"] });
        await cluster.StopAsync("w1");

        var lines = progress.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal($"Job run {result.Run}: 18 files of lake.orders in 6 tasks on 2 workers (w1, w2)", lines[0]);
        foreach (var task in result.Tasks.Select((t, i) => (t.Worker, Number: i + 1)))
        {
            Assert.Contains($"job task {task.Number}/6 started on {task.Worker}", lines);
            Assert.Contains(lines, l => Regex.IsMatch(l, $@"^job task {task.Number}/6 done on {task.Worker} in \d+\.\d s$"));
        }

        // Tasks are placed on the least busy live worker: three each.
        Assert.Equal([3, 3], result.Tasks.GroupBy(t => t.Worker).Select(g => g.Count()));
        var w1 = cluster.Lines("w1");
        Assert.Matches(
            $@"^w1: joined the cluster at {Regex.Escape(cluster.Database.Display)} \(silo 127\.0\.0\.1:\d+, gateway port \d+, process \d+\); stop it with Ctrl\+C$",
            Assert.Single(w1, l => l.StartsWith("w1: joined", StringComparison.Ordinal)));
        Assert.Equal(3, w1.Count(l => Regex.IsMatch(l, $@"^w1: task {result.Run}/\d/1 started$")));
        Assert.Equal(3, w1.Count(l => Regex.IsMatch(l, $@"^w1: task {result.Run}/\d/1 done$")));
        Assert.Equal("w1: left the cluster", w1[^1]);
    }

    [ServerFact(ConnectionTypes.Postgres)]
    public async Task A_job_on_the_cluster_refuses_a_mode_other_than_append_or_overwrite()
    {
        using var folder = new TempFolder();
        var catalog = DataCatalog.Open(folder.Combine("catalog.db"));
        await using var cluster = await LoopbackCluster.StartAsync("w1");
        await using var session = await ClusterSession.ConnectAsync(cluster.Database);
        var options = new ClusterJobOptions("lake.orders", "etl/Jobs.cs:Jobs.Same", folder.Combine("out")) { Mode = WriteMode.ErrorIfExists };

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => new DistributedJob(session, TextWriter.Null).RunAsync(catalog, options));

        Assert.Equal(
            "A job across a cluster appends (append) or replaces the partitions it writes (overwrite); --mode error-if-exists is not available with --cluster.",
            error.Message);
    }

    [ServerFact(ConnectionTypes.Postgres)]
    public async Task A_task_of_a_kind_the_worker_does_not_know_fails_naming_the_kind()
    {
        await using var cluster = await LoopbackCluster.StartAsync("w1");
        await using var session = await ClusterSession.ConnectAsync(cluster.Database);

        var error = await Assert.ThrowsAsync<DevEndpointException>(
            () => new TaskDispatcher(session.Client, TextWriter.Null) { Deaths = session.Deaths }.RunAsync($"kind-{Guid.NewGuid():N}", "odd", "sort", 1, (_, _) => "{}"));

        Assert.Equal("odd task 1/1 failed on w1: Unknown task kind 'sort'.", error.Message);
    }
}
