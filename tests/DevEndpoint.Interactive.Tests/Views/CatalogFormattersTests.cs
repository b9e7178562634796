using DevEndpoint.Catalog;
using Microsoft.DotNet.Interactive.Events;

namespace DevEndpoint.Interactive.Tests.Views;

public sealed class CatalogFormattersTests
{
    [Fact]
    public async Task A_table_returned_by_the_core_api_in_a_csharp_cell_renders_as_html()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();

        var result = await fixture.SubmitAsync(
            $"DevEndpoint.Catalog.DataCatalog.Open(@\"{fixture.CatalogPath}\").GetTable(DevEndpoint.Catalog.TableName.Parse(\"sales.products\"))");

        KernelFixture.AssertSucceeded(result);
        var html = Assert.Single(result.Events.OfType<ReturnValueProduced>()).FormattedValues.Single(v => v.MimeType == "text/html").Value;
        Assert.Contains("sales.products: parquet at", html);
        Assert.Contains("<tr><td style=\"text-align:left\">price</td><td style=\"text-align:left\">decimal(10,2)</td><td style=\"text-align:left\"></td></tr>", html);
        Assert.Equal(typeof(CatalogTable), Assert.Single(result.Events.OfType<ReturnValueProduced>()).Value.GetType());
    }
}
