using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;

namespace DevEndpoint.Sources.Databases;

/// <summary>
/// The ADO.NET counterpart of Glue's JDBC crawler: lists the tables and views of a database connection that the include
/// paths match, reads their columns (types mapped to Hive types), nullability, primary keys, comments and row-count
/// estimates, and records one catalog table per source table (named <c>database_schema_table</c>, parts in lower case)
/// with <c>classification</c> the engine name and <c>connectionName</c> the connection. Everything a crawl changes commits
/// in one transaction, with its crawl-run record; the catalog never sees a secret.
/// </summary>
public sealed class DatabaseCrawler
{
    /// <summary>Table parameter naming the connection a database table is read through, as in Glue.</summary>
    public const string ConnectionNameParameter = "connectionName";

    /// <summary>Table parameter holding a database table's primary key columns, comma-separated, in key order.</summary>
    public const string PrimaryKeyParameter = "primaryKey";

    /// <summary>Column parameter holding the column's type as the database declares it.</summary>
    public const string SourceTypeParameter = "sourceType";

    /// <summary>Column parameter: <c>true</c> when the column may hold nulls, <c>false</c> when it is NOT NULL.</summary>
    public const string NullableParameter = "nullable";

    private readonly DataCatalog catalog;

    public DatabaseCrawler(DataCatalog catalog)
    {
        this.catalog = catalog;
    }

    public async Task<CrawlResult> CrawlAsync(DatabaseCrawlOptions options, CancellationToken cancellationToken = default)
    {
        var started = DateTimeOffset.UtcNow;
        catalog.RequireWritable();
        var database = Crawler.ValidateDatabaseName(options.Database);
        var connection = catalog.GetConnection(options.Connection);
        var engine = DatabaseEngine.For(connection);
        if (options.Includes.Count == 0)
        {
            throw new DevEndpointException(
                $"A crawl of connection '{connection.Name}' needs --include with the tables to read, as {string.Join('/', engine.PathParts)} with % for any name, for example {IncludePath.Example(engine)}.");
        }

        var includes = options.Includes.Select(i => IncludePath.Parse(i, engine)).ToList();
        var excludes = options.Exclusions.Select(e => new ExcludePattern(e)).ToList();
        var (found, excluded) = await FindTablesAsync(engine, connection, includes, excludes, cancellationToken);
        var described = await DescribeAsync(engine, connection, found, cancellationToken);

        var runId = $"{started:yyyyMMddTHHmmssZ}-{Guid.NewGuid().ToString("N")[..8]}";
        var crawled = new List<CrawledTable>();
        var notices = new List<CrawlNotice>();
        CrawlRun? run = null;
        catalog.KeepLastGoodCopy();
        catalog.Update(update =>
        {
            update.EnsureDatabase(new Database { Name = database, Description = $"Tables of connection '{connection.Name}' ({engine.Target(connection.Url)})" });
            var written = new HashSet<string>(StringComparer.Ordinal);
            foreach (var table in described)
            {
                var put = PutTable(update, engine, connection, database, runId, options, table, notices);
                written.Add(put.Name);
                crawled.Add(put);
            }

            crawled.AddRange(RetireVanished(update, engine, connection, database, runId, options, includes, excludes, written, notices));
            run = new CrawlRun
            {
                RunId = runId,
                DatabaseName = database,
                Location = string.Join(", ", includes.Select(i => $"{engine.Server(connection.Url)}/{i.Text.Trim().Trim('/')}")),
                StartTime = started,
                EndTime = DateTimeOffset.UtcNow,
                FilesExcluded = excluded,
                TablesCreated = crawled.Count(t => t.Change == TableChange.Created),
                TablesUpdated = crawled.Count(t => t.Change == TableChange.Updated),
                TablesUnchanged = crawled.Count(t => t.Change == TableChange.Unchanged),
                TablesDeprecated = crawled.Count(t => t.Change == TableChange.Deprecated),
                TablesDeleted = crawled.Count(t => t.Change == TableChange.Deleted),
                SchemaChangesLogged = notices.Count(n => n.Message.StartsWith("schema changed", StringComparison.Ordinal)),
            };
            update.RecordCrawlRun(run);
        });

        return new CrawlResult { Run = run!, Tables = crawled, SkippedFiles = [], Notices = notices };
    }

