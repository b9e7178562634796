using DevEndpoint.Catalog;
using DevEndpoint.Loading;
using DevEndpoint.Testing;
using DevEndpoint.Writing;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Writing;

public sealed class OverwriteTests
{
    [Fact]
    public async Task Overwrite_table_replaces_every_file_and_partition_and_lists_each_removed_partition_with_its_file_count()
    {
        using var temp = new TempFolder();
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        var options = new WriteOptions { Path = temp.Combine("orders"), PartitionBy = ["year"], CatalogTable = "shop.orders" };
        await new FrameWriter(catalog).WriteAsync(WrittenFrames.Orders(), options);
        await new FrameWriter(catalog).WriteAsync(WrittenFrames.Orders(), options with { Mode = WriteMode.Append });

        var only2025 = WrittenFrames.Orders().Filter(new Int32DataFrameColumn("year", [2024, 2024, 2024, 2025, 2025, 2024]).ElementwiseEquals(2025));
        var result = await new FrameWriter(catalog).WriteAsync(only2025, options with { Mode = WriteMode.OverwriteTable });

        Assert.Equal(TableChange.Updated, result.TableChange);
        Assert.Equal([new RemovedPartition("year=2024", 2), new RemovedPartition("year=2025", 2)], result.Removed);
        Assert.Equal((0, 1, 1), (result.PartitionsAdded, result.PartitionsReplaced, result.PartitionsRemoved));
        Assert.Equal("Replaced everything in the folder, deleting its 4 earlier files: year=2024 (2 files), year=2025 (2 files).", result.RemovedSummary);
        Assert.Equal(["year=2025"], Directory.GetDirectories(options.Path).Select(Path.GetFileName));
        Assert.Equal([["2025"]], catalog.GetPartitions(new TableName("shop", "orders")).Select(p => p.Values));
        var loaded = await new TableLoader(catalog).LoadAsync("shop.orders");
        Assert.Equal([4, 5], loaded.Frame.Columns["order_id"].Cast<int>());
        Assert.Equal("2", catalog.GetTable(new TableName("shop", "orders")).Parameter("recordCount"));
        Assert.Empty(Directory.GetDirectories(temp.Path, ".orders.*"));
    }

    [Fact]
    public async Task Overwrite_of_one_partition_keeps_the_other_partitions_files_and_catalog_partitions()
    {
        using var temp = new TempFolder();
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        var options = new WriteOptions { Path = temp.Combine("standings"), PartitionBy = ["league", "season"], CatalogTable = "lake.standings", Mode = WriteMode.Overwrite };
        var first = await new FrameWriter(catalog).WriteAsync(Standings("2324", ("Arsenal", 89), ("Chelsea", 63)), options);
        var kept = Directory.GetFiles(Path.Combine(options.Path, "league=E0", "season=2324"));

        var second = await new FrameWriter(catalog).WriteAsync(Standings("2223", ("Arsenal", 84)), options);
        var third = await new FrameWriter(catalog).WriteAsync(Standings("2223", ("Arsenal", 84), ("Chelsea", 44)), options);

        Assert.Empty(first.Removed);
        Assert.Empty(second.Removed);
        Assert.Null(second.RemovedSummary);
        Assert.Equal((1, 0, 0), (second.PartitionsAdded, second.PartitionsReplaced, second.PartitionsRemoved));
        Assert.Equal([new RemovedPartition("league=E0/season=2223", 1)], third.Removed);
        Assert.Equal((0, 1, 0), (third.PartitionsAdded, third.PartitionsReplaced, third.PartitionsRemoved));
        Assert.Equal(
            "Replaced 1 partitions, deleting their 1 earlier files: league=E0/season=2223 (1 files). The partitions not written are kept.",
            third.RemovedSummary);
        Assert.Equal(kept, Directory.GetFiles(Path.Combine(options.Path, "league=E0", "season=2324")));
        Assert.Equal(third.Files, Directory.GetFiles(Path.Combine(options.Path, "league=E0", "season=2223")).Select(f => $"league=E0/season=2223/{Path.GetFileName(f)}"));
        var standings = new TableName("lake", "standings");
        Assert.Equal([["E0", "2223"], ["E0", "2324"]], catalog.GetPartitions(standings).Select(p => p.Values).OrderBy(v => v[1]));
        Assert.Equal("2", catalog.GetPartitions(standings).Single(p => p.Values[1] == "2223").Parameters["recordCount"]);
        Assert.Equal(("4", "2"), (catalog.GetTable(standings).Parameter("recordCount"), catalog.GetTable(standings).Parameter("objectCount")));
        var loaded = await new TableLoader(catalog).LoadAsync("lake.standings");
        Assert.Equal(
            [["Arsenal", 84, "2223"], ["Arsenal", 89, "2324"], ["Chelsea", 44, "2223"], ["Chelsea", 63, "2324"]],
            WrittenFrames.Rows(loaded.Frame, "team", "points", "season").OrderBy(r => (string)r[0]!).ThenBy(r => (string)r[2]!));
        Assert.Empty(Directory.GetDirectories(temp.Path, ".standings.*"));
    }

