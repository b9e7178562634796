using DevEndpoint.Transforms;

namespace DevEndpoint.Tests.Transforms;

/// <summary>Transforms on frames loaded from real files through the crawler and the loader.</summary>
public sealed class CrawledTableTransformsTests : IDisposable
{
    private readonly TempFolder temp = new();

    [Fact]
    public async Task A_crawled_choice_column_is_settled_with_its_catalog_column_then_mapped()
    {
        temp.Write("lake/prices/a.csv", "id,price,label\n1,10,alpha\n2,abc,beta\n3,12,gamma\n");
        using var crawled = await CrawledFolder.CreateAsync(temp.Combine("lake"), "shop");
        var table = crawled.Table("prices");
        var frame = (await crawled.LoadAsync("prices")).Frame;

        var price = table.AllColumns.Single(c => c.Name == "price");
        var resolved = frame.ResolveChoice(price, "make_cols");
        var mapped = resolved.Frame.ApplyMapping(("id", "int", "id", "bigint"), ("price_int", "int", "price", "decimal(10,2)"));

        Assert.Equal(["id", "price_int", "price_string", "label"], Frames.Names(resolved.Frame));
        Assert.Equal([null, "abc", null], resolved.Frame["price_string"].Cast<string?>());
        Assert.Equal([new object?[] { 1L, 10m }, new object?[] { 2L, null }, new object?[] { 3L, 12m }], Frames.Rows(mapped.Frame));
        Assert.Equal(0, resolved.ErrorCount + mapped.ErrorCount);
    }

    public void Dispose() => temp.Dispose();
}
