using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using Npgsql;

namespace DevEndpoint.Cluster.Tests;

/// <summary>Workers on loopback (separate processes) joined through PostgreSQL membership, and crawls and jobs across them.</summary>
public sealed class ClusterTests
{
    private static readonly TimeSpan Soon = TimeSpan.FromMinutes(2);

    [ServerFact(ConnectionTypes.Postgres)]
    public async Task Workers_join_through_PostgreSQL_membership_and_a_killed_one_is_declared_dead()
    {
        await using var cluster = await LoopbackCluster.StartAsync("w1", "w2");
        await using var session = await ClusterSession.ConnectAsync(cluster.Database);

        Assert.Equal(["w1", "w2"], await session.WorkersAsync());
        Assert.Equal(["w1", "w2"], await ActiveSilosAsync(cluster));

        cluster.Kill("w2");
        await Until(async () => (await session.WorkersAsync()).SequenceEqual(["w1"]));
        await Until(async () => (await ActiveSilosAsync(cluster)).SequenceEqual(["w1"]));
    }

    [ServerFact(ConnectionTypes.Postgres)]
    public async Task A_crawl_across_three_workers_records_what_a_local_crawl_of_the_same_lake_records()
    {
        using var folder = new TempFolder();
        Lakes.Write(folder, "lake");
        var local = DataCatalog.Open(folder.Combine("local.db"));
        var distributed = DataCatalog.Open(folder.Combine("distributed.db"));
        var options = new CrawlOptions { Path = folder.Combine("lake"), Database = "lake" };
        await using var cluster = await LoopbackCluster.StartAsync("w1", "w2", "w3");
        await using var session = await ClusterSession.ConnectAsync(cluster.Database);
        var progress = new StringWriter();

        var expected = await new Crawler(local).CrawlAsync(options);
        var actual = await new DistributedCrawl(session, progress).RunAsync(distributed, options);

        Assert.Equal(Lakes.Describe(local, "lake"), Lakes.Describe(distributed, "lake"));
        Assert.Equal(6, distributed.GetPartitions(new TableName("lake", "orders")).Count);
        Assert.Equal(expected.SkippedFiles.Select(s => (s.Path, s.Reason)), actual.SkippedFiles.Select(s => (s.Path, s.Reason)));
        Assert.Single(distributed.GetCrawlRuns("lake"));
        Assert.Contains("crawl task 1/", progress.ToString(), StringComparison.Ordinal);
        Assert.Contains("Crawl on the cluster: 6 folders to list in 6 tasks on 3 workers (w1, w2, w3)", progress.ToString(), StringComparison.Ordinal);
    }

    private static async Task<List<string>> ActiveSilosAsync(LoopbackCluster cluster)
    {
        await using var connection = new NpgsqlConnection(cluster.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT SiloName FROM OrleansMembershipTable WHERE Status = 3 ORDER BY SiloName", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static async Task Until(Func<Task<bool>> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < Soon, "The cluster did not get there in time.");
            await Task.Delay(250);
        }
    }
}
