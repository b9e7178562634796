using System.Data.Common;
using System.Globalization;

namespace DevEndpoint.Catalog;

/// <summary>
/// What the catalog keeps in DevEndpoint's own form (connections, custom classifiers, crawl runs), as the responses of
/// Glue's API: <c>GetConnections</c>, <c>GetClassifiers</c>, <c>ListCrawls</c> and <c>GetCrawlerMetrics</c>. Glue's members
/// come first; what DevEndpoint has more to say sits beside them under names Glue's model does not use (each listed in
/// docs/catalog.md).
/// </summary>
internal static class GlueResponses
{
    /// <summary>
    /// <c>{"ConnectionList":[...]}</c>: databases as <c>JDBC</c> connections with <c>JDBC_CONNECTION_URL</c> and
    /// <c>USERNAME</c>, object stores as <c>CUSTOM</c> ones with <c>CONNECTION_URL</c>; never a secret. Beside them:
    /// <c>Type</c> (postgres, mysql, sqlite, s3), <c>Url</c> (the connection string as given), <c>SecretSource</c>,
    /// <c>Region</c> and <c>Parameters</c>.
    /// </summary>
    public static ConnectionsResponse Connections(IEnumerable<Connection> connections) => new(connections.Select(Connection).ToList());

    /// <summary>
    /// <c>{"Classifiers":[{"CsvClassifier":{...}}, {"GrokClassifier":{...}}, {"JsonClassifier":{...}}, {"XMLClassifier":{...}}]}</c>,
    /// with <c>ContainsHeader</c> as <c>PRESENT</c>, <c>ABSENT</c> or <c>UNKNOWN</c>.
    /// </summary>
    public static ClassifiersResponse Classifiers(IEnumerable<CustomClassifier> classifiers) => new(classifiers.Select(Classifier).ToList());

    /// <summary>
    /// <c>{"Crawls":[...], "CrawlerMetricsList":[...]}</c>: the runs newest first as Glue's <c>CrawlerHistory</c>, and per
    /// database (a crawl into a database is DevEndpoint's crawler of that name) Glue's <c>CrawlerMetrics</c>.
    /// </summary>
    public static CrawlsResponse Crawls(IReadOnlyList<CrawlRun> runs) => new(
        runs.Select(CrawlerHistory).ToList(),
        runs.GroupBy(r => r.DatabaseName, StringComparer.Ordinal).Select(g => CrawlerMetrics(g.ToList())).ToList());

