using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;

namespace DevEndpoint.Interactive.Views;

/// <summary>
/// HTML formatters for the core API's results, so a C# cell that calls the API directly
/// (<c>await new Crawler(catalog).CrawlAsync(...)</c>) shows the same views as the magics.
/// A DataFrame shows as a table of its first rows, with ISO dates, long text shortened and numbers aligned right, in
/// HTML and in plain text (<c>devendpoint run</c> prints it).
/// </summary>
internal static class CatalogFormatters
{
    private static readonly ITypeFormatter[] Formatters =
    [
        new HtmlFormatter<CrawlResult>((result, context) => context.Writer.Write(CatalogViews.CrawlSummary(result))),
        new HtmlFormatter<CatalogTable>((table, context) => context.Writer.Write(CatalogViews.Table(table, []))),
        new HtmlFormatter<DataFrame>((frame, context) => context.Writer.Write(FrameViews.Html(frame))),
        new PlainTextFormatter<DataFrame>((frame, context) => context.Writer.Write(FrameViews.Text(frame))),
    ];

    /// <summary>
    /// Registers the formatters unless they already come first: calling it again does nothing, except after another
    /// extension (Microsoft.Data.Analysis registers its own DataFrame table) or a reset took their place.
    /// </summary>
    public static void Register()
    {
        var registered = Formatter.RegisteredFormatters(includeDefaults: false).ToList();
        if (Formatters.All(f => registered.FirstOrDefault(r => r.Type == f.Type && r.MimeType == f.MimeType) == f))
        {
            return;
        }

        foreach (var formatter in Formatters)
        {
            Formatter.Register(formatter);
        }

        Formatter.SetPreferredMimeTypesFor(typeof(DataFrame), HtmlFormatter.MimeType, PlainTextFormatter.MimeType);
    }
}
