using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Formats;
using DevEndpoint.ObjectStores;
using DevEndpoint.Sources.Databases;

namespace DevEndpoint.Sources;

/// <summary>
/// One crawl as <c>#!crawl</c> and <c>devendpoint crawl</c> ask for it: a folder, local or an <c>s3://</c> prefix (with the
/// s3 connection to read it through), or a database connection and the tables its include paths name. It decides which
/// crawler runs and words the errors of a request that is neither, once for both fronts.
/// </summary>
internal sealed record CrawlRequest
{
    /// <summary>The folder or <c>s3://</c> prefix; <c>null</c> or empty for a database crawl.</summary>
    public string? Path { get; init; }

    /// <summary>The database connection to crawl, or for an <c>s3://</c> path the s3 connection to read it through.</summary>
    public string? Connection { get; init; }

    /// <summary>How the command is named in its errors (<c>#!crawl</c>); <c>null</c> where the user knows what they ran (the CLI).</summary>
    public string? Command { get; init; }

    public required string Database { get; init; }

    /// <summary>A database crawl's include paths.</summary>
    public IReadOnlyList<string> Includes { get; init; } = [];

    public IReadOnlyList<string> Exclusions { get; init; } = [];

    public IReadOnlyList<string> Classifiers { get; init; } = [];

    public int? TableLevel { get; init; }

    public bool CombineCompatibleSchemas { get; init; }

    public bool NewFoldersOnly { get; init; }

    public SchemaChangePolicy SchemaChange { get; init; } = SchemaChangePolicy.Update;

    public DeleteBehavior DeleteBehavior { get; init; } = DeleteBehavior.Deprecate;

    public SampleOptions Sample { get; init; } = new();

    public int? SampleFiles { get; init; }

    /// <summary>Whether this crawls a database connection: a connection and no <c>s3://</c> path.</summary>
    public bool IsDatabase => Connection is not null && !S3Path.IsS3(Path);

    /// <summary>
    /// Checks that the request names what to crawl: a folder (or <c>s3://</c> prefix), or a database connection without one.
    /// Throws a <see cref="DevEndpointException"/> saying what to give.
    /// </summary>
    public void Validate()
    {
        if (IsDatabase && !string.IsNullOrEmpty(Path))
        {
            throw new DevEndpointException($"A crawl of connection '{Connection}' reads the tables its --include paths name, not '{Path}'. Leave out the path.");
        }

        if (!IsDatabase && string.IsNullOrEmpty(Path))
        {
            throw new DevEndpointException($"Give {(Command is null ? string.Empty : Command + " ")}the folder to crawl, or --connection <name> with --include to crawl a database.");
        }
    }

    /// <summary>
    /// Runs the crawl the request asks for, once <see cref="Validate"/>d: <see cref="DatabaseCrawler"/> for a database
    /// connection, <see cref="Crawler"/> for a folder or an <c>s3://</c> prefix (told to <paramref name="progress"/>).
    /// </summary>
    public Task<CrawlResult> RunAsync(DataCatalog catalog, IProgress<CrawlProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Validate();
        return IsDatabase
            ? new DatabaseCrawler(catalog).CrawlAsync(DatabaseOptions(), cancellationToken)
            : new Crawler(catalog).CrawlAsync(FolderOptions(), progress, cancellationToken);
    }

    private DatabaseCrawlOptions DatabaseOptions() => new()
    {
        Connection = Connection!,
        Database = Database,
        Includes = Includes,
        Exclusions = Exclusions,
        SchemaChange = SchemaChange,
        DeleteBehavior = DeleteBehavior,
    };

    private CrawlOptions FolderOptions() => new()
    {
        Path = Path!,
        Connection = Connection,
        Database = Database,
        Exclusions = Exclusions,
        Classifiers = Classifiers,
        TableLevel = TableLevel,
        CombineCompatibleSchemas = CombineCompatibleSchemas,
        NewFoldersOnly = NewFoldersOnly,
        SchemaChange = SchemaChange,
        DeleteBehavior = DeleteBehavior,
        Sample = Sample,
        SampleFiles = SampleFiles,
    };
}
