using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Formats;
using DevEndpoint.ObjectStores;
using DevEndpoint.Tests.Formats.Orc;
using DevEndpoint.Writing;
using Microsoft.Data.Analysis;
using Xunit.Abstractions;

namespace DevEndpoint.Tests.ObjectStores;

public sealed class S3CrawlTests(ITestOutputHelper output)
{
    [S3Fact]
    public async Task A_crawl_of_an_s3_prefix_catalogues_what_a_crawl_of_the_same_files_on_disk_does()
    {
        await using var lake = await S3Lake.CreateAsync();
        var local = await lake.UploadSampleLakeAsync();
        var crawler = new Crawler(lake.Catalog);

        var fromDisk = await crawler.CrawlAsync(new CrawlOptions { Path = local, Database = "disk" });
        var fromStore = await crawler.CrawlAsync(new CrawlOptions { Path = lake.Path("sales/"), Database = "store", Connection = S3Lake.Connection });

        Assert.Equal(["customers", "orders", "products"], fromStore.Tables.Select(t => t.Name).Order());
        Assert.Equal(fromDisk.Tables.OrderBy(t => t.Name), fromStore.Tables.OrderBy(t => t.Name));
        foreach (var name in fromStore.Tables.Select(t => t.Name))
        {
            var disk = lake.Catalog.GetTable(new TableName("disk", name));
            var store = lake.Catalog.GetTable(new TableName("store", name));
            Assert.Equal(disk.StorageDescriptor.Columns, store.StorageDescriptor.Columns);
            Assert.Equal(disk.PartitionKeys, store.PartitionKeys);
            Assert.Equal(lake.Path($"sales/{name}/"), store.StorageDescriptor.Location);
            Assert.Equal(S3Lake.Connection, store.Parameter(ObjectStoreConnections.ConnectionParameter));
            Assert.Equal(disk.Parameter("recordCount"), store.Parameter("recordCount"));
            Assert.Equal(
                lake.Catalog.GetPartitions(new TableName("disk", name)).Select(p => string.Join('/', p.Values)),
                lake.Catalog.GetPartitions(new TableName("store", name)).Select(p => string.Join('/', p.Values)));
        }

        Assert.Equal(lake.Path("sales/orders/year=2024/month=01/"), lake.Catalog.GetPartitions(new TableName("store", "orders")).Single(p => p.Values.SequenceEqual(["2024", "01"])).StorageDescriptor.Location);
    }

    [S3Fact]
    public async Task A_recrawl_of_new_folders_only_reads_only_the_new_prefixes()
    {
        await using var lake = await S3Lake.CreateAsync();
        var local = await lake.UploadSampleLakeAsync();
        var options = new CrawlOptions { Path = lake.Path("sales"), Database = "store", Connection = S3Lake.Connection };
        await new Crawler(lake.Catalog).CrawlAsync(options);
        var orders = File.ReadAllText(Directory.GetFiles(Path.Combine(local, "orders", "year=2024", "month=01"), "*.csv").Order(StringComparer.Ordinal).First());
        await S3TestServer.PutTextAsync(lake.Store, S3Path.Parse(lake.Path("sales/orders/year=2025/month=01/orders.csv")), orders);

        var result = await new Crawler(lake.Catalog).CrawlAsync(options with { NewFoldersOnly = true });

        Assert.Equal(1, result.Run.FilesScanned);
        Assert.Equal(1, result.Run.PartitionsAdded);
        Assert.Contains(["2025", "01"], lake.Catalog.GetPartitions(new TableName("store", "orders")).Select(p => p.Values));
    }

    [S3Fact]
    public async Task Classifying_a_parquet_object_fetches_its_head_and_footer_by_range_never_the_whole_object()
    {
        await using var lake = await S3Lake.CreateAsync();
        var path = await WriteParquetAsync(lake.Local.Combine("parquet"), rows: 300_000);
        var size = new FileInfo(path).Length;
        var footerLength = FooterLength(path);
        await lake.Store.UploadAsync(path, S3Path.Parse(lake.Path("big/big.parquet")));
        var before = lake.Store.BytesFetched;

        var schema = await FileClassifier.ClassifyAsync(new ObjectStoreFiles(lake.Store), lake.Path("big/big.parquet"), new SampleOptions());
        var fetched = lake.Store.BytesFetched - before;

        output.WriteLine($"Classifying a {size}-byte Parquet object fetched {fetched} bytes (its footer: {footerLength} bytes).");
        Assert.Equal("parquet", schema!.Classification);
        Assert.Equal(300_000, schema.RecordCount);
        Assert.True(size > 1_000_000, $"the object is {size} bytes, too small to tell");
        // The first 4 KiB (magic bytes), the last 8 (footer length and magic), then the footer (up to the end: those 8 again).
        Assert.Equal(FileProbe.HeadLength + 8 + footerLength + 8, fetched);
    }

    [S3Fact]
    public async Task Avro_and_orc_objects_classify_as_the_same_files_on_disk_do()
    {
        await using var lake = await S3Lake.CreateAsync();
        var avro = Corpora.Path("arrow-testing", "data", "avro");
        var orc = lake.Local.Combine("data.orc");
        File.WriteAllBytes(orc, OrcFiles.Build([new(12, [1, 2], ["id", "name"]), new(4), new(7)], 4321));
        var files = Directory.GetFiles(avro, "*.avro").Order(StringComparer.Ordinal).Append(orc).ToList();
        var source = new ObjectStoreFiles(lake.Store);

        foreach (var file in files)
        {
            var path = lake.Path($"binary/{Path.GetFileName(file)}");
            await lake.Store.UploadAsync(file, S3Path.Parse(path));
            var local = await Classify(FileSource.Local, file);
            var stored = await Classify(source, path);

            Assert.Equal(local, stored);
        }
    }

