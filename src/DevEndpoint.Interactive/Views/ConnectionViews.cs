using DevEndpoint.Connections;

namespace DevEndpoint.Interactive.Views;

/// <summary>HTML views of the catalog's connections; they show where secrets come from, never the secrets.</summary>
public static class ConnectionViews
{
    public static string Connections(string catalogPath, IReadOnlyList<Connection> connections) =>
        new HtmlTable()
            .Heading($"Connections in {catalogPath}")
            .Table(ConnectionSettings.Header, connections.Select(ConnectionSettings.Row))
            .Paragraph(connections.Count == 0
                ? "No connections yet: add one with #!connection add <name> --type postgres|mysql|sqlite|s3 --url ... [--user ...] [--password-env VAR]."
                : "Check one with #!connection test <name>; crawl a database with #!crawl --connection <name> --include <database>/<schema>/% --database <catalog database>.")
            .ToString();
}
