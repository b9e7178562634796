using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using Microsoft.DotNet.Interactive.Formatting;

namespace DevEndpoint.Interactive.Views;

/// <summary>
/// HTML formatters for the core API's results, so a C# cell that calls the API directly
/// (<c>await new Crawler(catalog).CrawlAsync(...)</c>) shows the same views as the magics.
/// </summary>
public static class CatalogFormatters
{
    private static int registered;

    /// <summary>Registers the formatters once per process; later calls do nothing.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 1)
        {
            return;
        }

        Formatter.Register<CrawlResult>((result, writer) => writer.Write(CatalogViews.CrawlSummary(result)), HtmlFormatter.MimeType);
        Formatter.Register<CatalogTable>((table, writer) => writer.Write(CatalogViews.Table(table, [])), HtmlFormatter.MimeType);
    }
}
