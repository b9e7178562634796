using System.Globalization;
using System.Text.RegularExpressions;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DuckDB.NET.Data;

namespace DevEndpoint.Cluster.Tests;

/// <summary>Jobs across workers on loopback: output staged per task and committed once, surviving a killed worker.</summary>
public sealed partial class ClusterJobTests
{
    private static readonly TimeSpan Soon = TimeSpan.FromMinutes(2);

    private const string Library = """
        using System;
        using System.Threading;
        using Microsoft.Data.Analysis;

        public static class Jobs
        {
            // Slow enough that a worker killed after its first task started dies in the middle of it.
            public static DataFrame Taxed(DataFrame frame)
            {
                Thread.Sleep(3000);
                var taxed = frame.Columns["amount"].Multiply(2);
                taxed.SetName("taxed");
                frame.Columns.Add(taxed);
                return frame;
            }

            public static DataFrame Fails(DataFrame frame)
            {
                if (frame.Rows.Count > 0 && frame.Columns["dt"][0]?.ToString() == "2024-01-03")
                {
                    throw new InvalidOperationException("no orders on 2024-01-03");
                }

                return frame;
            }
        }
        """;

    [ServerFact(ConnectionTypes.Postgres)]
    public async Task A_job_with_a_worker_killed_mid_run_writes_every_row_once_and_the_catalog_matches_the_output()
    {
        using var folder = new TempFolder();
        var rows = Lakes.Write(folder, "lake");
        var library = folder.Write("etl/Jobs.cs", Library);
        var catalog = DataCatalog.Open(folder.Combine("catalog.db"));
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = folder.Combine("lake"), Database = "lake" });
        var output = folder.Combine("out");
        await using var cluster = await LoopbackCluster.StartAsync("w1", "w2", "w3");
        await using var session = await ClusterSession.ConnectAsync(cluster.Database);
        var progress = new StringWriter();
        var options = new ClusterJobOptions("lake.orders", $"{library}:Jobs.Taxed", output) { PartitionBy = ["dt"], Table = "lake.taxed" };

        var job = new DistributedJob(session, TextWriter.Synchronized(progress)).RunAsync(catalog, options);
        var victim = await cluster.WaitForAnyAsync("started", Soon);
        cluster.Kill(victim);
        var result = await job;

        Assert.Equal(rows, result.RowsRead);
        Assert.True(progress.ToString().Contains("is gone; sending it to another worker", StringComparison.Ordinal), progress.ToString());
        Assert.DoesNotContain(result.Tasks, t => t.Worker == victim);
        var (count, distinct, taxed, amount) = Scan(output);
        Assert.Equal((rows, rows), (count, distinct));
        Assert.Equal(2 * amount, taxed);
        var table = catalog.GetTable(new TableName("lake", "taxed"));
        Assert.Equal(rows.ToString(CultureInfo.InvariantCulture), table.Parameter("recordCount"));
        Assert.Equal(
            Directory.GetDirectories(output).Select(Path.GetFileName).Order(StringComparer.Ordinal),
            catalog.GetPartitions(new TableName("lake", "taxed")).Select(p => $"dt={p.Values[0]}").Order(StringComparer.Ordinal));
        Assert.Equal(6, catalog.GetPartitions(new TableName("lake", "taxed")).Count);
        Assert.False(Directory.Exists(Path.Combine(output, DistributedJob.StagingFolder)));
        var run = catalog.GetJobRun(result.Run);
        Assert.Equal((JobRunStates.Succeeded, "Jobs.Taxed", 6, 6, 3), (run.JobRunState, run.JobName, run.Tasks, run.TasksSucceeded, run.NumberOfWorkers));
        // Every attempt after a task's first is a retry (a start that failed on its way, before the cluster forgot the dead worker, too).
        Assert.Equal(result.Tasks.Sum(t => t.Attempt - 1), run.TasksRetried);
        Assert.True(run.TasksRetried >= 1);
        Assert.Equal(result.Tasks.GroupBy(t => t.Worker).ToDictionary(g => g.Key, g => g.Count()), run.TasksByWorker);
    }

    [ServerFact(ConnectionTypes.Postgres)]
    public async Task A_job_whose_transform_fails_on_one_task_commits_nothing()
    {
        using var folder = new TempFolder();
        Lakes.Write(folder, "lake");
        var library = folder.Write("etl/Jobs.cs", Library);
        var catalog = DataCatalog.Open(folder.Combine("catalog.db"));
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = folder.Combine("lake"), Database = "lake" });
        var output = folder.Combine("out");
        await using var cluster = await LoopbackCluster.StartAsync("w1", "w2");
        await using var session = await ClusterSession.ConnectAsync(cluster.Database);
        var options = new ClusterJobOptions("lake.orders", $"{library}:Jobs.Fails", output) { PartitionBy = ["dt"], Table = "lake.failed" };

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => new DistributedJob(session, TextWriter.Null).RunAsync(catalog, options));

        Assert.Matches(FailedTask(), error.Message);
        Assert.Empty(Directory.Exists(output) ? Directory.GetFileSystemEntries(output) : []);
        Assert.DoesNotContain(catalog.GetTables("lake"), t => t.Name == "failed");
        var run = Assert.Single(catalog.GetJobRuns("jobs.fails"));
        Assert.Equal((JobRunStates.Failed, error.Message), (run.JobRunState, run.ErrorMessage));
        Assert.NotNull(run.CompletedOn);
    }

    [ServerFact(ConnectionTypes.Postgres)]
    public async Task A_bookmark_the_catalog_refuses_at_the_commit_leaves_no_output_no_table_and_a_failed_run()
    {
        using var folder = new TempFolder();
        Lakes.Write(folder, "lake");
        var library = folder.Write("etl/Jobs.cs", Library);
        var catalog = DataCatalog.Open(folder.Combine("catalog.db"));
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = folder.Combine("lake"), Database = "lake" });
        RefuseBookmarks(folder.Combine("catalog.db"));
        var output = folder.Combine("out");
        await using var cluster = await LoopbackCluster.StartAsync("w1", "w2");
        await using var session = await ClusterSession.ConnectAsync(cluster.Database);
        var options = new ClusterJobOptions("lake.orders", $"{library}:Jobs.Taxed", output) { Table = "lake.kept", Bookmark = "nightly" };

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => new DistributedJob(session, TextWriter.Null).RunAsync(catalog, options));

        Assert.Contains("job_bookmarks refuses writes", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.Exists(output) ? Directory.GetFileSystemEntries(output) : []);
        Assert.DoesNotContain(catalog.GetTables("lake"), t => t.Name == "kept");
        Assert.Empty(new Jobs.JobBookmarks(catalog).List());
        var run = Assert.Single(catalog.GetJobRuns("nightly"));
        Assert.Equal((JobRunStates.Failed, error.Message, 6), (run.JobRunState, run.ErrorMessage, run.TasksSucceeded));
    }

    /// <summary>A trigger that makes SQLite itself refuse every new job bookmark in the catalog file.</summary>
    private static void RefuseBookmarks(string catalog)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={catalog};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TRIGGER refuse_insert BEFORE INSERT ON job_bookmarks BEGIN SELECT RAISE(ABORT, 'job_bookmarks refuses writes'); END";
        command.ExecuteNonQuery();
    }

    [GeneratedRegex("^job task 3/6 failed on w[12]: Jobs.Fails failed: InvalidOperationException: no orders on 2024-01-03$")]
    private static partial Regex FailedTask();

    /// <summary>The output as DuckDB reads it: rows, distinct ids, the sum of taxed and of amount.</summary>
    private static (long Count, long Distinct, decimal Taxed, decimal Amount) Scan(string output)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*), count(DISTINCT id), sum(taxed), sum(amount) FROM read_parquet('{output}/*/*.parquet', union_by_name = true)";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1), Convert.ToDecimal(reader.GetValue(2), CultureInfo.InvariantCulture), Convert.ToDecimal(reader.GetValue(3), CultureInfo.InvariantCulture));
    }
}