    /// <summary>The source tables the include paths match, each once (the first include that matches it), less those an exclude pattern matches (counted).</summary>
    private static async Task<(List<FoundTable> Found, int Excluded)> FindTablesAsync(
        DatabaseEngine engine, Connection connection, List<IncludePath> includes, List<ExcludePattern> excludes, CancellationToken cancellationToken)
    {
        var found = new List<FoundTable>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var excluded = 0;
        foreach (var group in GroupBySession(engine, connection, includes))
        {
            await using var session = await DatabaseSession.OpenAsync(connection with { Url = group.Key }, cancellationToken);
            var tables = await session.Guard(() => engine.ListTablesAsync(session.Database, cancellationToken), "listing its tables");
            foreach (var table in tables)
            {
                if (group.FirstOrDefault(i => i.Matches(table.Path)) is not { } include || !seen.Add(table.ToString()))
                {
                    continue;
                }

                if (excludes.Any(e => e.Matches(table)))
                {
                    excluded++;
                    continue;
                }

                found.Add(new(table, include, group.Key));
            }
        }

        return (found, excluded);
    }

    /// <summary>The columns and primary key of each table found, one session per connection string.</summary>
    private static async Task<List<DescribedTable>> DescribeAsync(DatabaseEngine engine, Connection connection, List<FoundTable> found, CancellationToken cancellationToken)
    {
        var described = new List<DescribedTable>();
        foreach (var urlGroup in found.GroupBy(f => f.Url))
        {
            await using var session = await DatabaseSession.OpenAsync(connection with { Url = urlGroup.Key }, cancellationToken);
            foreach (var (table, include, url) in urlGroup)
            {
                var (columns, key) = await session.Guard(() => engine.DescribeAsync(session.Database, table, cancellationToken), $"reading the columns of {table}");
                described.Add(new(table, include, url, columns, key));
            }
        }

        return described;
    }

    /// <summary>
    /// Puts one source table's definition into the catalog: under another name when its name belongs to another source,
    /// and kept as it was when its schema changed under the schema change policy log (both noted).
    /// </summary>
    private static CrawledTable PutTable(
        CatalogUpdate update, DatabaseEngine engine, Connection connection, string database, string runId, DatabaseCrawlOptions options, DescribedTable table, List<CrawlNotice> notices)
    {
        var definition = Define(engine, connection, database, runId, options, table.Table, table.Include, table.Url, table.Columns, table.Key);
        var name = new TableName(database, definition.Name);
        var existing = update.FindTable(name);
        if (existing is not null && existing.StorageDescriptor.Location != definition.StorageDescriptor.Location)
        {
            var renamed = $"{definition.Name}_{Hash(definition.StorageDescriptor.Location!)}";
            notices.Add(new CrawlNotice(renamed, $"the name '{definition.Name}' belongs to {existing.StorageDescriptor.Location}, so {table.Table} is named '{renamed}'"));
            definition = definition with { Name = renamed };
            name = new TableName(database, renamed);
            existing = update.FindTable(name);
        }

        var schemaChange = existing is null ? null : Crawler.DescribeSchemaChange(existing, definition);
        TableChange change;
        if (schemaChange is not null && options.SchemaChange == SchemaChangePolicy.Log)
        {
            notices.Add(new CrawlNotice(definition.Name, $"schema changed ({schemaChange}); the table is kept as it was (schema change policy log)"));
            change = TableChange.Unchanged;
        }
        else
        {
            change = update.PutTable(definition);
        }

        return new CrawledTable(definition.Name, change, engine.Classification, table.Columns.Count, 0, 0, 0, table.Table.Rows ?? 0);
    }

    /// <summary>The include paths by the connection string that reaches them: one per PostgreSQL database, one for the others.</summary>
    private static IEnumerable<IGrouping<string, IncludePath>> GroupBySession(DatabaseEngine engine, Connection connection, List<IncludePath> includes)
    {
        if (engine is PostgresEngine && includes.FirstOrDefault(i => !i.FirstIsLiteral) is { } wildcard)
        {
            throw new DevEndpointException(
                $"The include path '{wildcard.Text}' has % in its database part. A PostgreSQL crawl reads one database per include path: name it, for example {IncludePath.Example(engine)}.");
        }

        return includes.GroupBy(i => engine.UrlFor(connection.Url, i.Given));
    }

