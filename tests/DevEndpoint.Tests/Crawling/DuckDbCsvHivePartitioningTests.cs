using DevEndpoint.Catalog;

namespace DevEndpoint.Tests.Crawling;

/// <summary>The Hive-partitioned CSV folders of DuckDB's test data (corpora/duckdb/data/csv/hive-partitioning).</summary>
public sealed class DuckDbCsvHivePartitioningTests
{
    private static string CsvFolder => Corpora.Path("duckdb", "data", "csv", "hive-partitioning");

    [Fact]
    public async Task Crawl_makes_one_table_per_folder_of_compatible_files()
    {
        using var crawl = await CrawledFolder.CreateAsync(CsvFolder, "hive");

        Assert.Equal(
            new[]
            {
                "different_order", "folder2", "hive_types", "mismatching_contents", "mismatching_contents_2",
                "mismatching_count", "mismatching_names", "mismatching_types", "simple", "types",
            },
            crawl.Catalog.GetTables("hive").Select(t => t.Name));
        Assert.All(crawl.Result.Tables, t => Assert.Equal("csv", t.Classification));
    }

    [Fact]
    public async Task Hive_folders_become_partition_keys_and_partitions()
    {
        using var crawl = await CrawledFolder.CreateAsync(CsvFolder, "hive");

        var simple = crawl.Table("simple");

        Assert.Equal(new[] { "id int", "value string" }, simple.StorageDescriptor.Columns.Select(c => $"{c.Name} {c.Type}"));
        Assert.Equal(new[] { "part", "date" }, simple.PartitionKeys.Select(k => k.Name));
        Assert.Equal(
            new[] { "a/2012-01-01", "b/2013-01-01" },
            crawl.Catalog.GetPartitions(TableName.Parse("hive.simple")).Select(p => string.Join('/', p.Values)));
        Assert.Equal(
            new[] { "1000/2012-01-01", "9000/2013-01-01" },
            crawl.Catalog.GetPartitions(TableName.Parse("hive.types")).Select(p => string.Join('/', p.Values)));
    }

    [Fact]
    public async Task Files_with_another_partition_layout_than_their_siblings_are_skipped_with_the_reason()
    {
        using var crawl = await CrawledFolder.CreateAsync(CsvFolder, "hive");

        Assert.Equal(
            new[]
            {
                "different_order/part=b/date=2013-01-01/test.csv: its partition folders (part/date) differ from those of the other files of table 'different_order' (date/part); move it or exclude it",
                "mismatching_names/part=b/date=2013-01-01/test.csv: its partition folders (part/date) differ from those of the other files of table 'mismatching_names' (date/partition); move it or exclude it",
            },
            crawl.Result.SkippedFiles.Select(s => $"{s.Path}: {s.Reason}"));
    }

    [Fact]
    public async Task Mixed_value_types_across_partitions_widen_to_a_type_that_holds_both()
    {
        using var crawl = await CrawledFolder.CreateAsync(CsvFolder, "hive");

        Assert.Equal(new[] { "a string", "b string" }, crawl.Table("mismatching_types").StorageDescriptor.Columns.Select(c => $"{c.Name} {c.Type}"));
        Assert.Equal(new[] { "a int", "b string" }, crawl.Table("mismatching_contents").StorageDescriptor.Columns.Select(c => $"{c.Name} {c.Type}"));
        Assert.Equal(new[] { "a int", "c date" }, crawl.Table("mismatching_contents_2").StorageDescriptor.Columns.Select(c => $"{c.Name} {c.Type}"));
    }

    [Fact]
    public async Task An_unpartitioned_csv_gets_its_column_types_and_record_count()
    {
        using var crawl = await CrawledFolder.CreateAsync(CsvFolder, "hive");

        var table = crawl.Table("hive_types");

        Assert.Equal(
            new[]
            {
                "season int", "overall int", "episode int", "title string", "director string", "writer string",
                "aired date", "code string", "viewers decimal(10,2)", "seen boolean",
            },
            table.StorageDescriptor.Columns.Select(c => $"{c.Name} {c.Type}"));
        var dataLines = File.ReadLines(Path.Combine(CsvFolder, "hive_types", "himym.csv")).Count() - 1;
        Assert.Equal(dataLines.ToString(System.Globalization.CultureInfo.InvariantCulture), table.Parameter("recordCount"));
    }

    [Fact]
    public async Task Loading_a_partitioned_corpus_table_returns_each_row_with_its_partition_values()
    {
        using var crawl = await CrawledFolder.CreateAsync(CsvFolder, "hive");

        var frame = (await crawl.LoadAsync("simple")).Frame;

        Assert.Equal(
            new[] { "1|value1|a|2012-01-01", "2|value2|b|2013-01-01" },
            frame.Rows.Select(r => string.Join('|', r.Select(CrawledFolder.Text))));
    }
}
