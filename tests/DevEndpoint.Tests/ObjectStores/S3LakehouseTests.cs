using System.Globalization;
using Amazon.Runtime;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Formats;
using DevEndpoint.Formats.Delta;
using DevEndpoint.Formats.Iceberg;
using DevEndpoint.Loading;
using DevEndpoint.ObjectStores;
using DevEndpoint.Tests.Formats.Lakehouse;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.ObjectStores;

/// <summary>
/// Delta, Iceberg and Hudi tables in an S3-protocol bucket crawl and load exactly as the same tables on disk do: the
/// lake of <see cref="S3LakehouseBucket"/> is crawled and loaded from both places and the answers compared.
/// </summary>
public sealed class S3LakehouseTests
{
    private const string Grown = "data-skipping-partition-and-data-column";

    [S3Fact]
    public async Task A_crawl_of_an_s3_prefix_catalogues_each_table_root_as_a_crawl_of_the_same_folder_on_disk_does()
    {
        await using var bucket = await S3LakehouseBucket.CreateAsync();
        await bucket.UploadLakeAsync();
        var crawler = new Crawler(bucket.Catalog);

        var disk = await crawler.CrawlAsync(new CrawlOptions { Path = bucket.Lake, Database = "disk" });
        var store = await crawler.CrawlAsync(new CrawlOptions { Path = bucket.Path("lake"), Database = "store", Connection = S3LakehouseBucket.Connection });

        Assert.Equal(S3LakehouseBucket.Delta.Length + S3LakehouseBucket.Iceberg.Length + 1, store.Tables.Count);
        Assert.Equal(Tables(disk), Tables(store));
        Assert.Equal(disk.SkippedFiles.Select(s => $"{s.Path}: {s.Reason}"), store.SkippedFiles.Select(s => $"{s.Path}: {s.Reason}"));
        foreach (var table in disk.Tables)
        {
            Assert.Equal(
                Entry(bucket.Catalog.GetTable(new TableName("disk", table.Name)), bucket.Lake),
                Entry(bucket.Catalog.GetTable(new TableName("store", table.Name)), bucket.Path("lake")));
        }

        Assert.Equal(S3LakehouseBucket.Connection, bucket.Catalog.GetTable(new TableName("store", "hudi_t")).Parameter(ObjectStoreConnections.ConnectionParameter));
        Assert.Equal(
            bucket.Path("lake/iceberg_v2_delete_positional/metadata/v2.metadata.json"),
            bucket.Catalog.GetTable(new TableName("store", "iceberg_v2_delete_positional")).Parameter("metadata_location"));
    }

    [S3Fact]
    public async Task Loads_of_s3_tables_give_the_rows_loads_of_the_same_tables_on_disk_give_at_every_version_asked_for()
    {
        await using var bucket = await S3LakehouseBucket.CreateAsync();
        await bucket.UploadLakeAsync();
        var crawler = new Crawler(bucket.Catalog);
        var disk = await crawler.CrawlAsync(new CrawlOptions { Path = bucket.Lake, Database = "disk" });
        await crawler.CrawlAsync(new CrawlOptions { Path = bucket.Path("lake"), Database = "store", Connection = S3LakehouseBucket.Connection });
        var loader = new TableLoader(bucket.Catalog);
        var positional = IcebergTable.Open(Path.Combine(bucket.Lake, "iceberg_v2_delete_positional")).Metadata.Snapshots[0];
        var cases = disk.Tables.Select(t => (t.Name, Options: new LoadOptions())).Concat(
        [
            ("multi_part_checkpoint", new LoadOptions { Version = 0 }),
            ("dv_partitioned_with_checkpoint", new LoadOptions { Version = 12 }),
            ("data_skipping_partition_and_data_column", new LoadOptions { Version = 1 }),
            ("iceberg_v2_delete_positional", new LoadOptions { Version = positional.Id }),
            ("iceberg_v2_delete_positional", new LoadOptions { AsOf = positional.Timestamp }),
            ("hudi_t", new LoadOptions { Version = long.Parse(LakehouseTableTests.First, CultureInfo.InvariantCulture) }),
        ]);

        foreach (var (table, options) in cases)
        {
            var local = await loader.LoadAsync($"disk.{table}", options);
            var remote = await loader.LoadAsync($"store.{table}", options);

            Assert.True(local.Frame.Rows.Count > 0, table);
            Assert.Equal(local.FilesRead, remote.FilesRead);
            Assert.Equal(Rows(local.Frame), Rows(remote.Frame));
        }
    }