    private static CatalogTable Define(
        DatabaseEngine engine,
        Connection connection,
        string database,
        string runId,
        DatabaseCrawlOptions options,
        SourceTable table,
        IncludePath include,
        string url,
        List<SourceColumn> columns,
        List<string> key)
    {
        var parameters = new Dictionary<string, string>
        {
            ["classification"] = engine.Classification,
            [ConnectionNameParameter] = connection.Name,
            ["typeOfData"] = table.IsView ? "view" : "table",
            ["UPDATED_BY_CRAWLER"] = Crawler.CrawlerName,
            [CatalogUpdate.CrawlRunIdParameter] = runId,
            [Crawler.IncludePathParameter] = include.Text,
        };
        if (table.Rows is { } rows)
        {
            parameters["recordCount"] = rows.ToString(CultureInfo.InvariantCulture);
        }

        if (key.Count > 0)
        {
            parameters[PrimaryKeyParameter] = string.Join(',', key);
        }

        if (options.Exclusions.Count > 0)
        {
            parameters[Crawler.ExclusionsParameter] = CatalogJson.Serialize(options.Exclusions);
        }

        return new CatalogTable
        {
            Name = TableNameOf(table),
            DatabaseName = database,
            Description = table.Comment,
            Parameters = parameters,
            StorageDescriptor = new StorageDescriptor
            {
                Location = engine.Location(url, table),
                Columns = columns.Select(c => new Column(c.Name, c.HiveType, c.Comment)
                {
                    Parameters = new Dictionary<string, string>
                    {
                        [SourceTypeParameter] = c.DeclaredType,
                        [NullableParameter] = c.Nullable ? "true" : "false",
                    },
                }).ToList(),
            },
        };
    }

    private static List<CrawledTable> RetireVanished(
        CatalogUpdate update,
        DatabaseEngine engine,
        Connection connection,
        string database,
        string runId,
        DatabaseCrawlOptions options,
        List<IncludePath> includes,
        List<ExcludePattern> excludes,
        HashSet<string> written,
        List<CrawlNotice> notices)
    {
        var retired = new List<CrawledTable>();
        foreach (var table in update.FindTables(database))
        {
            if (written.Contains(table.Name)
                || table.Parameter(ConnectionNameParameter) != connection.Name
                || table.Parameter("classification") != engine.Classification
                || table.StorageDescriptor.Location is not { } location)
            {
                continue;
            }

            var path = engine.PathOf(location);
            if (!includes.Any(i => i.Matches(path)) || excludes.Any(e => e.Matches(new SourceTable(path, false, null, null))))
            {
                continue;
            }

            var summary = new CrawledTable(table.Name, TableChange.Unchanged, engine.Classification, table.StorageDescriptor.Columns.Count, 0, 0, 0, 0);
            var source = string.Join('/', path);
            switch (options.DeleteBehavior)
            {
                case DeleteBehavior.Delete:
                    update.DeleteTable(new TableName(table.DatabaseName, table.Name));
                    notices.Add(new CrawlNotice(table.Name, $"{source} is no longer in the database; the table was deleted (delete behavior delete)"));
                    retired.Add(summary with { Change = TableChange.Deleted });
                    break;
                case DeleteBehavior.Deprecate when table.Parameter(Crawler.DeprecatedParameter) is null:
                    update.PutTable(table with { Parameters = new Dictionary<string, string>(table.Parameters) { [Crawler.DeprecatedParameter] = runId } });
                    notices.Add(new CrawlNotice(table.Name, $"{source} is no longer in the database; the table was marked {Crawler.DeprecatedParameter} = {runId} (delete behavior deprecate)"));
                    retired.Add(summary with { Change = TableChange.Deprecated });
                    break;
                case DeleteBehavior.Log:
                    notices.Add(new CrawlNotice(table.Name, $"{source} is no longer in the database; the table is kept as it was (delete behavior log)"));
                    break;
            }
        }

        return retired;
    }

    /// <summary>The catalog name of a source table: its path's parts joined by underscores, in lower case, other characters made underscores.</summary>
    private static string TableNameOf(SourceTable table) =>
        string.Concat(string.Join('_', table.Path).ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_'));

    private static string Hash(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..6];

    /// <summary>A source table an include path matched, and the connection string that reaches it.</summary>
    private sealed record FoundTable(SourceTable Table, IncludePath Include, string Url);

    /// <summary>A source table found, with its columns and primary key.</summary>
    private sealed record DescribedTable(SourceTable Table, IncludePath Include, string Url, List<SourceColumn> Columns, List<string> Key);
}
