using DevEndpoint.Crawling;

namespace DevEndpoint.Sources.Databases;

/// <summary>What a database crawl reads (a connection and include paths), where it records tables, and what a re-crawl may change.</summary>
public sealed record DatabaseCrawlOptions
{
    /// <summary>The name of a postgres, mysql or sqlite connection of the catalog.</summary>
    public required string Connection { get; init; }

    /// <summary>The catalog database that receives the tables; created when missing.</summary>
    public required string Database { get; init; }

    /// <summary>
    /// Include paths: PostgreSQL <c>database/schema/table</c>, MySQL <c>database/table</c>, SQLite <c>schema/table</c>
    /// (<c>main/%</c>); <c>%</c> matches any run of characters, parts left out match everything.
    /// </summary>
    public required IReadOnlyList<string> Includes { get; init; }

    /// <summary>Exclude patterns: with a <c>/</c>, matched against the whole path; without, against the table name; <c>%</c> and <c>*</c> match any run of characters.</summary>
    public IReadOnlyList<string> Exclusions { get; init; } = [];

    /// <summary>What to do when a table's columns changed. Default <see cref="SchemaChangePolicy.Update"/>.</summary>
    public SchemaChangePolicy SchemaChange { get; init; } = SchemaChangePolicy.Update;

    /// <summary>What to do with catalogued tables of these include paths that the database no longer has. Default <see cref="DeleteBehavior.Deprecate"/>.</summary>
    public DeleteBehavior DeleteBehavior { get; init; } = DeleteBehavior.Deprecate;
}
