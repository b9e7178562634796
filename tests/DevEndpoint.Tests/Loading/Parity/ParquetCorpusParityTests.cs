namespace DevEndpoint.Tests.Loading.Parity;

/// <summary>
/// Every Parquet file of parquet-testing's <c>data/</c> and arrow-testing's <c>data/parquet/</c>, crawled and loaded,
/// compared cell by cell with DuckDB's <c>read_parquet</c> (struct leaves as <c>a.b</c> columns, lists and maps as JSON).
/// </summary>
public sealed class ParquetCorpusParityTests
{
    public static TheoryData<string> Files => [.. AllFiles().Where(f => !Skipped.ContainsKey(f))];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task A_loaded_parquet_file_has_the_cells_duckdb_reads(string file)
    {
        using var crawled = await CrawledFiles.LoadAsync((Path.GetFileName(file), await File.ReadAllBytesAsync(Corpora.Path(file.Split('/')))));

        var (names, rows) = DuckDb.Query(
            $"SELECT {CrawledFiles.SelectList(crawled.Table.StorageDescriptor.Columns, cast: false)} FROM read_parquet({DuckDb.Literal(Path.Combine(crawled.TablePath, Path.GetFileName(file)))})");

        Cells.AssertSame(crawled.Frame, names, rows, file, crawled.JsonColumns);
    }

    /// <summary>The skipped files DevEndpoint cannot read, but the one too slow to try (large_string_map).</summary>
    public static TheoryData<string> Unreadable => [.. Skipped.Keys.Where(f => !f.Contains("large_string_map", StringComparison.Ordinal) && !f.Contains("non_hadoop_lz4", StringComparison.Ordinal))];

    /// <summary>Keeps the skip list honest: a file that a newer Parquet.Net reads must move back into the comparison.</summary>
    [Theory]
    [MemberData(nameof(Unreadable))]
    public async Task A_skipped_parquet_file_is_still_left_out_by_the_crawl_or_fails_to_load(string file)
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Combine("t"));
        File.Copy(Corpora.Path(file.Split('/')), folder.Combine("t", Path.GetFileName(file)));
        using var lake = await CrawledFolder.CreateAsync(folder.Path, "parity");

        if (lake.Result.Tables.Count > 0)
        {
            await Assert.ThrowsAsync<DevEndpointException>(() => lake.LoadAsync("t"));
        }
        else
        {
            Assert.Single(lake.Result.SkippedFiles);
        }
    }

    private static IEnumerable<string> AllFiles() =>
        Directory.EnumerateFiles(Corpora.Path("parquet-testing", "data"), "*.parquet")
            .Concat(Directory.EnumerateFiles(Corpora.Path("arrow-testing", "data", "parquet"), "*.parquet", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(Corpora.Path(), f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    /// <summary>
    /// Files left out of the comparison, each with the reason. All but the last two are limits of Parquet.Net 6.1, which
    /// DevEndpoint reads Parquet with: the crawl skips a file whose footer it cannot read (with that reason), and a load
    /// of the others fails naming the file.
    /// </summary>
    private static readonly Dictionary<string, string> Skipped = new(StringComparer.Ordinal)
    {
        // The crawl skips them: "type System.Half is not supported" (float16 columns).
        ["arrow-testing/data/parquet/alltypes-java.parquet"] = "float16 column",
        ["parquet-testing/data/byte_stream_split_extended.gzip.parquet"] = "float16 column",
        ["parquet-testing/data/float16_nonzeros_and_nans.parquet"] = "float16 column",
        ["parquet-testing/data/float16_zeros_and_nans.parquet"] = "float16 column",
        ["parquet-testing/data/floating_orders_nan_count.parquet"] = "float16 column",

        // The crawl skips them: Parquet.Net rejects their footers.
        ["parquet-testing/data/dict-page-offset-zero.parquet"] = "\"Invalid data in Thrift header\" (dictionary page offset 0)",
        ["parquet-testing/data/map_no_value.parquet"] = "\"dictionary container must have exactly 2 children but 1 found\" (a map without values)",
        ["parquet-testing/data/repeated_no_annotation.parquet"] = "\"Implicit list with multiple children is currently not supported\"",

        // The load fails: Parquet.Net cannot decode their pages.
        ["arrow-testing/data/parquet/ARROW-17100.parquet"] = "Hadoop-framed LZ4 pages (\"Specified argument was out of the range of valid values\")",
        ["parquet-testing/data/hadoop_lz4_compressed.parquet"] = "Hadoop-framed LZ4 pages",
        ["parquet-testing/data/hadoop_lz4_compressed_larger.parquet"] = "Hadoop-framed LZ4 pages",
        ["parquet-testing/data/datapage_v2.snappy.parquet"] = "its RLE boolean column 'd' in v2 data pages (\"Attempted to divide by zero\", in a fresh process too)",
        ["parquet-testing/data/datapage_v2_empty_datapage.snappy.parquet"] = "an empty v2 data page it still tries to uncompress (\"Incomplete Snappy block\")",
        ["parquet-testing/data/int96_from_spark.parquet"] = "INT96 timestamps outside DateTime's range (\"un-representable DateTime\")",
        ["parquet-testing/data/nested_structs.rust.parquet"] = "\"Value to add was out of range\" while reading its columns",

        // Its 2 GiB map of very large strings does not fit in memory once assembled.
        ["parquet-testing/data/large_string_map.brotli.parquet"] = "out of memory assembling a map of very large strings",

        // DuckDB cannot read it: "Unsupported compression codec \"LZ4\"" (the deprecated LZ4 codec).
        ["parquet-testing/data/non_hadoop_lz4_compressed.parquet"] = "DuckDB does not read the deprecated LZ4 codec",
    };
}
