using System.IO.Compression;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Formats;

namespace DevEndpoint.Tests.Formats.Compression;

public sealed class CompressionTests
{
    private const string Csv = "id,name,price\n1,apple,1.25\n2,pear,0.5\n3,plum,2.75\n";

    [Theory]
    [InlineData("gzip")]
    [InlineData("bzip2")]
    [InlineData("zstd")]
    [InlineData("deflate")]
    [InlineData("snappy")]
    [InlineData("zip")]
    public async Task A_compressed_csv_is_recognised_by_its_magic_bytes_whatever_its_name(string compression)
    {
        using var folder = new TempFolder();
        var path = CompressedFiles.Write(folder, "data.csv.bin", compression, Csv);

        var schema = await FileClassifier.ClassifyAsync(path, new SampleOptions());

        Assert.NotNull(schema);
        Assert.Equal(("csv", compression), (schema.Classification, schema.Compression));
        Assert.Equal([new Column("id", "int"), new Column("name", "string"), new Column("price", "decimal(10,2)")], schema.Columns);
        Assert.Equal(3, schema.RecordCount);
    }

    [Theory]
    [InlineData("x^2 + y\n1\n")]
    [InlineData("x\u0001")]
    [InlineData("BZ\n")]
    [InlineData("PK,x\n1,2\n")]
    public void Text_that_starts_like_a_magic_number_is_not_taken_for_compressed(string text) =>
        Assert.Equal("none", DevEndpoint.Formats.Compression.Detect(System.Text.Encoding.UTF8.GetBytes(text)));

    [Fact]
    public async Task A_truncated_gzip_file_is_a_bad_file_with_its_reason()
    {
        using var folder = new TempFolder();
        var whole = CompressedFiles.Write(folder, "whole.csv.gz", "gzip", string.Concat(Enumerable.Repeat(Csv, 200)));
        var path = folder.Combine("truncated.csv.gz");
        File.WriteAllBytes(path, File.ReadAllBytes(whole)[..40]);

        var error = await Assert.ThrowsAsync<BadFileException>(() => FileClassifier.ClassifyAsync(path, new SampleOptions()));

        Assert.Equal(path, error.Path);
        Assert.Equal("cannot decompress it as gzip (the file ends before its compressed data does: it is truncated).", error.Reason);
    }

    [Theory]
    [InlineData("bzip2", "cannot decompress it as bzip2 (the file ends before its compressed data does: it is truncated).")]
    [InlineData("zstd", "cannot decompress it as zstd (the file ends before its compressed data does: it is truncated).")]
    [InlineData("deflate", "cannot decompress it as deflate (the file ends before its compressed data does: it is truncated).")]
    [InlineData("snappy", "cannot decompress it as snappy (the file ends before its compressed data does: it is truncated).")]
    [InlineData("zip", "cannot decompress it as zip (its central directory, at the end of a zip file, is missing: the file is truncated or not a zip archive).")]
    public async Task A_truncated_compressed_file_is_a_bad_file_with_its_reason(string compression, string reason)
    {
        using var folder = new TempFolder();
        var whole = CompressedFiles.Write(folder, "whole.csv", compression, string.Concat(Enumerable.Range(0, 3000).Select(i => $"{i},name {i * 7919 % 1000},{i * 31 % 97}.5\n")));
        var path = folder.Combine("truncated.csv");
        var bytes = File.ReadAllBytes(whole);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var error = await Assert.ThrowsAsync<BadFileException>(() => FileClassifier.ClassifyAsync(path, new SampleOptions()));

        Assert.Equal(reason, error.Reason);
    }

    [Fact]
    public async Task A_crawl_reports_a_truncated_snappy_file_and_catalogues_the_whole_one_beside_it()
    {
        using var folder = new TempFolder();
        var text = string.Concat(Enumerable.Range(0, 3000).Select(i => $"{i},name {i * 7919 % 1000},{i * 31 % 97}.5\n"));
        var whole = CompressedFiles.Write(folder, "lake/events/a.csv.snappy", "snappy", text);
        var bytes = File.ReadAllBytes(whole);
        File.WriteAllBytes(folder.Combine("lake", "events", "b.csv.snappy"), bytes[..(bytes.Length - 10)]);

        var result = await new Crawler(DataCatalog.Open(folder.Combine("catalog.db")))
            .CrawlAsync(new CrawlOptions { Path = folder.Combine("lake"), Database = "lake" });

        var skipped = Assert.Single(result.SkippedFiles);
        Assert.Equal(
            "events/b.csv.snappy: cannot decompress it as snappy (the file ends before its compressed data does: it is truncated).",
            $"{skipped.Path}: {skipped.Reason}");
        Assert.Equal("events 1 files 3000 records", $"{Assert.Single(result.Tables).Name} {result.Tables[0].Files} files {result.Tables[0].RecordCount} records");
    }

    [Fact]
    public async Task Junk_after_a_gzip_magic_is_a_bad_file_with_its_reason()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("junk.gz");
        File.WriteAllBytes(path, [0x1f, 0x8b, .. "this is not deflate data at all"u8]);

        var error = await Assert.ThrowsAsync<BadFileException>(() => FileClassifier.ClassifyAsync(path, new SampleOptions()));

        Assert.Equal("cannot decompress it as gzip (the gzip data is corrupt: Error GZIP header, data not in deflate format).", error.Reason);
    }

    [Fact]
    public async Task A_zip_file_holding_several_files_is_a_bad_file_naming_them()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("two.zip");
        using (var archive = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            foreach (var name in new[] { "a.csv", "b.csv" })
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open());
                writer.Write(Csv);
            }
        }

        var error = await Assert.ThrowsAsync<BadFileException>(() => FileClassifier.ClassifyAsync(path, new SampleOptions()));

        Assert.Equal(
            "cannot decompress it as zip (the archive holds 2 files (a.csv, b.csv), but a zip file must hold exactly one. Unzip it, or zip each file on its own).",
            error.Reason);
    }

    [Theory]
    [InlineData("duckdb/data/csv/zstd/lineitem1k.tbl.zst", "zstd")]
    [InlineData("duckdb/data/json/example_rn.ndjson.gz", "gzip")]
    [InlineData("arrow-testing/data/csv/aggregate_test_100.csv.gz", "gzip")]
    public async Task Compressed_corpus_files_are_classified_through_their_compression(string file, string compression)
    {
        var schema = await FileClassifier.ClassifyAsync(Corpora.Path(file.Split('/')), new SampleOptions());

        Assert.NotNull(schema);
        Assert.Equal(compression, schema.Compression);
        Assert.NotEmpty(schema.Columns);
    }
}
