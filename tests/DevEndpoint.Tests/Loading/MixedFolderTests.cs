using System.IO.Compression;
using System.Text;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Loading;
using DevEndpoint.Samples;

namespace DevEndpoint.Tests.Loading;

public sealed class MixedFolderTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Each_table_of_a_folder_of_mixed_formats_loads_only_its_own_files()
    {
        await SampleLake.WriteAsync(temp.Combine("sample"));
        Directory.CreateDirectory(temp.Combine("lake", "events"));
        File.Copy(temp.Combine("sample", "products", "products.parquet"), temp.Combine("lake", "events", "products.parquet"));
        temp.Write("lake/events/plain.csv", "id,kind\n1,click\n2,view\n");
        await File.WriteAllBytesAsync(temp.Combine("lake", "events", "zipped.csv.gz"), Gzip("id,kind\n3,click\n4,view\n5,view\n"));
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));

        var crawl = await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" });
        var loader = new TableLoader(catalog);

        Assert.Equal(
            new[] { "zipped_csv_gz csv 3", "plain_csv csv 2", "products_parquet parquet 8" },
            crawl.Tables.Select(t => $"{t.Name} {t.Classification} {t.RecordCount}"));
        Assert.Equal(3, (await loader.LoadAsync("lake.zipped_csv_gz")).Frame.Rows.Count);
        Assert.Equal(2, (await loader.LoadAsync("lake.plain_csv")).Frame.Rows.Count);
        Assert.Equal(8, (await loader.LoadAsync("lake.products_parquet")).Frame.Rows.Count);
    }

    [Fact]
    public async Task A_corrupt_gzip_file_fails_the_load_naming_the_file()
    {
        var good = Gzip("id,kind\n1,click\n2,view\n");
        Directory.CreateDirectory(temp.Combine("lake", "events"));
        await File.WriteAllBytesAsync(temp.Combine("lake", "events", "a.csv.gz"), good);
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" });
        var broken = temp.Combine("lake", "events", "b.csv.gz");
        await File.WriteAllBytesAsync(broken, [.. good.Take(10), .. Encoding.ASCII.GetBytes("not deflate data at all")]);

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => new TableLoader(catalog).LoadAsync("lake.events"));

        Assert.StartsWith($"{broken}: cannot be read as gzip-compressed csv (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("). Replace the file, or leave it out with --exclude and crawl again.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_corrupt_file_of_another_codec_names_that_codec()
    {
        using var compressor = new ZstdSharp.Compressor();
        var good = compressor.Wrap(Encoding.UTF8.GetBytes("id,kind\n1,click\n2,view\n")).ToArray();
        Directory.CreateDirectory(temp.Combine("lake", "events"));
        await File.WriteAllBytesAsync(temp.Combine("lake", "events", "a.csv.zst"), good);
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" });
        var broken = temp.Combine("lake", "events", "b.csv.zst");
        await File.WriteAllBytesAsync(broken, [.. good.Take(6), .. Encoding.ASCII.GetBytes("not zstd frames at all, just text")]);

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => new TableLoader(catalog).LoadAsync("lake.events"));

        Assert.StartsWith($"{broken}: cannot be read as zstd-compressed csv (", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }
}
