using DevEndpoint.Catalog;
using DevEndpoint.Loading;
using DevEndpoint.Testing;
using DevEndpoint.Writing;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Writing;

public sealed class WriteAtomicityTests
{
    [Fact]
    public async Task An_overwrite_that_fails_mid_write_leaves_the_earlier_data_and_catalog_intact()
    {
        using var temp = new TempFolder();
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        var options = new WriteOptions { Path = temp.Combine("scores"), Format = WriteFormat.Json, PartitionBy = ["team"], CatalogTable = "lake.scores" };
        await new FrameWriter(catalog).WriteAsync(Scores(["a", "b"], [1.0, 2.0]), options);
        var files = Snapshot(options.Path);
        var table = catalog.GetTable(new TableName("lake", "scores"));

        // The second partition's file fails after the first one is written: JSON has no NaN.
        var error = await Assert.ThrowsAsync<DevEndpointException>(() =>
            new FrameWriter(catalog).WriteAsync(Scores(["c", "d"], [3.0, double.NaN]), options with { Mode = WriteMode.Overwrite }));

        Assert.Equal("Column 'score', row 1: NaN cannot be written as JSON, which has no NaN or infinity. Replace it (or write Parquet or CSV).", error.Message);
        Assert.Equal(files, Snapshot(options.Path));
        Assert.Equal(table.VersionId, catalog.GetTable(new TableName("lake", "scores")).VersionId);
        Assert.Equal([["a"], ["b"]], catalog.GetPartitions(new TableName("lake", "scores")).Select(p => p.Values).OrderBy(v => v[0]));
        Assert.Equal([1.0, 2.0], (await new TableLoader(catalog).LoadAsync("lake.scores")).Frame.Columns["score"].Cast<double>().Order());
        Assert.Equal(["catalog.db", "scores"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName).Where(n => !n!.StartsWith("catalog.db-", StringComparison.Ordinal)).Order());
    }

    [Fact]
    public async Task An_append_that_fails_adds_no_file_and_no_partition()
    {
        using var temp = new TempFolder();
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        var options = new WriteOptions { Path = temp.Combine("scores"), Format = WriteFormat.Json, PartitionBy = ["team"], CatalogTable = "lake.scores", Mode = WriteMode.Append };
        await new FrameWriter(catalog).WriteAsync(Scores(["a"], [1.0]), options);
        var files = Snapshot(options.Path);

        await Assert.ThrowsAsync<DevEndpointException>(() => new FrameWriter(catalog).WriteAsync(Scores(["b", "c"], [2.0, double.PositiveInfinity]), options));

        Assert.Equal(files, Snapshot(options.Path));
        Assert.Equal([["a"]], catalog.GetPartitions(new TableName("lake", "scores")).Select(p => p.Values));
    }

    [Fact]
    public async Task An_append_whose_files_cannot_all_be_put_in_place_takes_back_those_that_were()
    {
        using var temp = new TempFolder();
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        var options = new WriteOptions { Path = temp.Combine("scores"), PartitionBy = ["team"], CatalogTable = "lake.scores", Mode = WriteMode.Append };
        await new FrameWriter(catalog).WriteAsync(Scores(["a"], [1.0]), options);

        // A file where the folder of partition z must go: the partitions before it are moved in first, then the move fails.
        File.WriteAllText(Path.Combine(options.Path, "team=z"), "in the way");
        var files = Snapshot(options.Path);
        var table = catalog.GetTable(new TableName("lake", "scores"));

        await Assert.ThrowsAsync<IOException>(() => new FrameWriter(catalog).WriteAsync(Scores(["a", "b", "z"], [2.0, 3.0, 4.0]), options));

        Assert.Equal(files, Snapshot(options.Path));
        Assert.Equal(["team=a"], Directory.GetDirectories(options.Path).Select(Path.GetFileName));
        Assert.Equal(table.VersionId, catalog.GetTable(new TableName("lake", "scores")).VersionId);
        Assert.Equal([["a"]], catalog.GetPartitions(new TableName("lake", "scores")).Select(p => p.Values));
    }

    private static DataFrame Scores(string[] teams, double[] scores) =>
        new(new StringDataFrameColumn("team", teams), new DoubleDataFrameColumn("score", scores));

    /// <summary>Every file under a folder with its content.</summary>
    private static List<(string, string)> Snapshot(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(folder, f), File.ReadAllText(f)))
            .ToList();
}
