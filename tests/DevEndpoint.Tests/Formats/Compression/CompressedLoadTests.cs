namespace DevEndpoint.Tests.Formats.Compression;

public sealed class CompressedLoadTests
{
    [Theory]
    [InlineData("zstd")]
    [InlineData("bzip2")]
    [InlineData("snappy")]
    [InlineData("zip")]
    public async Task A_crawled_compressed_csv_table_loads_through_its_compression(string compression)
    {
        using var folder = new TempFolder();
        CompressedFiles.Write(folder, "prices/part-0.csv", compression, "id,name,price\n1,apple,1.25\n2,pear,0.5\n");
        CompressedFiles.Write(folder, "prices/part-1.csv", compression, "id,name,price\n3,plum,2.75\n");
        using var crawled = await CrawledFolder.CreateAsync(folder.Path, "shop");

        var result = await crawled.LoadAsync("prices");

        Assert.Equal(compression, crawled.Table("prices").Parameter("compressionType"));
        Assert.Equal(new[] { "id", "name", "price" }, result.Frame.Columns.Select(c => c.Name));
        Assert.Equal(new object[] { 1, 2, 3 }, result.Frame.Columns["id"].Cast<object>());
        Assert.Equal(new object[] { "apple", "pear", "plum" }, result.Frame.Columns["name"].Cast<object>());
    }
}