    [S3Fact]
    public async Task A_where_on_an_s3_table_skips_the_files_its_log_rules_out_as_on_disk()
    {
        await using var bucket = await S3LakehouseBucket.CreateAsync();
        await bucket.UploadLakeAsync();
        var crawler = new Crawler(bucket.Catalog);
        await crawler.CrawlAsync(new CrawlOptions { Path = bucket.Lake, Database = "disk" });
        await crawler.CrawlAsync(new CrawlOptions { Path = bucket.Path("lake"), Database = "store", Connection = S3LakehouseBucket.Connection });
        var loader = new TableLoader(bucket.Catalog);

        foreach (var (table, where) in new[] { ("dv_partitioned_with_checkpoint", "part >= 7 AND col1 = 38"), ("data_skipping_partition_and_data_column", "id = 1") })
        {
            var all = await loader.LoadAsync($"store.{table}");
            var local = await loader.LoadAsync($"disk.{table}", new LoadOptions { Where = where });
            var remote = await loader.LoadAsync($"store.{table}", new LoadOptions { Where = where });

            Assert.True(remote.FilesRead < all.FilesRead, $"{table}: {remote.FilesRead} of {all.FilesRead} files read for {where}");
            Assert.Equal(local.FilesRead, remote.FilesRead);
            Assert.Equal(Rows(local.Frame), Rows(remote.Frame));
        }
    }

    [S3Fact]
    public async Task A_recrawl_of_an_s3_delta_table_notices_its_new_version()
    {
        await using var bucket = await S3LakehouseBucket.CreateAsync();
        await bucket.UploadDeltaAsync(Grown, "grow/t", "_delta_log/00000000000000000003.json");
        var crawler = new Crawler(bucket.Catalog);
        var options = new CrawlOptions { Path = bucket.Path("grow"), Database = "store", Connection = S3LakehouseBucket.Connection };
        await crawler.CrawlAsync(options);
        var before = bucket.Catalog.GetTable(new TableName("store", "t")).Parameter(DeltaTableFormat.VersionParameter);

        await bucket.UploadDeltaAsync(Grown, "grow/t");
        var again = await crawler.CrawlAsync(options);

        Assert.Equal("2", before);
        Assert.Equal(TableChange.Updated, Assert.Single(again.Tables).Change);
        Assert.Equal("3", bucket.Catalog.GetTable(new TableName("store", "t")).Parameter(DeltaTableFormat.VersionParameter));
        Assert.Equal(4, (await new TableLoader(bucket.Catalog).LoadAsync("store.t")).Frame.Rows.Count);
    }

    [S3Fact]
    public async Task A_commit_gone_from_the_middle_of_an_s3_log_is_named_with_the_tables_s3_path()
    {
        await using var bucket = await S3LakehouseBucket.CreateAsync();
        await bucket.UploadDeltaAsync(Grown, "broken/t");
        await new Crawler(bucket.Catalog).CrawlAsync(new CrawlOptions { Path = bucket.Path("broken"), Database = "store", Connection = S3LakehouseBucket.Connection });
        await bucket.Store.DeleteAsync([S3Path.Parse(bucket.Path("broken/t/_delta_log/00000000000000000001.json"))]);

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => new TableLoader(bucket.Catalog).LoadAsync("store.t"));

