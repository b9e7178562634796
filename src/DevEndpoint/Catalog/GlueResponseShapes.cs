namespace DevEndpoint.Catalog;

// The shapes GlueResponses returns, named so that their JSON is generated at build time (CatalogJsonContext): members in
// the order they are written, null members left out.

/// <summary>Glue's <c>GetConnections</c> response.</summary>
internal sealed record ConnectionsResponse(IReadOnlyList<GlueConnection> ConnectionList);

/// <summary>One connection of <see cref="ConnectionsResponse"/>.</summary>
internal sealed record GlueConnection(
    string Name,
    string ConnectionType,
    IReadOnlyDictionary<string, string> ConnectionProperties,
    string Type,
    string Url,
    string SecretSource,
    string? Region,
    IReadOnlyDictionary<string, string>? Parameters);

/// <summary>Glue's <c>GetClassifiers</c> response.</summary>
internal sealed record ClassifiersResponse(IReadOnlyList<GlueClassifier> Classifiers);

/// <summary>One classifier of <see cref="ClassifiersResponse"/>: exactly one member is set.</summary>
internal sealed record GlueClassifier
{
    public GlueCsvClassifier? CsvClassifier { get; init; }

    public GlueGrokClassifier? GrokClassifier { get; init; }

    public GlueJsonClassifier? JsonClassifier { get; init; }

    public GlueXmlClassifier? XMLClassifier { get; init; }
}

internal sealed record GlueCsvClassifier(
    string Name,
    string Delimiter,
    string QuoteSymbol,
    string ContainsHeader,
    IReadOnlyList<string>? Header,
    bool? CustomDatatypeConfigured,
    IReadOnlyList<string>? CustomDatatypes);

internal sealed record GlueGrokClassifier(string Name, string Classification, string GrokPattern, string? CustomPatterns);

internal sealed record GlueJsonClassifier(string Name, string JsonPath);

internal sealed record GlueXmlClassifier(string Name, string Classification, string RowTag);

/// <summary>Glue's <c>ListCrawls</c> and <c>GetCrawlerMetrics</c> responses in one.</summary>
internal sealed record CrawlsResponse(IReadOnlyList<GlueCrawlerHistory> Crawls, IReadOnlyList<GlueCrawlerMetrics> CrawlerMetricsList);

/// <summary>One run as Glue's <c>CrawlerHistory</c>, with DevEndpoint's figures beside it.</summary>
internal sealed record GlueCrawlerHistory(
    string CrawlId,
    string State,
    DateTimeOffset StartTime,
    DateTimeOffset EndTime,
    string Summary,
    string DatabaseName,
    string Location,
    double DurationSeconds,
    int? SampleFiles,
    GlueCrawlMetrics Metrics,
    IReadOnlyList<SkippedFile> Errors);

/// <summary>The counts of one crawl run (<see cref="GlueCrawlerHistory.Metrics"/>).</summary>
internal sealed record GlueCrawlMetrics(
    int FilesListed,
    int FilesScanned,
    int FilesClassified,
    int FilesSkipped,
    int FilesExcluded,
    long BytesScanned,
    long BytesRead,
    int TablesCreated,
    int TablesUpdated,
    int TablesUnchanged,
    int TablesDeprecated,
    int TablesDeleted,
    int PartitionsAdded,
    int PartitionsDeleted,
    int SchemaChangesLogged);

/// <summary>Glue's <c>CrawlerMetrics</c> of the crawls into one database.</summary>
internal sealed record GlueCrawlerMetrics(
    string CrawlerName,
    double TimeLeftSeconds,
    bool StillEstimating,
    double LastRuntimeSeconds,
    double MedianRuntimeSeconds,
    int TablesCreated,
    int TablesUpdated,
    int TablesDeleted);