    private static async Task<string> Classify(FileSource source, string path)
    {
        try
        {
            var schema = await FileClassifier.ClassifyAsync(source, path, new SampleOptions());
            return $"{schema?.Classification} {schema?.RecordCount} {string.Join(", ", schema?.Columns.Select(c => $"{c.Name} {c.Type}") ?? [])}";
        }
        catch (BadFileException e)
        {
            return e.Reason;
        }
    }

    [S3Fact]
    public async Task Classifying_a_big_csv_object_fetches_only_its_sample()
    {
        await using var lake = await S3Lake.CreateAsync();
        var lines = Enumerable.Range(0, 200_000).Select(i => $"{i},name {i},{i * 0.5}");
        var path = lake.Local.Write("big.csv", "id,name,score\n" + string.Join('\n', lines) + "\n");
        await lake.Store.UploadAsync(path, S3Path.Parse(lake.Path("csv/big.csv")));
        var before = lake.Store.BytesFetched;

        var schema = await FileClassifier.ClassifyAsync(new ObjectStoreFiles(lake.Store), lake.Path("csv/big.csv"), new SampleOptions { MaxBytes = 100_000 });
        var fetched = lake.Store.BytesFetched - before;

        output.WriteLine($"Classifying a {new FileInfo(path).Length}-byte CSV object with a 100,000-byte sample fetched {fetched} bytes.");
        Assert.Equal("csv", schema!.Classification);
        Assert.Equal(["id", "name", "score"], schema.Columns.Select(c => c.Name));
        Assert.True(new FileInfo(path).Length > 4_000_000);
        Assert.Equal(FileProbe.HeadLength + 100_001, fetched);
    }

    [S3Fact]
    public async Task Hidden_empty_and_excluded_objects_are_left_out_as_files_on_disk_are()
    {
        await using var lake = await S3Lake.CreateAsync();
        await S3TestServer.PutTextAsync(lake.Store, S3Path.Parse(lake.Path("logs/a/part-1.csv")), "id,level\n1,info\n2,warn\n");
        await S3TestServer.PutTextAsync(lake.Store, S3Path.Parse(lake.Path("logs/a/_SUCCESS")), "done");
        await S3TestServer.PutTextAsync(lake.Store, S3Path.Parse(lake.Path("logs/a/empty.csv")), string.Empty);
        await S3TestServer.PutTextAsync(lake.Store, S3Path.Parse(lake.Path("logs/tmp/x.csv")), "x\n1\n");

        var result = await new Crawler(lake.Catalog).CrawlAsync(
            new CrawlOptions { Path = lake.Path("logs"), Database = "logs", Connection = S3Lake.Connection, Exclusions = ["tmp"] });

        Assert.Equal(["a"], result.Tables.Select(t => t.Name));
        Assert.Equal(1, result.Run.FilesExcluded);
        Assert.Equal(
            [new SkippedFile("a/_SUCCESS", Crawler.HiddenFileReason), new SkippedFile("a/empty.csv", "the file is empty.")],
            result.SkippedFiles.OrderBy(f => f.Path, StringComparer.Ordinal));
    }

    [S3Fact]
    public async Task A_crawl_of_a_missing_bucket_says_which_and_what_to_do()
    {
        await using var lake = await S3Lake.CreateAsync();

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => new Crawler(lake.Catalog).CrawlAsync(
            new CrawlOptions { Path = "s3://no-such-bucket-here/sales", Database = "sales", Connection = S3Lake.Connection }));

        Assert.Equal(
            $"The bucket 'no-such-bucket-here' does not exist at {S3TestServer.Endpoint}. Check the bucket in s3://no-such-bucket-here/sales/, or create it.",
            error.Message);
    }

    [S3Fact]
    public async Task A_crawl_of_an_empty_prefix_says_nothing_is_there()
    {
        await using var lake = await S3Lake.CreateAsync();

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => new Crawler(lake.Catalog).CrawlAsync(
            new CrawlOptions { Path = lake.Path("nothing/here"), Database = "sales", Connection = S3Lake.Connection }));

        Assert.Equal(
            $"No objects found under {lake.Path("nothing/here")}/ at {S3TestServer.Endpoint}. Check the bucket and prefix (keys are case-sensitive), and that the data was uploaded there.",
            error.Message);
    }

    [Fact]
    public async Task A_crawl_of_an_s3_path_without_a_connection_asks_for_one()
    {
        using var folder = new TempFolder();
        var catalog = DataCatalog.Open(folder.Combine("catalog.db"));

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = "s3://lake/sales", Database = "sales" }));

        Assert.Equal(
            "s3://lake/sales is in an object store: name the s3 connection to reach it with --connection <name> (add one with: connection add <name> --type s3 --url <endpoint>).",
            error.Message);
    }

    /// <summary>Writes a Parquet file of random doubles (they do not compress), through the writer; returns its path.</summary>
    private static async Task<string> WriteParquetAsync(string folder, int rows)
    {
        var random = new Random(3);
        var frame = new DataFrame(
            new Int32DataFrameColumn("id", Enumerable.Range(0, rows)),
            new DoubleDataFrameColumn("value", Enumerable.Range(0, rows).Select(_ => random.NextDouble())));
        var result = await new FrameWriter().WriteAsync(frame, new WriteOptions { Path = folder });
        return Path.Combine(folder, result.Files.Single());
    }

    private static int FooterLength(string path)
    {
        using var file = File.OpenRead(path);
        file.Seek(-8, SeekOrigin.End);
        var tail = new byte[4];
        file.ReadExactly(tail);
        return BitConverter.ToInt32(tail);
    }
}
