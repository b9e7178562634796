using DevEndpoint.Catalog;
using DevEndpoint.Loading;
using DevEndpoint.ObjectStores;
using DevEndpoint.Writing;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.ObjectStores;

public sealed class S3WriteTests
{
    [S3Fact]
    public async Task A_frame_written_to_s3_is_catalogued_and_loads_back_with_the_same_values()
    {
        await using var lake = await S3Lake.CreateAsync();
        var options = new WriteOptions { Path = lake.Path("out/scores"), Connection = S3Lake.Connection, PartitionBy = ["team"], CatalogTable = "lake.scores" };

        var result = await new FrameWriter(lake.Catalog).WriteAsync(Scores(["a", "b", "a"], [1.5, 2.5, 3.5]), options);
        var table = lake.Catalog.GetTable(new TableName("lake", "scores"));
        var loaded = await new TableLoader(lake.Catalog).LoadAsync("lake.scores");

        Assert.Equal(lake.Path("out/scores"), result.Path);
        Assert.Equal(result.Files.Select(f => $"out/scores/{f}"), await Keys(lake, "out/scores/"));
        Assert.Equal(lake.Path("out/scores/"), table.StorageDescriptor.Location);
        Assert.Equal(S3Lake.Connection, table.Parameter(ObjectStoreConnections.ConnectionParameter));
        Assert.Equal([1.5, 2.5, 3.5], loaded.Frame.Columns["score"].Cast<double>().Order());
        Assert.Equal(2, loaded.PartitionsRead);
    }

    [S3Fact]
    public async Task An_overwrite_replaces_the_previous_objects()
    {
        await using var lake = await S3Lake.CreateAsync();
        var options = new WriteOptions { Path = lake.Path("out/scores"), Connection = S3Lake.Connection, Format = WriteFormat.Csv, CatalogTable = "lake.scores" };
        var first = await new FrameWriter(lake.Catalog).WriteAsync(Scores(["a"], [1]), options);

        var second = await new FrameWriter(lake.Catalog).WriteAsync(Scores(["b", "c"], [2, 3]), options with { Mode = WriteMode.Overwrite });

        Assert.NotEqual(first.Files, second.Files);
        Assert.Equal(second.Files.Select(f => $"out/scores/{f}"), await Keys(lake, "out/scores/"));
        Assert.Equal([2.0, 3.0], (await new TableLoader(lake.Catalog).LoadAsync("lake.scores")).Frame.Columns["score"].Cast<double>().Order());
    }

    [S3Fact]
    public async Task An_overwrite_of_one_partition_deletes_only_that_partitions_objects_and_an_overwrite_table_deletes_all()
    {
        await using var lake = await S3Lake.CreateAsync();
        var options = new WriteOptions { Path = lake.Path("out/scores"), Connection = S3Lake.Connection, PartitionBy = ["team"], CatalogTable = "lake.scores", Mode = WriteMode.Overwrite };
        var first = await new FrameWriter(lake.Catalog).WriteAsync(Scores(["a", "b", "ab"], [1, 2, 3]), options);

        var second = await new FrameWriter(lake.Catalog).WriteAsync(Scores(["a"], [4]), options);
        var afterSecond = await Keys(lake, "out/scores/");
        var third = await new FrameWriter(lake.Catalog).WriteAsync(Scores(["c"], [5]), options with { Mode = WriteMode.OverwriteTable });

        Assert.Equal([new RemovedPartition("team=a", 1)], second.Removed);
        Assert.Equal(
            new[] { first.Files[1], first.Files[2], second.Files[0] }.Select(f => $"out/scores/{f}").Order(StringComparer.Ordinal),
            afterSecond);
        Assert.Equal([new RemovedPartition("team=a", 1), new RemovedPartition("team=ab", 1), new RemovedPartition("team=b", 1)], third.Removed);
        Assert.Equal(third.Files.Select(f => $"out/scores/{f}"), await Keys(lake, "out/scores/"));
        Assert.Equal([["c"]], lake.Catalog.GetPartitions(new TableName("lake", "scores")).Select(p => p.Values));
    }

    [S3Fact]
    public async Task An_overwrite_that_fails_after_uploading_leaves_the_previous_objects_as_they_were()
    {
        await using var lake = await S3Lake.CreateAsync();
        var options = new WriteOptions { Path = lake.Path("out/scores"), Connection = S3Lake.Connection, CatalogTable = "lake.scores" };
        await new FrameWriter(lake.Catalog).WriteAsync(Scores(["a"], [1]), options);
        await new FrameWriter(lake.Catalog).WriteAsync(Scores(["z"], [9]), new WriteOptions { Path = lake.Local.Combine("elsewhere"), CatalogTable = "lake.elsewhere" });
        var before = await Keys(lake, "out/scores/");

        // The files upload, then the catalog refuses the table named, which is stored elsewhere.
        var error = await Assert.ThrowsAsync<DevEndpointException>(() => new FrameWriter(lake.Catalog).WriteAsync(
            Scores(["b"], [2]), options with { Mode = WriteMode.Overwrite, CatalogTable = "lake.elsewhere" }));

        Assert.StartsWith("Table lake.elsewhere is stored at ", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await Keys(lake, "out/scores/"));
        Assert.Equal([1.0], (await new TableLoader(lake.Catalog).LoadAsync("lake.scores")).Frame.Columns["score"].Cast<double>());
    }

    [S3Fact]
    public async Task Error_if_exists_refuses_a_prefix_that_holds_objects()
    {
        await using var lake = await S3Lake.CreateAsync();
        await S3TestServer.PutTextAsync(lake.Store, S3Path.Parse(lake.Path("out/scores/old.csv")), "team,score\na,1\n");

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => new FrameWriter(lake.Catalog).WriteAsync(
            Scores(["b"], [2]), new WriteOptions { Path = lake.Path("out/scores"), Connection = S3Lake.Connection }));

        Assert.Equal(
            $"Cannot write to '{lake.Path("out/scores")}': the folder already holds files. Use mode append to add to them, overwrite to replace the partitions written (keeping the others), or overwrite-table to replace them all.",
            error.Message);
        Assert.Equal(["out/scores/old.csv"], await Keys(lake, "out/scores/"));
    }

    private static async Task<List<string>> Keys(S3Lake lake, string prefix) =>
        await lake.Store.ListAsync(S3Path.Parse(lake.Path(prefix))).Select(o => o.Path.Key).ToListAsync();

    private static DataFrame Scores(string[] teams, double[] scores) =>
        new(new StringDataFrameColumn("team", teams), new DoubleDataFrameColumn("score", scores));
}
