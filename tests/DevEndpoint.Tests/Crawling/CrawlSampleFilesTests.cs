using System.Collections.Concurrent;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;

namespace DevEndpoint.Tests.Crawling;

public sealed class CrawlSampleFilesTests : IDisposable
{
    private const string Prose = "just one line of prose\n";

    private const string BadJson = "{\"a\":1}\n[1,2]\n";

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task A_sample_of_files_reads_that_many_of_a_folder_spread_over_its_names_and_counts_the_rest()
    {
        // Eight CSV files of 16 bytes and two of broken JSON lines of 14; a sample of 3 reads part-00, part-04 and part-09 (the first, the last, one between).
        for (var i = 0; i < 10; i++)
        {
            temp.Write($"lake/events/part-{i:00}.csv", i is 2 or 4 ? BadJson : $"id,kind\n{i},click\n");
        }

        var sampled = await CrawlAsync("sampled", sampleFiles: 3);
        var full = await CrawlAsync("full", sampleFiles: null);

        Assert.Equal(new[] { "events/part-04.csv" }, sampled.SkippedFiles.Select(s => s.Path));
        Assert.Equal(new[] { "events/part-02.csv", "events/part-04.csv" }, full.SkippedFiles.Select(s => s.Path));
        Assert.Equal(((int?)3, 3, 10, 46L), (sampled.Run.SampleFiles, sampled.Run.FilesScanned, sampled.Run.FilesListed, sampled.Run.BytesRead));
        Assert.Equal((10, 10, 156L), (full.Run.FilesScanned, full.Run.FilesListed, full.Run.BytesRead));
        Assert.Null(full.Run.SampleFiles);

        // The files not read count in the table, the one that is junk too; records are estimated from the files read.
        var table = Catalog().GetTable(new TableName("sampled", "events"));
        Assert.Equal(("9", "142", "9"), (table.Parameter("objectCount"), table.Parameter("sizeKey"), table.Parameter("recordCount")));
        Assert.Equal(9, Assert.Single(sampled.Tables).Files);
        var whole = Catalog().GetTable(new TableName("full", "events"));
        Assert.Equal(("8", "128", "8"), (whole.Parameter("objectCount"), whole.Parameter("sizeKey"), whole.Parameter("recordCount")));
    }

    [Fact]
    public async Task A_sample_of_one_reads_the_first_file_of_each_partition_folder_and_each_partition_counts_all_its_files()
    {
        foreach (var day in new[] { "01", "02" })
        {
            for (var i = 0; i < 4; i++)
            {
                temp.Write($"lake/logs/day={day}/part-{i}.csv", $"id,kind\n{i},view\n");
            }
        }

        var result = await CrawlAsync("lake", sampleFiles: 1);

        Assert.Equal((2, 8), (result.Run.FilesScanned, result.Run.FilesListed));
        var partitions = Catalog().GetPartitions(new TableName("lake", "logs"));
        Assert.Equal(
            new[] { "01: 4 files, 60 bytes, 4 records", "02: 4 files, 60 bytes, 4 records" },
            partitions.Select(p => $"{p.Values[0]}: {p.Parameters["objectCount"]} files, {p.Parameters["sizeKey"]} bytes, {p.Parameters["recordCount"]} records"));
        Assert.Equal(("8", "120"), (Catalog().GetTable(new TableName("lake", "logs")).Parameter("objectCount"), Catalog().GetTable(new TableName("lake", "logs")).Parameter("sizeKey")));
    }

    [Fact]
    public async Task A_folder_whose_sampled_files_make_two_tables_is_read_whole_so_each_file_finds_its_table()
    {
        // A sample of 2 reads a-1.csv and b-3.csv, which have different headers: every file of the folder is read then.
        for (var i = 1; i <= 3; i++)
        {
            temp.Write($"lake/events/a-{i}.csv", $"id,kind\n{i},click\n");
            temp.Write($"lake/events/b-{i}.csv", $"name,price,qty\nx{i},1.5,{i}\n");
        }

        var progress = new ProgressReports();
        var result = await new Crawler(Catalog()).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake", SampleFiles = 2 }, progress);

        Assert.Equal((6, 6), (result.Run.FilesScanned, result.Run.FilesListed));
        Assert.Equal(new[] { 2, 6 }, progress.Reports.Select(r => r.FilesTotal).Distinct().Order());
        Assert.Equal(6, progress.Reports.Max(r => r.FilesDone));
        Assert.Equal(new[] { "events 3 files", "events_2 3 files" }, result.Tables.Select(t => $"{t.Name} {t.Files} files"));
        Assert.Empty(result.SkippedFiles);
    }

    [Fact]
    public async Task The_files_not_read_of_a_folder_whose_sampled_files_make_no_table_are_reported_once()
    {
        temp.Write("lake/notes/a.txt", Prose);
        temp.Write("lake/notes/b.txt", Prose);
        temp.Write("lake/notes/c.txt", Prose);
        temp.Write("lake/orders/a.csv", "id,amount\n1,9.5\n");

        var result = await CrawlAsync("lake", sampleFiles: 1);

        Assert.Equal(
            new[]
            {
                "notes/a.txt: UNKNOWN classification: no classifier recognised it (tried avro, orc, parquet, json, xml, combined_apache, apache, linux_kernel, csv)",
                "notes/: 2 file(s) not read (--sample-files 1) and not catalogued: no file read from this folder made a table (see their reasons); raise --sample-files to read more of them",
            },
            result.SkippedFiles.Select(s => $"{s.Path}: {s.Reason}"));
        Assert.Equal(new[] { "orders" }, result.Tables.Select(t => t.Name));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("abc")]
    [InlineData("2.5")]
    public void A_sample_of_files_that_is_not_a_whole_number_of_at_least_one_is_refused(string value)
    {
        var error = Assert.Throws<DevEndpointException>(() => CrawlOptions.ParseSampleFiles(value));

        Assert.Equal(
            $"--sample-files must be a whole number of files from 1 to 2147483647; got '{value}'. It is how many files of each folder are read; leave it out to read every file.",
            error.Message);
    }

    [Fact]
    public void A_sample_of_files_left_out_reads_every_file_and_a_number_is_taken_as_is()
    {
        Assert.Equal((null, 20), (CrawlOptions.ParseSampleFiles(null), CrawlOptions.ParseSampleFiles(" 20 ")));
    }

    [Fact]
    public async Task A_crawl_given_a_sample_of_no_files_is_refused_before_reading_anything()
    {
        temp.Write("lake/orders/a.csv", "id,amount\n1,9.5\n");

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => CrawlAsync("lake", sampleFiles: 0));

        Assert.Equal(
            "--sample-files must be a whole number of files from 1 to 2147483647; got '0'. It is how many files of each folder are read; leave it out to read every file.",
            error.Message);
        Assert.Empty(Catalog().GetDatabases());
    }

    /// <summary>Keeps every report as it is made (<see cref="Progress{T}"/> would post them later).</summary>
    private sealed class ProgressReports : IProgress<CrawlProgress>
    {
        public ConcurrentQueue<CrawlProgress> Reports { get; } = new();

        public void Report(CrawlProgress value) => Reports.Enqueue(value);
    }

    private DataCatalog Catalog() => DataCatalog.Open(temp.Combine("catalog.db"));

    private Task<CrawlResult> CrawlAsync(string database, int? sampleFiles) =>
        new Crawler(Catalog()).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = database, SampleFiles = sampleFiles });
}
