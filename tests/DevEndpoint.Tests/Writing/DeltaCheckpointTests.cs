using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Formats;
using DevEndpoint.Formats.Delta;
using DevEndpoint.Loading;
using DevEndpoint.Testing;
using DevEndpoint.Writing;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Writing;

/// <summary>Checkpoints a Delta write makes every ten commits: their schema and contents as the protocol states, and readers starting from them.</summary>
public sealed class DeltaCheckpointTests
{
    [Fact]
    public async Task Twenty_five_appends_checkpoint_versions_10_and_20_and_a_reader_starts_from_20_with_the_same_rows()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("numbers");
        for (var i = 0; i < 25; i++)
        {
            var result = await new FrameWriter().WriteAsync(Numbers(i * 4, 4), Delta(path, WriteMode.Append));
            Assert.Empty(result.Warnings);
        }

        var replay = DeltaSpecValidator.Validate(path);
        var snapshot = await ReadAsync(path);

        Assert.Empty(replay.Problems);
        Assert.Equal((24L, 25, 100L), (replay.Latest, replay.LiveFiles.Count, replay.FooterRows));
        Assert.Equal(
            ["00000000000000000010.checkpoint.parquet", "00000000000000000020.checkpoint.parquet", "_last_checkpoint"],
            Directory.GetFiles(Path.Combine(path, "_delta_log")).Select(Path.GetFileName).Where(n => !n!.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["00000000000000000020.checkpoint.parquet", "00000000000000000021.json", "00000000000000000022.json", "00000000000000000023.json", "00000000000000000024.json"],
            snapshot.LogFilesRead.Select(Path.GetFileName));
        Assert.Equal(Enumerable.Range(0, 100), await LoadedIdsAsync(temp, path));
    }

    [Fact]
    public async Task A_checkpoint_after_overwrites_holds_the_live_files_partition_values_and_tombstones_and_reads_as_the_log_does()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("orders");
        await new FrameWriter().WriteAsync(WrittenFrames.Orders(), Delta(path, WriteMode.ErrorIfExists, "year", "month"));
        for (var version = 1; version <= 10; version++)
        {
            var frame = WrittenFrames.Orders();
            frame["order_id"] = new Int32DataFrameColumn("order_id", Enumerable.Range(version * 10, 6));
            await new FrameWriter().WriteAsync(version % 3 == 0 ? frame.Head(2) : frame, Delta(path, version % 3 == 0 ? WriteMode.Overwrite : WriteMode.Append));
        }

        var replay = DeltaSpecValidator.Validate(path);
        var fromCheckpoint = await ReadAsync(path);
        File.Delete(Path.Combine(path, "_delta_log", "00000000000000000010.checkpoint.parquet"));
        var fromCommits = await ReadAsync(path);

        Assert.Empty(replay.Problems);
        Assert.Equal("00000000000000000010.checkpoint.parquet", Path.GetFileName(fromCheckpoint.LogFilesRead.Single()));
        Assert.Equal(Describe(fromCommits), Describe(fromCheckpoint));
    }

    [Fact]
    public async Task A_checkpoint_that_cannot_be_written_leaves_the_commit_and_says_so_in_a_warning()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("numbers");
        for (var i = 0; i < 10; i++)
        {
            await new FrameWriter().WriteAsync(Numbers(i, 1), Delta(path, WriteMode.Append));
        }

        var blocked = Path.Combine(path, "_delta_log", "00000000000000000010.checkpoint.parquet");
        Directory.CreateDirectory(blocked);

        var result = await new FrameWriter().WriteAsync(Numbers(10, 1), Delta(path, WriteMode.Append));

        Assert.Equal(10, result.DeltaVersion);
        var warning = Assert.Single(result.Warnings);
        Assert.StartsWith($"Delta table {path}: version 10 is committed, but its checkpoint could not be written (", warning, StringComparison.Ordinal);
        Assert.EndsWith(
            "). The commit stands and the table reads as before (from the previous checkpoint and the commits after it); the next checkpoint is written at version 20.",
            warning,
            StringComparison.Ordinal);
        Directory.Delete(blocked);
        Assert.Empty(DeltaSpecValidator.Validate(path).Problems);
        Assert.Equal(Enumerable.Range(0, 11), await LoadedIdsAsync(temp, path));
    }

    [Fact]
    public async Task A_crawl_of_a_table_of_ten_thousand_commits_reads_its_checkpoint_and_the_commits_after_it_not_the_whole_log()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("events");
        var log = Path.Combine(path, "_delta_log");
        await new FrameWriter().WriteAsync(Numbers(0, 1), Delta(path, WriteMode.Append));
        for (var version = 1; version < 10_000; version++)
        {
            await File.WriteAllTextAsync(Path.Combine(log, $"{version:D20}.json"), "{\"commitInfo\":{\"timestamp\":1700000000000,\"operation\":\"SET TBLPROPERTIES\"}}\n");
        }

        await new FrameWriter().WriteAsync(Numbers(1, 1), Delta(path, WriteMode.Append));
        await new FrameWriter().WriteAsync(Numbers(2, 1), Delta(path, WriteMode.Append));
        // Every commit the checkpoint holds made unreadable: a reader that replayed the whole log would fail on them.
        for (var version = 0; version < 10_000; version++)
        {
            await File.WriteAllTextAsync(Path.Combine(log, $"{version:D20}.json"), "not a commit\n");
        }

        var snapshot = await ReadAsync(path);
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        var crawl = await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = path, Database = "lake" });

        Assert.Equal(["00000000000000010000.checkpoint.parquet", "00000000000000010001.json"], snapshot.LogFilesRead.Select(Path.GetFileName));
        Assert.Equal("10001", catalog.GetTable(new TableName("lake", crawl.Tables.Single().Name)).Parameter(DeltaTableFormat.VersionParameter));
        Assert.Equal([0, 1, 2], await LoadedIdsAsync(temp, path));
    }

    private static WriteOptions Delta(string path, WriteMode mode, params string[] partitionBy) =>
        new() { Path = path, Format = WriteFormat.Delta, Mode = mode, PartitionBy = partitionBy };

    private static DataFrame Numbers(int start, int count) => new(new Int32DataFrameColumn("id", Enumerable.Range(start, count)));

    private static Task<TableSnapshot> ReadAsync(string root) => new DeltaTableFormat().ReadSnapshotAsync(root, TableStorage.Local, SnapshotSelector.Latest, CancellationToken.None);

    /// <summary>A snapshot's version, schema and live files with their partition values, sizes and row counts, to compare two readings.</summary>
    private static List<string> Describe(TableSnapshot snapshot) =>
    [
        $"v{snapshot.Version}: {string.Join(", ", snapshot.Columns.Select(c => $"{c.Name} {c.Type}"))} | {string.Join(", ", snapshot.PartitionKeys.Select(c => $"{c.Name} {c.Type}"))}",
        .. snapshot.Files.Select(f => $"{Path.GetFileName(f.Path)} {string.Join('/', f.PartitionValues.Select(p => $"{p.Key}={p.Value}"))} {f.Size} {f.Statistics?.Records}"),
    ];

    private static async Task<List<int>> LoadedIdsAsync(TempFolder temp, string path)
    {
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        var crawl = await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = path, Database = "lake" });
        var frame = (await new TableLoader(catalog).LoadAsync($"lake.{crawl.Tables.Single().Name}")).Frame;
        return Enumerable.Range(0, (int)frame.Rows.Count).Select(r => (int)frame["id"][r]).Order().ToList();
    }
}
