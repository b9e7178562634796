using System.IO.Compression;
using DevEndpoint.Catalog;
using DevEndpoint.Formats;
using DevEndpoint.Formats.Iceberg;
using DevEndpoint.Frames;

namespace DevEndpoint.Tests.Formats.Iceberg;

public sealed class IcebergTableTests
{
    private const string Positional = "impala/hadoop_catalog/ice/iceberg_v2_delete_positional";

    [Fact]
    public void The_current_metadata_file_is_the_one_the_version_hint_names_by_number_by_stem_or_the_newest_when_it_is_empty()
    {
        Assert.Equal("v7.metadata.json", Path.GetFileName(Open("duckdb-iceberg/data/persistent/name_mapping/warehouse_1/mydb/t1").Metadata.Path));
        Assert.Equal("00001-43fda1f4-1c96-4376-ad16-91beb71d0759.metadata.json", Path.GetFileName(Open("duckdb-iceberg/data/persistent/uuid").Metadata.Path));
        Assert.Equal("v3.metadata.json", Path.GetFileName(Open("impala/iceberg_v3/iceberg_v3_deletion_vectors").Metadata.Path));
        Assert.Equal("v2.gz.metadata.json", Path.GetFileName(Open("duckdb-iceberg/data/persistent/iceberg/lineitem_iceberg_gz").Metadata.Path));
        Assert.Equal("v4.metadata.json", Path.GetFileName(Open("impala/hadoop_catalog/ice/iceberg_v2_delete_equality").Metadata.Path));
    }