    /// <summary>
    /// One run as Glue's <c>CrawlerHistory</c>: <c>CrawlId</c>, <c>State</c> <c>COMPLETED</c>, start and end, and a
    /// <c>Summary</c> in Glue's JSON form (tables and partitions added, updated and deleted). Beside them:
    /// <c>DatabaseName</c>, <c>Location</c>, <c>DurationSeconds</c>, <c>SampleFiles</c>, <c>Metrics</c> (the run's
    /// file, byte, table and partition counts) and <c>Errors</c> (the files skipped, with reasons).
    /// </summary>
    public static GlueCrawlerHistory CrawlerHistory(CrawlRun run) => new(
        CrawlId: run.RunId,
        State: "COMPLETED",
        run.StartTime,
        run.EndTime,
        Summary: string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"TABLE\":{{\"ADD\":{{\"Count\":{run.TablesCreated}}},\"UPDATE\":{{\"Count\":{run.TablesUpdated}}},\"DELETE\":{{\"Count\":{run.TablesDeleted}}}}},\"PARTITION\":{{\"ADD\":{{\"Count\":{run.PartitionsAdded}}},\"DELETE\":{{\"Count\":{run.PartitionsDeleted}}}}}}}"),
        run.DatabaseName,
        run.Location,
        DurationSeconds: Seconds(run.Duration),
        run.SampleFiles,
        Metrics: new(
            run.FilesListed,
            run.FilesScanned,
            run.FilesClassified,
            run.FilesSkipped,
            run.FilesExcluded,
            run.BytesScanned,
            run.BytesRead,
            run.TablesCreated,
            run.TablesUpdated,
            run.TablesUnchanged,
            run.TablesDeprecated,
            run.TablesDeleted,
            run.PartitionsAdded,
            run.PartitionsDeleted,
            run.SchemaChangesLogged),
        run.Errors);

    /// <summary>
    /// Glue's <c>CrawlerMetrics</c> of the crawls into one database, <paramref name="runs"/> newest first: the last run's
    /// duration and table counts, the median duration; a finished crawl has no time left.
    /// </summary>
    public static GlueCrawlerMetrics CrawlerMetrics(IReadOnlyList<CrawlRun> runs)
    {
        var last = runs[0];
        var durations = runs.Select(r => Seconds(r.Duration)).Order().ToList();
        var median = durations.Count % 2 == 1 ? durations[durations.Count / 2] : (durations[(durations.Count / 2) - 1] + durations[durations.Count / 2]) / 2;
        return new(
            CrawlerName: last.DatabaseName,
            TimeLeftSeconds: 0.0,
            StillEstimating: false,
            LastRuntimeSeconds: Seconds(last.Duration),
            MedianRuntimeSeconds: Math.Round(median, 3),
            last.TablesCreated,
            last.TablesUpdated,
            last.TablesDeleted);
    }

    private static GlueConnection Connection(Connection connection)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        if (ConnectionTypes.IsDatabase(connection.Type))
        {
            properties["JDBC_CONNECTION_URL"] = JdbcUrl(connection);
            if (connection.User is { } user)
            {
                properties["USERNAME"] = user;
            }
        }
        else
        {
            properties["CONNECTION_URL"] = connection.Url;
        }

        return new(
            connection.Name,
            ConnectionType: ConnectionTypes.IsDatabase(connection.Type) ? "JDBC" : "CUSTOM",
            ConnectionProperties: properties,
            connection.Type,
            connection.Url,
            connection.SecretSource,
            connection.Region,
            Parameters: connection.Parameters.Count == 0 ? null : connection.Parameters);
    }

    /// <summary>The JDBC form of a database connection's ADO.NET connection string (no password: the catalog holds none).</summary>
    private static string JdbcUrl(Connection connection)
    {
        if (!connection.Url.Contains('=', StringComparison.Ordinal))
        {
            return $"jdbc:sqlite:{connection.Url}";
        }

        var settings = new DbConnectionStringBuilder { ConnectionString = connection.Url };
        string? Setting(params string[] keys) =>
            keys.Select(k => settings.TryGetValue(k, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : null).FirstOrDefault(v => !string.IsNullOrEmpty(v));
        if (connection.Type == ConnectionTypes.Sqlite)
        {
            return $"jdbc:sqlite:{Setting("Data Source", "DataSource", "Filename")}";
        }

        var port = Setting("Port") is { } number ? $":{number}" : string.Empty;
        var scheme = connection.Type == ConnectionTypes.Postgres ? "postgresql" : "mysql";
        return $"jdbc:{scheme}://{Setting("Host", "Server", "Data Source")}{port}/{Setting("Database", "Initial Catalog")}";
    }

    private static GlueClassifier Classifier(CustomClassifier classifier) => classifier switch
    {
        CsvCustomClassifier csv => new()
        {
            CsvClassifier = new(
                csv.Name,
                csv.Delimiter,
                csv.QuoteSymbol,
                ContainsHeader: csv.ContainsHeader.ToString().ToUpperInvariant(),
                Header: csv.Header.Count == 0 ? null : csv.Header,
                CustomDatatypeConfigured: csv.CustomDatatypes.Count == 0 ? null : true,
                CustomDatatypes: csv.CustomDatatypes.Count == 0 ? null : csv.CustomDatatypes),
        },
        GrokCustomClassifier grok => new() { GrokClassifier = new(grok.Name, grok.Classification, grok.GrokPattern, grok.CustomPatterns) },
        JsonCustomClassifier json => new() { JsonClassifier = new(json.Name, json.JsonPath) },
        XmlCustomClassifier xml => new() { XMLClassifier = new(xml.Name, xml.Classification, xml.RowTag) },
        _ => throw new ArgumentException($"Unknown kind of classifier: {classifier.GetType().Name}.", nameof(classifier)),
    };

    private static double Seconds(TimeSpan duration) => Math.Round(duration.TotalSeconds, 3);
}
