using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Loading;
using DevEndpoint.Testing;
using DevEndpoint.Writing;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Writing;

public sealed class WriteModeTests
{
    [Fact]
    public async Task Error_if_exists_refuses_a_folder_that_holds_files()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("orders");
        await new FrameWriter().WriteAsync(WrittenFrames.Orders(), new WriteOptions { Path = path });

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => new FrameWriter().WriteAsync(WrittenFrames.Orders(), new WriteOptions { Path = path }));

        Assert.Equal($"Cannot write to '{path}': the folder already holds files. Use mode append to add to them, overwrite to replace the partitions written (keeping the others), or overwrite-table to replace them all.", error.Message);
    }

    [Fact]
    public async Task Error_if_exists_writes_into_an_empty_folder()
    {
        using var temp = new TempFolder();

        var result = await new FrameWriter().WriteAsync(WrittenFrames.Orders(), new WriteOptions { Path = temp.Path });

        Assert.Single(result.Files);
    }

    [Fact]
    public async Task Append_adds_files_beside_the_earlier_ones_and_widens_the_table()
    {
        using var temp = new TempFolder();
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        var options = new WriteOptions { Path = temp.Combine("events"), Format = WriteFormat.Json, CatalogTable = "lake.events", Mode = WriteMode.Append };
        await new FrameWriter(catalog).WriteAsync(new DataFrame(new Int32DataFrameColumn("id", [1, 2]), new StringDataFrameColumn("kind", ["a", "b"])), options);

        var result = await new FrameWriter(catalog).WriteAsync(
            new DataFrame(new Int64DataFrameColumn("id", [5_000_000_000L]), new StringDataFrameColumn("kind", ["c"]), new DoubleDataFrameColumn("score", [0.5])),
            options);

        var table = catalog.GetTable(new TableName("lake", "events"));
        Assert.Equal(TableChange.Updated, result.TableChange);
        Assert.Equal([("id", "bigint"), ("kind", "string"), ("score", "double")], table.StorageDescriptor.Columns.Select(c => (c.Name, c.Type)));
        Assert.Equal(("3", "2"), (table.Parameter("recordCount"), table.Parameter("objectCount")));
        Assert.Equal(2, Directory.GetFiles(options.Path).Length);
        var loaded = await new TableLoader(catalog).LoadAsync("lake.events");
        Assert.Equal(
            [[1L, "a", null], [2L, "b", null], [5_000_000_000L, "c", 0.5]],
            WrittenFrames.Rows(loaded.Frame, "id", "kind", "score").OrderBy(r => (long)r[0]!));
    }

    [Fact]
    public async Task Partitions_record_their_counts_and_an_append_adds_to_them()
    {
        using var temp = new TempFolder();
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        var options = new WriteOptions { Path = temp.Combine("orders"), Format = WriteFormat.Csv, PartitionBy = ["year"], CatalogTable = "shop.orders", Mode = WriteMode.Append };
        var first = await new FrameWriter(catalog).WriteAsync(WrittenFrames.Orders(), options);
        var second = await new FrameWriter(catalog).WriteAsync(WrittenFrames.Orders(), options);

        var partition = catalog.GetPartitions(new TableName("shop", "orders")).Single(p => p.Values[0] == "2024");
        var files = Directory.GetFiles(Path.Combine(options.Path, "year=2024"));
        Assert.Equal(0, second.PartitionsAdded);
        Assert.Equal(2, files.Length);
        Assert.Equal(
            ("8", "2", files.Sum(f => new FileInfo(f).Length).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (partition.Parameters["recordCount"], partition.Parameters["objectCount"], partition.Parameters["sizeKey"]));
        Assert.Equal("12", catalog.GetTable(new TableName("shop", "orders")).Parameter("recordCount"));
        Assert.Equal(2, first.PartitionsAdded);
    }

    [Fact]
    public async Task Schema_change_policy_log_keeps_the_table_as_it_was_and_still_adds_partitions()
    {
        using var temp = new TempFolder();
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        var options = new WriteOptions { Path = temp.Combine("orders"), PartitionBy = ["year"], CatalogTable = "shop.orders", Mode = WriteMode.Append };
        await new FrameWriter(catalog).WriteAsync(WrittenFrames.Orders(), options);
        var before = catalog.GetTable(new TableName("shop", "orders"));
        var frame = WrittenFrames.Orders();
        frame["year"] = new Int32DataFrameColumn("year", [2026, 2026, 2026, 2026, 2026, 2026]);
        frame.Columns.Add(new DoubleDataFrameColumn("score", [1, 2, 3, 4, 5, 6]));

        var result = await new FrameWriter(catalog).WriteAsync(frame, options with { SchemaChange = SchemaChangePolicy.Log });

        Assert.Equal(TableChange.Unchanged, result.TableChange);
        Assert.Equal("schema changed (columns added: score double); the table is kept as it was (schema change policy log)", result.SchemaChangeLogged);
        Assert.Equal(before.VersionId, catalog.GetTable(new TableName("shop", "orders")).VersionId);
        Assert.Equal(1, result.PartitionsAdded);
        var loaded = await new TableLoader(catalog).LoadAsync("shop.orders", new LoadOptions { Where = "year = 2026" });
        Assert.Equal(["order_id", "amount", "status", "month", "year"], loaded.Frame.Columns.Select(c => c.Name));
        Assert.Equal(6, loaded.Frame.Rows.Count);
    }

    [Fact]
    public async Task Append_in_another_format_is_refused_before_anything_is_written()
    {
        using var temp = new TempFolder();
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        var options = new WriteOptions { Path = temp.Combine("orders"), CatalogTable = "shop.orders" };
        await new FrameWriter(catalog).WriteAsync(WrittenFrames.Orders(), options);

        var error = await Assert.ThrowsAsync<DevEndpointException>(() =>
            new FrameWriter(catalog).WriteAsync(WrittenFrames.Orders(), options with { Mode = WriteMode.Append, Format = WriteFormat.Csv }));

        Assert.Equal(
            "Table shop.orders holds parquet files (none compression); appending csv files (none compression) would mix them. "
            + "Write in the table's format, or replace the whole table with mode overwrite-table.",
            error.Message);
        Assert.Single(Directory.GetFiles(options.Path));
    }

    [Fact]
    public async Task Append_with_other_partition_keys_is_refused()
    {
        using var temp = new TempFolder();
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        var options = new WriteOptions { Path = temp.Combine("orders"), CatalogTable = "shop.orders", PartitionBy = ["year"] };
        await new FrameWriter(catalog).WriteAsync(WrittenFrames.Orders(), options);

        var error = await Assert.ThrowsAsync<DevEndpointException>(() =>
            new FrameWriter(catalog).WriteAsync(WrittenFrames.Orders(), options with { Mode = WriteMode.Append, PartitionBy = ["year", "month"] }));

        Assert.Equal(
            "Table shop.orders is partitioned by (year); appending files partitioned by (year, month) would not match. "
            + "Partition by the table's keys, or replace the whole table with mode overwrite-table.",
            error.Message);
    }

    [Fact]
    public async Task A_table_stored_elsewhere_is_not_written_over()
    {
        using var temp = new TempFolder();
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        await new FrameWriter(catalog).WriteAsync(WrittenFrames.Orders(), new WriteOptions { Path = temp.Combine("a"), CatalogTable = "shop.orders" });

        var error = await Assert.ThrowsAsync<DevEndpointException>(() =>
            new FrameWriter(catalog).WriteAsync(WrittenFrames.Orders(), new WriteOptions { Path = temp.Combine("b"), CatalogTable = "shop.orders" }));

        Assert.Equal($"Table shop.orders is stored at '{temp.Combine("a")}/', not '{temp.Combine("b")}/'. Write to its location, or name another table.", error.Message);
        Assert.False(Directory.Exists(temp.Combine("b")));
    }

    [Theory]
    [InlineData("parquet", "brotli", "Compression 'brotli' is not available for parquet output. Use snappy, gzip, zstd, none.")]
    [InlineData("csv", "snappy", "Compression 'snappy' is not available for csv output. Use gzip, none.")]
    public async Task An_unavailable_codec_is_refused(string format, string codec, string message)
    {
        using var temp = new TempFolder();

        var error = await Assert.ThrowsAsync<DevEndpointException>(() =>
            new FrameWriter().WriteAsync(WrittenFrames.Orders(), new WriteOptions { Path = temp.Path, Format = WriteOptions.ParseFormat(format), Compression = codec }));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task A_missing_partition_column_is_named_with_the_closest_names()
    {
        using var temp = new TempFolder();

        var error = await Assert.ThrowsAsync<DevEndpointException>(() =>
            new FrameWriter().WriteAsync(WrittenFrames.Orders(), new WriteOptions { Path = temp.Path, PartitionBy = ["yaer"] }));

        Assert.Equal("Cannot partition by 'yaer': the frame has no such column. Did you mean 'year'? Columns: order_id, amount, status, year, month.", error.Message);
    }

    [Fact]
    public async Task A_frame_of_partition_columns_only_is_refused()
    {
        using var temp = new TempFolder();

        var error = await Assert.ThrowsAsync<DevEndpointException>(() =>
            new FrameWriter().WriteAsync(new DataFrame(new Int32DataFrameColumn("year", [2024])), new WriteOptions { Path = temp.Path, PartitionBy = ["year"] }));

        Assert.Equal("Every column of the frame is a partition column, so the files would hold nothing. Leave at least one column out of partition-by.", error.Message);
    }

    [Fact]
    public async Task A_column_of_an_unwritable_type_is_named()
    {
        using var temp = new TempFolder();

        var error = await Assert.ThrowsAsync<DevEndpointException>(() =>
            new FrameWriter().WriteAsync(new DataFrame(new UInt32DataFrameColumn("n", [1u])), new WriteOptions { Path = temp.Path }));

        Assert.Equal("Column 'n' holds UInt32 values, which cannot be written. Convert it to one of: bool, sbyte, short, int, long, float, double, decimal, string, DateTime.", error.Message);
    }

    [Theory]
    [InlineData("parquet", WriteFormat.Parquet)]
    [InlineData("CSV", WriteFormat.Csv)]
    [InlineData("json", WriteFormat.Json)]
    public void Format_names_parse(string name, WriteFormat format) => Assert.Equal(format, WriteOptions.ParseFormat(name));

    [Fact]
    public void Unknown_format_and_mode_names_are_refused()
    {
        Assert.Equal("Unknown format 'orc'. Use parquet, csv, json (JSON lines) or delta (a Delta Lake table).", Assert.Throws<DevEndpointException>(() => WriteOptions.ParseFormat("orc")).Message);
        Assert.Equal(
            "Unknown mode 'replace'. Use overwrite (replace the partitions written, keep the others), overwrite-table (replace everything in the folder), "
            + "append (add files) or error-if-exists (refuse a folder that holds files).",
            Assert.Throws<DevEndpointException>(() => WriteOptions.ParseMode("replace")).Message);
    }

    [Theory]
    [InlineData("overwrite", WriteMode.Overwrite)]
    [InlineData("Overwrite-Table", WriteMode.OverwriteTable)]
    [InlineData("append", WriteMode.Append)]
    [InlineData("error-if-exists", WriteMode.ErrorIfExists)]
    public void Mode_names_parse_and_print_back(string name, WriteMode mode)
    {
        Assert.Equal(mode, WriteOptions.ParseMode(name));
        Assert.Equal(name.ToLowerInvariant(), WriteOptions.ModeName(mode));
    }
}
