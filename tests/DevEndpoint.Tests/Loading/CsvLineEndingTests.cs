using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Loading;

namespace DevEndpoint.Tests.Loading;

public sealed class CsvLineEndingTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    public async Task Line_ends_end_records_and_stay_inside_quoted_fields(string lineEnd)
    {
        temp.Write("lake/notes/a.csv", string.Join(lineEnd, "id,note", $"1,\"first{lineEnd}second\"", "2,plain", string.Empty));
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" });

        var frame = (await new TableLoader(catalog).LoadAsync("lake.notes")).Frame;

        Assert.Equal(new[] { "id int", "note string" }, catalog.GetTable(TableName.Parse("lake.notes")).StorageDescriptor.Columns.Select(c => $"{c.Name} {c.Type}"));
        Assert.Equal(new object[] { 1, $"first{lineEnd}second" }, frame.Rows[0].ToArray());
        Assert.Equal(new object[] { 2, "plain" }, frame.Rows[1].ToArray());
        Assert.Equal(2, frame.Rows.Count);
    }

    [Fact]
    public async Task A_byte_order_mark_is_not_part_of_the_first_column_name()
    {
        var path = temp.Combine("lake", "notes", "a.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, "id,note\n1,x\n", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" });

        var frame = (await new TableLoader(catalog).LoadAsync("lake.notes")).Frame;

        Assert.Equal(new[] { "id", "note" }, frame.Columns.Select(c => c.Name));
        Assert.Equal(1, frame.Columns["id"][0]);
    }
}