        Assert.Equal(
            $"Delta table {bucket.Path("broken/t")}: its log versions are not contiguous (0, 2, 3), so a commit is missing from _delta_log. Restore the missing commit file; the table cannot be read without it.",
            error.Message);
    }

    [S3Fact]
    public async Task An_iceberg_data_file_gone_from_s3_is_named_by_its_s3_path()
    {
        await using var bucket = await S3LakehouseBucket.CreateAsync();
        await bucket.UploadLakeAsync();
        await new Crawler(bucket.Catalog).CrawlAsync(new CrawlOptions { Path = bucket.Path("lake"), Database = "store", Connection = S3LakehouseBucket.Connection });
        var local = Path.Combine(bucket.Lake, "iceberg_v2_delete_positional");
        var snapshot = await new IcebergTableFormat().ReadSnapshotAsync(local, TableStorage.Local, SnapshotSelector.Latest, CancellationToken.None);
        var gone = S3Path.Parse(bucket.Path($"lake/iceberg_v2_delete_positional/{Path.GetRelativePath(local, snapshot.Files[0].Path)}"));
        await bucket.Store.DeleteAsync([gone]);

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => new TableLoader(bucket.Catalog).LoadAsync("store.iceberg_v2_delete_positional"));

        Assert.Equal($"{gone}: the data file named in a manifest of the snapshot is not there. Restore it, or read another snapshot of the table.", error.Message);
    }

    [S3Fact]
    public async Task Tables_in_s3_with_features_the_reader_lacks_are_reported_by_name_and_not_catalogued()
    {
        await using var bucket = await S3LakehouseBucket.CreateAsync();
        await bucket.UploadDeltaAsync("deltalog-invalid-protocol-version", "odd/protocol");
        await S3TestServer.PutTextAsync(bucket.Store, S3Path.Parse(bucket.Path("odd/mor/.hoodie/hoodie.properties")), "hoodie.table.name=mor\nhoodie.table.type=MERGE_ON_READ\n");

        var result = await new Crawler(bucket.Catalog).CrawlAsync(new CrawlOptions { Path = bucket.Path("odd"), Database = "store", Connection = S3LakehouseBucket.Connection });

        Assert.Empty(result.Tables);
        Assert.Equal(
            [
                $"mor/: {bucket.Path("odd/mor")}: the Hudi table is merge-on-read (hoodie.table.type=MERGE_ON_READ), which DevEndpoint cannot read yet: only copy-on-write tables are read. Compact it into a copy-on-write copy with Hudi, or read it with Spark.",
                $"protocol/: Delta table {bucket.Path("odd/protocol")}: its protocol needs Delta reader version 99; DevEndpoint reads versions 1 to 3. Read it with a newer Delta reader (Spark, delta-rs) or rewrite it with a lower protocol.",
            ],
            result.SkippedFiles.Select(s => $"{s.Path}: {s.Reason}"));
    }

    [Fact]
    public void Iceberg_paths_written_as_s3_addresses_resolve_in_the_bucket_the_table_is_read_from()
    {
        using var store = new ObjectStore(new ObjectStoreSettings { Endpoint = "http://127.0.0.1:9" }, new BasicAWSCredentials("key", "secret"));
        var paths = new IcebergPaths("s3://warehouse/db/orders", "s3://lakes3-copy/lake/orders", new ObjectTableStorage(store));

        Assert.Equal("s3://lakes3-copy/lake/orders/data/a.parquet", paths.Local("s3://warehouse/db/orders/data/a.parquet"));
        Assert.Equal("s3://lakes3-copy/lake/orders/metadata/snap-1.avro", paths.Local("s3a://warehouse/db/orders/metadata/snap-1.avro"));
        Assert.Equal("s3://lakes3-copy/lake/shared/b.parquet", paths.Local("s3://warehouse/db/shared/b.parquet"));
        Assert.Equal("s3://other/elsewhere/c.parquet", paths.Local("s3n://other/elsewhere/c.parquet"));
    }

    private static List<string> Tables(CrawlResult result) =>
        result.Tables.Select(t => $"{t.Name}:{t.Classification}:{t.Columns}:{t.Files}:{t.RecordCount}").Order(StringComparer.Ordinal).ToList();

    /// <summary>A catalog table as JSON, but for where it is (the lake's root named <c>&lt;lake&gt;</c>) and what the crawl run and connection add.</summary>
    private static string Entry(CatalogTable table, string lake)
    {
        var parameters = table.Parameters
            .Where(p => p.Key is not (CatalogUpdate.CrawlRunIdParameter or ObjectStoreConnections.ConnectionParameter))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value.Replace(lake, "<lake>", StringComparison.Ordinal)}");
        var descriptor = table.StorageDescriptor with { Location = table.StorageDescriptor.Location?.Replace(lake, "<lake>", StringComparison.Ordinal) };
        return string.Join('\n', [table.TableType, .. parameters, CatalogJson.Serialize(table.PartitionKeys), CatalogJson.Serialize(descriptor)]);
    }

    private static List<string> Rows(DataFrame frame) =>
        Enumerable.Range(0, (int)frame.Rows.Count)
            .Select(i => string.Join('|', frame.Columns.Select(c => $"{c.Name}={CrawledFolder.Text(c[i])}")))
            .ToList();
}
