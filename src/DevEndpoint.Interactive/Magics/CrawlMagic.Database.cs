using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Interactive.Views;
using DevEndpoint.Sources;
using Microsoft.DotNet.Interactive;

namespace DevEndpoint.Interactive.Magics;

/// <summary><c>#!crawl --connection &lt;name&gt; --include &lt;path&gt;[,&lt;path&gt;...] --database &lt;db&gt;</c>: a database crawl.</summary>
public sealed partial class CrawlMagic
{
    private static async Task<CrawlResult> CrawlDatabaseAsync(CrawlRequest request, DataCatalog catalog, KernelInvocationContext context)
    {
        var result = await request.RunAsync(catalog, cancellationToken: context.CancellationToken);
        MagicSupport.DisplayHtml(context, ConnectionViews.CrawlSummary(result));
        return result;
    }
}