    [Fact]
    public async Task Overwrite_of_partitions_without_a_catalog_keeps_the_folders_not_written()
    {
        using var temp = new TempFolder();
        var options = new WriteOptions { Path = temp.Combine("orders"), Format = WriteFormat.Csv, PartitionBy = ["year", "month"] };
        await new FrameWriter().WriteAsync(WrittenFrames.Orders(), options);
        var january2025 = Directory.GetFiles(Path.Combine(options.Path, "year=2025", "month=01"));

        var only2024 = WrittenFrames.Orders().Filter(new Int32DataFrameColumn("year", [2024, 2024, 2024, 2025, 2025, 2024]).ElementwiseEquals(2024));
        var result = await new FrameWriter().WriteAsync(only2024, options with { Mode = WriteMode.Overwrite });

        Assert.Equal([new RemovedPartition("year=2024/month=01", 1), new RemovedPartition("year=2024/month=02", 1)], result.Removed);
        Assert.Equal(january2025, Directory.GetFiles(Path.Combine(options.Path, "year=2025", "month=01")));
        Assert.Equal(result.Files.Order(), Directory.GetFiles(Path.Combine(options.Path, "year=2024"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(options.Path, f)).Order());
    }

    [Fact]
    public async Task Unpartitioned_overwrite_still_replaces_the_table()
    {
        using var temp = new TempFolder();
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        var options = new WriteOptions { Path = temp.Combine("orders"), CatalogTable = "shop.orders", Mode = WriteMode.Append };
        await new FrameWriter(catalog).WriteAsync(WrittenFrames.Orders(), options);
        await new FrameWriter(catalog).WriteAsync(WrittenFrames.Orders(), options);

        var result = await new FrameWriter(catalog).WriteAsync(WrittenFrames.Orders().Head(2), options with { Mode = WriteMode.Overwrite });

        Assert.Equal([new RemovedPartition(string.Empty, 2)], result.Removed);
        Assert.Equal("Replaced everything in the folder, deleting its 2 earlier files: (top level) (2 files).", result.RemovedSummary);
        Assert.Equal(result.Files, Directory.GetFiles(options.Path).Select(Path.GetFileName));
        Assert.Equal([1, 2], (await new TableLoader(catalog).LoadAsync("shop.orders")).Frame.Columns["order_id"].Cast<int>());
        Assert.Equal(("2", "1"), (catalog.GetTable(new TableName("shop", "orders")).Parameter("recordCount"), catalog.GetTable(new TableName("shop", "orders")).Parameter("objectCount")));
    }

    [Fact]
    public async Task Overwrite_of_partitions_in_another_format_or_with_other_keys_is_refused_before_anything_is_deleted()
    {
        using var temp = new TempFolder();
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        var options = new WriteOptions { Path = temp.Combine("orders"), PartitionBy = ["year"], CatalogTable = "shop.orders", Mode = WriteMode.Overwrite };
        await new FrameWriter(catalog).WriteAsync(WrittenFrames.Orders(), options);
        var files = Directory.GetFiles(options.Path, "*", SearchOption.AllDirectories);

        var format = await Assert.ThrowsAsync<DevEndpointException>(() => new FrameWriter(catalog).WriteAsync(WrittenFrames.Orders(), options with { Format = WriteFormat.Csv }));
        var keys = await Assert.ThrowsAsync<DevEndpointException>(() => new FrameWriter(catalog).WriteAsync(WrittenFrames.Orders(), options with { PartitionBy = [] }));

        Assert.Equal(
            "Table shop.orders holds parquet files (none compression); overwriting some of its partitions with csv files (none compression) would mix them. "
            + "Write in the table's format, or replace the whole table with mode overwrite-table.",
            format.Message);
        Assert.Equal(
            "Table shop.orders is partitioned by (year); overwriting some of its partitions with files partitioned by () would not match. "
            + "Partition by the table's keys, or replace the whole table with mode overwrite-table.",
            keys.Message);
        Assert.Equal(files, Directory.GetFiles(options.Path, "*", SearchOption.AllDirectories));
        Assert.Equal(2, catalog.GetPartitions(new TableName("shop", "orders")).Count);
    }

    [Fact]
    public async Task A_partition_overwrite_whose_files_cannot_all_be_put_in_place_brings_back_the_partitions_it_set_aside()
    {
        using var temp = new TempFolder();
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        var options = new WriteOptions { Path = temp.Combine("standings"), PartitionBy = ["league", "season"], CatalogTable = "lake.standings", Mode = WriteMode.Overwrite };
        await new FrameWriter(catalog).WriteAsync(Standings("2223", ("Arsenal", 84)), options);
        await new FrameWriter(catalog).WriteAsync(Standings("2324", ("Arsenal", 89)), options);

        // A file where the folder of season 2425 must go: season 2223 is set aside and rewritten first, then the move fails.
        File.WriteAllText(Path.Combine(options.Path, "league=E0", "season=2425"), "in the way");
        var files = Snapshot(options.Path);
        var table = catalog.GetTable(new TableName("lake", "standings"));
        var frame = Standings("2223", ("Chelsea", 44)).Append(Standings("2425", ("Chelsea", 63)).Rows, inPlace: false);

        await Assert.ThrowsAsync<IOException>(() => new FrameWriter(catalog).WriteAsync(frame, options));

        Assert.Equal(files, Snapshot(options.Path));
        Assert.Equal(table.VersionId, catalog.GetTable(new TableName("lake", "standings")).VersionId);
        Assert.Equal(["Arsenal", "Arsenal"], (await new TableLoader(catalog).LoadAsync("lake.standings")).Frame.Columns["team"].Cast<string>());
        Assert.Equal(["catalog.db", "standings"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName).Where(n => !n!.StartsWith("catalog.db-", StringComparison.Ordinal)).Order());
    }

    /// <summary>A league table of one season: (team, points) rows, all in league E0.</summary>
    private static DataFrame Standings(string season, params (string Team, int Points)[] rows) => new(
        new StringDataFrameColumn("league", rows.Select(_ => "E0")),
        new StringDataFrameColumn("season", rows.Select(_ => season)),
        new StringDataFrameColumn("team", rows.Select(r => r.Team)),
        new Int32DataFrameColumn("points", rows.Select(r => r.Points)));

    /// <summary>Every file under a folder with its content.</summary>
    private static List<(string, string)> Snapshot(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(folder, f), File.ReadAllText(f)))
            .ToList();
}