    [Fact]
    public void Without_a_version_hint_the_newest_metadata_version_is_current()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Combine("t", "metadata"));
        foreach (var name in new[] { "00001-aa.metadata.json", "00002-bb.metadata.json", ".00002-bb.metadata.json.crc" })
        {
            File.WriteAllText(folder.Combine("t", "metadata", name), Metadata(name.StartsWith("00001", StringComparison.Ordinal) ? "old" : "new", "\"long\""));
        }

        Assert.Equal("00002-bb.metadata.json", Path.GetFileName(IcebergTable.Open(folder.Combine("t")).Metadata.Path));
    }

    [Fact]
    public void Gzip_metadata_without_the_gz_in_its_name_is_still_read()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Combine("t", "metadata"));
        using (var file = File.Create(folder.Combine("t", "metadata", "v1.metadata.json")))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        using (var writer = new StreamWriter(gzip))
        {
            writer.Write(Metadata("x", "\"long\""));
        }

        Assert.Equal([new Column("x", "bigint")], Columns(IcebergTable.Open(folder.Combine("t"))));
    }

    [Fact]
    public void Schemas_partition_specs_snapshots_and_refs_are_parsed_from_the_metadata()
    {
        var table = Open("impala/hadoop_catalog/ice/iceberg_v2_delete_equality_partition_evolution");

        Assert.Equal(2, table.Metadata.FormatVersion);
        Assert.Equal("/test-warehouse/iceberg_test/hadoop_catalog/ice/iceberg_v2_delete_equality_partition_evolution", table.Metadata.Location);
        Assert.Equal(["identity(d)", "identity(d),identity(i)"], table.Metadata.PartitionSpecs.Values.OrderBy(s => s.Id)
            .Select(s => string.Join(",", s.Fields.Select(f => $"{f.Transform}({table.Metadata.CurrentSchema.Field(f.SourceId)!.Name})"))));
        Assert.Equal([3409033829588781878, 586812101365618837], table.Metadata.Snapshots.Select(s => s.Id));
        Assert.Equal(586812101365618837, table.Metadata.Refs["main"]);
        Assert.Equal([new Column("i", "int"), new Column("s", "string"), new Column("d", "date")], Columns(table));
    }

    [Fact]
    public void Live_files_carry_partition_values_record_counts_sequence_numbers_and_decoded_bounds()
    {
        var table = Open("impala/iceberg_partitioned");
        var files = table.LiveFiles(table.Snapshot());
        var schema = table.Metadata.CurrentSchema;

        Assert.Equal(20, files.Count);
        Assert.All(files, f => Assert.Equal((IcebergContent.Data, 1L, "PARQUET"), (f.Content, f.RecordCount, f.Format)));
        Assert.All(files, f => Assert.True(File.Exists(f.Path), f.Path));
        var actionField = table.Metadata.PartitionSpecs[0].Fields.Single(p => p.Transform == "identity").FieldId;
        Assert.Equal(["click", "download", "view"], files.Select(f => (string)f.Partition[actionField]!).Distinct().Order(StringComparer.Ordinal));
        Assert.All(files, f => Assert.Equal(f.LowerBounds[schema.Fields[0].Id], f.UpperBounds[schema.Fields[0].Id]));
        Assert.Equal(Enumerable.Range(1, 20), files.Select(f => (int)f.LowerBounds[schema.Fields[0].Id]!).Order());
    }

    [Fact]
    public async Task Files_whose_statistics_rule_out_every_wanted_row_are_skipped()
    {
        var table = Open("impala/iceberg_partitioned");
        var ids = new List<int>();
        var skipped = 0;

        await table.ReadAsync(
            new IcebergReadOptions
            {
                SkipFile = (schema, file) =>
                {
                    var skip = table.Range(schema, file, "id") is { Max: int max } && max <= 10;
                    skipped += skip ? 1 : 0;
                    return skip;
                },
            },
            row => ids.Add((int)row[0]!),
            CancellationToken.None);

        Assert.Equal(10, skipped);
        Assert.Equal(Enumerable.Range(11, 10), ids.Order());
    }

    [Fact]
    public async Task Time_travel_as_of_a_time_reads_the_newest_snapshot_then()
    {
        var table = Open(Positional);
        var (first, second) = (table.Metadata.Snapshots[0], table.Metadata.Snapshots[1]);

        Assert.Equal(3, await Count(table, new IcebergReadOptions { AsOf = second.Timestamp.AddMilliseconds(-1) }));
        Assert.Equal(2, await Count(table, new IcebergReadOptions { AsOf = second.Timestamp }));
        Assert.Equal(first.Id, table.Snapshot(asOf: first.Timestamp)!.Id);
    }

    [Fact]
    public async Task Rows_go_into_the_loaders_column_builders_by_column_name()
    {
        var table = Open("impala/hadoop_catalog/ice/iceberg_v2_delete_both_eq_and_pos");
        var sinks = new List<ColumnSink> { ColumnBuilder.For(new Column("d", "date")), ColumnBuilder.For(new Column("i", "bigint")), ColumnBuilder.For(new Column("extra", "string")) };

        var rows = await table.ReadIntoAsync(sinks, new IcebergReadOptions(), CancellationToken.None);

        var columns = sinks.Cast<ColumnBuilder>().Select(b => b.Build()).ToList();
        Assert.Equal(2, rows);
        Assert.Equal(
            ["2 2023-12-13", "3 2023-12-23"],
            Enumerable.Range(0, 2).Select(r => $"{columns[1][r]} {(DateTime)columns[0][r]!:yyyy-MM-dd}").Order(StringComparer.Ordinal));
        Assert.Equal(2, columns[2].NullCount);
    }

    [Fact]
    public async Task A_decimal_wider_than_a_dotnet_decimal_is_refused_naming_the_column_and_value()
    {
        var root = IcebergRows.Table("duckdb-iceberg/data/persistent/partition_decimal_hugeint");

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => IcebergRows.ReadAsync("duckdb-iceberg/data/persistent/partition_decimal_hugeint"));

        Assert.Equal(
            $"{Path.Combine(root, "metadata", "b4dfc09f-c94f-4d63-8ce3-f7d030bd44cb-m0.avro")}: column 'partition_col' holds 123456789.45678901234567890123456, which has more digits than a .NET decimal keeps (28); it is refused rather than rounded.",
            error.Message);
    }

    [Fact]
    public async Task A_snapshot_whose_manifest_list_is_missing_is_refused_naming_the_file()
    {
        var root = IcebergRows.Table("duckdb-iceberg/data/persistent/equality_deletes/warehouse/mydb/mytable");

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => IcebergRows.ReadAsync("duckdb-iceberg/data/persistent/equality_deletes/warehouse/mydb/mytable", 7342794868382145167));

        Assert.Equal(
            $"{Path.Combine(root, "metadata", "snap-7342794868382145167-1-34f7dec7-90c5-4cd5-b158-5782b73fc010.avro")}: the manifest list named in {Path.Combine(root, "metadata", "v7.metadata.json")} is not there. Restore it, or read another snapshot of the table.",
            error.Message);
    }

    [Fact]
    public void An_unknown_snapshot_id_is_refused_listing_the_snapshots()
    {
        var table = Open(Positional);

        var error = Assert.Throws<DevEndpointException>(() => table.Snapshot(42));

        Assert.Equal($"{table.Root}: the Iceberg table has no snapshot 42. Its snapshots: 6816997371555012807, 5725822353600261755.", error.Message);
    }

    [Fact]
    public void A_time_before_the_first_snapshot_is_refused_naming_the_first()
    {
        var table = Open(Positional);
        var first = table.Metadata.Snapshots[0].Timestamp;

        var error = Assert.Throws<DevEndpointException>(() => table.Snapshot(asOf: new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero)));

        Assert.Equal($"{table.Root}: the Iceberg table has no snapshot as of 2000-01-01T00:00:00.000Z; its first is from {first.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fff}Z. Give a later time.", error.Message);
    }

    [Fact]
    public void A_folder_without_metadata_is_not_an_iceberg_table()
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<DevEndpointException>(() => IcebergTable.Open(folder.Path));

        Assert.False(IcebergTable.IsTableRoot(folder.Path));
        Assert.Equal($"{folder.Path}: not an Iceberg table: it has no metadata folder with a *.metadata.json file. Name the table's root folder (the one that holds metadata/).", error.Message);
    }

    [Fact]
    public void A_version_hint_naming_a_missing_version_is_refused()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Combine("t", "metadata"));
        File.WriteAllText(folder.Combine("t", "metadata", "v1.metadata.json"), Metadata("x", "\"long\""));
        File.WriteAllText(folder.Combine("t", "metadata", "version-hint.text"), "9\n");

        var error = Assert.Throws<DevEndpointException>(() => IcebergTable.Open(folder.Combine("t")));

        Assert.Equal(
            $"{folder.Combine("t")}: metadata/version-hint.text names '9', but no metadata file of that version is in metadata/. Restore it, or remove the version hint to read the newest metadata file.",
            error.Message);
    }

    [Theory]
    [InlineData("{\"format-version\": 4, \"location\": \"x\"}", "the table uses table format version 4, which DevEndpoint cannot read yet; it is refused rather than read wrongly.")]
    [InlineData("{\"format-version\": 2, \"location\": ", "not valid Iceberg metadata (it is not valid JSON at line 1, byte 35). Replace the file with one the table's writer made.")]
    [InlineData("{\"format-version\": 2}", "not valid Iceberg metadata (a required field is missing). Replace the file with one the table's writer made.")]
    public void Metadata_that_cannot_be_read_is_refused_naming_the_file(string json, string message)
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Combine("t", "metadata"));
        var path = folder.Combine("t", "metadata", "v1.metadata.json");
        File.WriteAllText(path, json);

        var error = Assert.Throws<DevEndpointException>(() => IcebergTable.Open(folder.Combine("t")));

        Assert.Equal($"{path}: {message}", error.Message);
    }

    [Fact]
    public void A_nested_column_is_refused_by_name()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Combine("t", "metadata"));
        var path = folder.Combine("t", "metadata", "v1.metadata.json");
        File.WriteAllText(path, Metadata("point", "{\"type\": \"struct\", \"fields\": []}"));
        var table = IcebergTable.Open(folder.Combine("t"));

        var error = Assert.Throws<DevEndpointException>(() => Columns(table));

        Assert.Equal($"{path}: the table uses the nested column 'point' (struct), which DevEndpoint cannot read yet; it is refused rather than read wrongly.", error.Message);
    }

    private static IcebergTable Open(string table) => IcebergTable.Open(IcebergRows.Table(table));

    private static IReadOnlyList<Column> Columns(IcebergTable table) => table.Columns(table.Metadata.CurrentSchema);

    private static async Task<int> Count(IcebergTable table, IcebergReadOptions options)
    {
        var rows = 0;
        await table.ReadAsync(options, _ => rows++, CancellationToken.None);
        return rows;
    }

    private static string Metadata(string column, string type) =>
        $$"""{"format-version": 2, "location": "/elsewhere/t", "current-schema-id": 0, "schemas": [{"schema-id": 0, "type": "struct", "fields": [{"id": 1, "name": "{{column}}", "required": false, "type": {{type}}}]}], "partition-specs": [{"spec-id": 0, "fields": []}], "default-spec-id": 0, "snapshots": []}""";
}
