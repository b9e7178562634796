using DevEndpoint.Catalog;

namespace DevEndpoint.Tests.Crawling;

/// <summary>The Hive-partitioned Parquet folders of DuckDB's test data (corpora/duckdb/data/parquet-testing/hive-partitioning).</summary>
public sealed class DuckDbParquetHivePartitioningTests
{
    private static string ParquetFolder => Corpora.Path("duckdb", "data", "parquet-testing", "hive-partitioning");

    [Fact]
    public async Task Parquet_hive_folders_with_a_repeated_key_are_skipped_and_the_rest_load()
    {
        using var crawl = await CrawledFolder.CreateAsync(ParquetFolder, "hive");

        Assert.Equal(
            new[] { "duplicate_names/x=1/x=2/test.parquet", "duplicate_names/x=2/x=1/test.parquet" },
            crawl.Result.SkippedFiles.Where(s => s.Reason.Contains("more than once", StringComparison.Ordinal)).Select(s => s.Path));
        Assert.DoesNotContain(crawl.Result.Tables, t => t.Name == "duplicate_names");
        foreach (var table in crawl.Result.Tables)
        {
            var loaded = await crawl.LoadAsync(table.Name);
            Assert.Equal(table.RecordCount, loaded.Frame.Rows.Count);
        }
    }

    [Fact]
    public async Task A_partition_holding_csv_and_parquet_files_loads_each_into_its_own_table()
    {
        using var crawl = await CrawledFolder.CreateAsync(ParquetFolder, "hive");

        var csv = (await crawl.LoadAsync("missing")).Frame;
        var parquet = await crawl.LoadAsync("missing_parquet");

        Assert.Equal(("csv", "parquet"), (crawl.Table("missing").Parameter("classification"), crawl.Table("missing_parquet").Parameter("classification")));
        Assert.Equal(new[] { "2|value2|b|2013-01-01", "3|value3|c|2014-01-01" }, csv.Rows.Select(r => string.Join('|', r.Select(CrawledFolder.Text))));
        Assert.Equal(2, parquet.FilesRead);
        Assert.Equal(new[] { "c", "d" }, parquet.Frame.Columns["part"].Cast<string>().Distinct());
    }

    [Fact]
    public async Task A_parquet_column_that_is_also_a_partition_key_takes_the_folder_value()
    {
        using var crawl = await CrawledFolder.CreateAsync(ParquetFolder, "hive");

        var table = crawl.Table("hive_col_also_in_file");
        var frame = (await crawl.LoadAsync("hive_col_also_in_file")).Frame;

        Assert.Equal(new[] { "b int" }, table.StorageDescriptor.Columns.Select(c => $"{c.Name} {c.Type}"));
        Assert.Equal(new[] { "2|5", "4|6" }, frame.Rows.Select(r => string.Join('|', r.Select(CrawledFolder.Text))));
    }

    [Fact]
    public async Task Partition_keys_are_lower_cased_from_upper_case_folder_names()
    {
        using var crawl = await CrawledFolder.CreateAsync(ParquetFolder, "hive");

        var table = crawl.Table("ci_column_names");

        Assert.Equal("col1", Assert.Single(table.PartitionKeys).Name);
        Assert.Equal(
            new[] { "Hannes", "Mark" },
            crawl.Catalog.GetPartitions(TableName.Parse("hive.ci_column_names")).Select(p => Assert.Single(p.Values)));
    }
}
