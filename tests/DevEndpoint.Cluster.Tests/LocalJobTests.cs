using System.Globalization;
using System.Text.RegularExpressions;
using DevEndpoint.Catalog;
using DevEndpoint.Cli;
using DevEndpoint.Crawling;
using DevEndpoint.Jobs;

namespace DevEndpoint.Cluster.Tests;

/// <summary><c>job run</c> without <c>--cluster</c>: the same job in this process, committed and recorded the same way.</summary>
public sealed partial class LocalJobTests
{
    private const string Library = """
        using Microsoft.Data.Analysis;

        public static class Jobs
        {
            public static DataFrame Doubled(DataFrame frame)
            {
                var doubled = frame.Columns["amount"].Multiply(2);
                doubled.SetName("doubled");
                frame.Columns.Add(doubled);
                return frame;
            }
        }
        """;

    [Fact]
    public async Task A_job_run_in_one_process_writes_commits_its_bookmark_and_records_its_runs()
    {
        using var folder = new TempFolder();
        var rows = Lakes.Write(folder, "lake");
        var library = folder.Write("etl/Jobs.cs", Library);
        var path = folder.Combine("catalog.db");
        await new Crawler(DataCatalog.Open(path)).CrawlAsync(new CrawlOptions { Path = folder.Combine("lake"), Database = "lake" });
        string[] job = ["job", "run", "--source", "lake.orders", "--transform", $"{library}:Jobs.Doubled", "--to", folder.Combine("out"), "--partition-by", "dt", "--table", "lake.doubled", "--bookmark", "nightly", "--catalog", path];
        var (output, progress) = (new StringWriter(), new StringWriter());

        var first = await ClusterApp.RunAsync(job, output, progress);
        var second = await ClusterApp.RunAsync(job, TextWriter.Null, progress);
        var list = new StringWriter();
        await CliApp.RunAsync(["job", "list", "--job", "nightly", "--catalog", path], list, TextWriter.Null);

        Assert.Equal((0, 0), (first, second));
        var written = RunLine().Match(output.ToString());
        Assert.True(written.Success, output.ToString());
        var catalog = DataCatalog.OpenReadOnly(path);
        var runs = catalog.GetJobRuns("nightly");
        Assert.Equal(2, runs.Count);
        var (empty, full) = (runs[0], runs[1]);
        Assert.Equal(written.Groups["run"].Value, full.Id);
        Assert.Equal(
            (JobRunStates.Succeeded, 1, 1, 1),
            (full.JobRunState, full.Tasks, full.TasksSucceeded, full.NumberOfWorkers));
        Assert.Equal(new Dictionary<string, int> { [$"{Environment.MachineName}:{Environment.ProcessId}"] = 1 }, full.TasksByWorker);
        Assert.Equal((JobRunStates.Succeeded, 0), (empty.JobRunState, empty.Tasks));
        Assert.Equal(rows.ToString(CultureInfo.InvariantCulture), catalog.GetTable(new TableName("lake", "doubled")).Parameter("recordCount"));
        Assert.Equal(1, new JobBookmarks(catalog).Get("nightly").CommittedRuns);
        Assert.Contains($"Job run {empty.Id}: no files to read in lake.orders that job bookmark 'nightly' has not processed; nothing written.", progress.ToString(), StringComparison.Ordinal);
        Assert.Equal(3, list.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').Length);
    }

    [Fact]
    public async Task A_job_writing_to_an_s3_path_is_refused_before_it_reads_or_records_anything()
    {
        using var folder = new TempFolder();
        Lakes.Write(folder, "lake", days: 1);
        var library = folder.Write("etl/Jobs.cs", Library);
        var path = folder.Combine("catalog.db");
        await new Crawler(DataCatalog.Open(path)).CrawlAsync(new CrawlOptions { Path = folder.Combine("lake"), Database = "lake" });
        var error = new StringWriter();

        var code = await ClusterApp.RunAsync(
            ["job", "run", "--source", "lake.orders", "--transform", $"{library}:Jobs.Doubled", "--to", "s3://lake/out", "--catalog", path], TextWriter.Null, error);

        Assert.Equal(1, code);
        Assert.Equal(
            "error: A job stages its output in a folder and commits it there once; s3://lake/out is in an object store, which a job does not write to yet. Give --to a folder (shared by the workers with --cluster)." + Environment.NewLine,
            error.ToString());
        Assert.Empty(DataCatalog.OpenReadOnly(path).GetJobRuns("Jobs.Doubled"));
        Assert.False(Directory.Exists(Path.Combine(Environment.CurrentDirectory, "s3:")));
    }

    [GeneratedRegex(@"^Job run (?<run>\S+): read \d+ rows of lake\.orders in 1 tasks on 1 workers; wrote \d+ rows to .+ \(\d+ files\); table lake\.doubled created\.", RegexOptions.Multiline)]
    private static partial Regex RunLine();
}
