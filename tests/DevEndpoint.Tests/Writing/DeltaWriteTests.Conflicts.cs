using System.Text.Json;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Loading;
using DevEndpoint.Testing;
using DevEndpoint.Writing;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Writing;

/// <summary>Writes of Delta tables that are refused, and two writers at once.</summary>
public sealed partial class DeltaWriteTests
{
    [Fact]
    public async Task An_append_whose_columns_differ_from_the_table_is_refused_naming_them_and_leaves_nothing()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("t");
        await new FrameWriter().WriteAsync(new DataFrame(new Int32DataFrameColumn("id", [1]), new StringDataFrameColumn("name", ["a"])), Delta(path, WriteMode.Append));
        var before = Directory.GetFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => new FrameWriter().WriteAsync(
            new DataFrame(new DoubleDataFrameColumn("id", [1.5]), new StringDataFrameColumn("email", ["e"])), Delta(path, WriteMode.Append)));

        Assert.Equal(
            $"Cannot append Delta table '{path}': the frame's columns differ from the table's: 'id' is double in the frame, int in the table; 'email' (string) is not in the table; 'name' (string) is missing from the frame. "
            + "Select and cast the frame's columns to the table's, or replace the table and its schema with mode overwrite-table.",
            error.Message);
        Assert.Equal(before, Directory.GetFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_append_partitioned_otherwise_than_the_table_is_refused()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("t");
        await new FrameWriter().WriteAsync(WrittenFrames.Orders(), Delta(path, WriteMode.Append, "year"));

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => new FrameWriter().WriteAsync(WrittenFrames.Orders(), Delta(path, WriteMode.Append, "month")));

        Assert.Equal(
            $"Cannot append Delta table '{path}': it is partitioned by (year), the write by (month). Leave partition-by out to use the table's, or replace the table with mode overwrite-table.",
            error.Message);
    }

    [Fact]
    public async Task Error_if_exists_refuses_an_existing_table()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("t");
        await new FrameWriter().WriteAsync(WrittenFrames.Orders(), Delta(path, WriteMode.ErrorIfExists));

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => new FrameWriter().WriteAsync(WrittenFrames.Orders(), Delta(path, WriteMode.ErrorIfExists)));

        Assert.Equal(
            $"Cannot write to '{path}': it already holds a Delta table. Use mode append to add a commit of new rows, overwrite to replace the partitions written (keeping the others), or overwrite-table to replace the whole table.",
            error.Message);
    }

    [Fact]
    public async Task A_folder_of_plain_files_is_not_made_a_delta_table()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("t");
        await new FrameWriter().WriteAsync(WrittenFrames.Orders(), new WriteOptions { Path = path });

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => new FrameWriter().WriteAsync(WrittenFrames.Orders(), Delta(path, WriteMode.Append)));

        Assert.Equal(
            $"Cannot write a Delta table to '{path}': the folder holds files but no Delta log (_delta_log/). Write to an empty folder or an existing Delta table, or write in the folder's own format.",
            error.Message);
    }

    [Fact]
    public async Task A_delta_write_to_an_object_store_is_refused_as_it_cannot_commit_atomically()
    {
        var error = await Assert.ThrowsAsync<DevEndpointException>(() => new FrameWriter().WriteAsync(WrittenFrames.Orders(), Delta("s3://bucket/orders", WriteMode.Append)));

        Assert.Equal(
            "Cannot write a Delta table to s3://bucket/orders: a Delta commit must be created atomically and only if no other writer created it, and DevEndpoint's object store "
            + "client has no such conditional put. Write the Delta table to a local folder, or write parquet to the object store.",
            error.Message);
    }

    [Fact]
    public async Task A_plain_write_to_an_object_store_without_a_catalog_is_refused_naming_what_reaches_it()
    {
        var error = await Assert.ThrowsAsync<DevEndpointException>(() => new FrameWriter().WriteAsync(WrittenFrames.Orders(), new WriteOptions { Path = "s3://bucket/orders" }));

        Assert.Equal(
            "Cannot write to s3://bucket/orders: an object store is reached through a connection of the catalog. Make the FrameWriter with the catalog that holds the connection.",
            error.Message);
    }

    [Theory]
    [InlineData(WriteMode.Overwrite, "overwrite")]
    [InlineData(WriteMode.OverwriteTable, "overwrite-table")]
    public async Task A_table_whose_property_delta_appendOnly_is_true_refuses_an_overwrite_and_keeps_its_files(WriteMode mode, string name)
    {
        using var temp = new TempFolder();
        var path = temp.Combine("t");
        await new FrameWriter().WriteAsync(Numbers(0, 3), Delta(path, WriteMode.Append));
        // The table property a Spark "ALTER TABLE t SET TBLPROPERTIES ('delta.appendOnly' = 'true')" writes into the metadata action.
        var commit = Path.Combine(path, "_delta_log", "00000000000000000000.json");
        var actions = File.ReadAllLines(commit).Select(line =>
        {
            var action = System.Text.Json.Nodes.JsonNode.Parse(line)!.AsObject();
            if (action["metaData"] is { } metadata)
            {
                metadata["configuration"] = new System.Text.Json.Nodes.JsonObject { ["delta.appendOnly"] = "true" };
            }

            return action.ToJsonString();
        });
        File.WriteAllLines(commit, actions);
        var before = Directory.GetFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => new FrameWriter().WriteAsync(Numbers(10, 1), Delta(path, mode)));
        var after = Directory.GetFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var appended = await new FrameWriter().WriteAsync(Numbers(3, 1), Delta(path, WriteMode.Append));

        Assert.Equal($"Cannot {name} Delta table '{path}': its property delta.appendOnly is true, so its files may only be added to. Use mode append.", error.Message);
        Assert.Equal(before, after);
        Assert.Equal(1L, appended.DeltaVersion);
    }

    [Fact]
    public async Task A_delta_write_naming_a_catalog_table_of_another_format_at_its_folder_is_refused_and_writes_nothing()
    {
        using var temp = new TempFolder();
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        var path = temp.Combine("t");
        await new FrameWriter(catalog).WriteAsync(WrittenFrames.Orders(), new WriteOptions { Path = path, Format = WriteFormat.Parquet, CatalogTable = "lake.t" });
        // The Parquet files are gone; the table that describes them is still in the catalog.
        Directory.Delete(path, recursive: true);

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => new FrameWriter(catalog).WriteAsync(WrittenFrames.Orders(), Delta(path, WriteMode.Append) with { CatalogTable = "lake.t" }));

        Assert.Equal(
            "Table lake.t is classified as 'parquet', not as a Delta table; a Delta commit in its folder would leave it describing files the log does not list. "
            + "Name another table, or replace the whole table with mode overwrite-table.",
            error.Message);
        Assert.False(Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path, "*", SearchOption.AllDirectories).Any());
        Assert.Equal("parquet", catalog.GetTable(new TableName("lake", "t")).Parameter("classification"));
    }

    [Fact]
    public async Task Of_two_appends_at_once_one_commits_first_and_the_other_retries_at_the_next_version()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("t");
        await new FrameWriter().WriteAsync(Numbers(0, 1), Delta(path, WriteMode.Append));
        WriteResult? other = null;
        var writer = new FrameWriter { BeforeDeltaCommit = async () => other = await new FrameWriter().WriteAsync(Numbers(100, 3), Delta(path, WriteMode.Append)) };

        var result = await writer.WriteAsync(Numbers(10, 2), Delta(path, WriteMode.Append));

        Assert.Equal((1L, 2L), (other!.DeltaVersion!.Value, result.DeltaVersion!.Value));
        var replay = DeltaSpecValidator.Validate(path);
        Assert.Empty(replay.Problems);
        Assert.Equal((2L, 6L), (replay.Latest, replay.FooterRows));
        Assert.Equal([0, 10, 11, 100, 101, 102], await LoadIdsAsync(temp, path));
    }

    [Fact]
    public async Task Many_appends_at_once_all_commit_with_every_row()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("t");
        await new FrameWriter().WriteAsync(Numbers(0, 1), Delta(path, WriteMode.Append));

        var results = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => Task.Run(() => new FrameWriter().WriteAsync(Numbers(i * 10, 2), Delta(path, WriteMode.Append)))));

        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], results.Select(r => r.DeltaVersion!.Value).Order());
        Assert.Equal([0, 10, 11, 20, 21, 30, 31, 40, 41, 50, 51, 60, 61], await LoadIdsAsync(temp, path));
    }

    [Fact]
    public async Task An_overwrite_that_an_append_commits_before_fails_cleanly_and_deletes_its_files()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("t");
        await new FrameWriter().WriteAsync(Numbers(0, 2), Delta(path, WriteMode.Append));
        var writer = new FrameWriter { BeforeDeltaCommit = () => new FrameWriter().WriteAsync(Numbers(100, 1), Delta(path, WriteMode.Append)) };

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => writer.WriteAsync(Numbers(50, 5), Delta(path, WriteMode.Overwrite)));

        Assert.Equal(
            $"Cannot commit the overwrite to Delta table {path}: another writer committed version 1 (WRITE) after this write read version 0, changing the files this write replaces. "
            + "Nothing was committed and this write's data files are deleted; run the write again to apply it to the new version.",
            error.Message);
        var replay = DeltaSpecValidator.Validate(path);
        Assert.Equal((1L, 2), (replay.Latest, replay.LiveFiles.Count));
        Assert.Equal(2, Directory.GetFiles(path, "*.parquet").Length);
        Assert.Equal([0, 1, 100], await LoadIdsAsync(temp, path));
    }

    [Fact]
    public async Task An_append_after_another_writer_changed_the_schema_fails_cleanly()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("t");
        await new FrameWriter().WriteAsync(Numbers(0, 2), Delta(path, WriteMode.Append));
        var writer = new FrameWriter
        {
            BeforeDeltaCommit = () => new FrameWriter().WriteAsync(new DataFrame(new StringDataFrameColumn("name", ["a"])), Delta(path, WriteMode.OverwriteTable)),
        };

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => writer.WriteAsync(Numbers(50, 1), Delta(path, WriteMode.Append)));

        Assert.Equal(
            $"Cannot commit the append to Delta table {path}: another writer committed version 1 (WRITE) after this write read version 0, changing the table's schema or protocol. "
            + "Nothing was committed and this write's data files are deleted; run the write again to apply it to the new version.",
            error.Message);

        // The first file (removed by the other writer's overwrite, kept for time travel) and the other writer's; none of this write's.
        Assert.Equal(2, Directory.GetFiles(path, "*.parquet").Length);
        Assert.Equal(1L, DeltaSpecValidator.Validate(path).Latest);
    }
}
