using DevEndpoint.Catalog;
using DevEndpoint.Connections;
using DevEndpoint.Crawling;
using DevEndpoint.Sources.Databases;

namespace DevEndpoint.Interactive.Views;

/// <summary>HTML views of the catalog's connections (where secrets come from, never the secrets) and of database crawls.</summary>
internal static class ConnectionViews
{
    public static string Connections(string catalogPath, IReadOnlyList<Connection> connections) =>
        new HtmlTable()
            .Heading($"Connections in {catalogPath}")
            .Table(ConnectionSettings.Header, connections.Select(ConnectionSettings.Row))
            .Paragraph(connections.Count == 0
                ? "No connections yet: add one with #!connection add <name> --type postgres|mysql|sqlite|s3 --url ... [--user ...] [--password-env VAR]."
                : "Check one with #!connection test <name>; crawl a database with #!crawl --connection <name> --include <database>/<schema>/% --database <catalog database>.")
            .ToString();

    public static string CrawlSummary(CrawlResult result)
    {
        var html = new HtmlTable()
            .Heading(DatabaseCrawlTable.Heading(result.Run))
            .Paragraph(DatabaseCrawlTable.Counts(result.Run))
            .Table(DatabaseCrawlTable.Header, result.Tables.Select(DatabaseCrawlTable.Row));
        if (result.Notices.Count > 0)
        {
            html.Heading($"Reported changes ({result.Notices.Count})")
                .Table(["table", "change"], result.Notices.Select(n => new[] { n.Table, n.Message }));
        }

        return html.ToString();
    }
}
