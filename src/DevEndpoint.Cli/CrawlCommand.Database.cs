using System.CommandLine;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.MachineLearning.Pii;
using DevEndpoint.Sources.Databases;

namespace DevEndpoint.Cli;

/// <summary><c>devendpoint crawl --connection &lt;name&gt; --include &lt;path&gt; --database &lt;db&gt;</c>: a database crawl.</summary>
internal static partial class CrawlCommand
{
    private static async Task<int> CrawlDatabaseAsync(
        TextWriter output,
        ParseResult parse,
        string connection,
        Argument<string?> path,
        Option<string> database,
        Option<string[]> include,
        Option<string[]> exclude,
        Option<string> schemaChange,
        Option<string> deleteBehavior,
        Option<bool> detectPii,
        Option<string?> catalog,
        Option<bool> json,
        CancellationToken cancellationToken)
    {
        if (parse.GetValue(path) is { } folder)
        {
            throw new DevEndpointException($"A crawl of connection '{connection}' reads the tables its --include paths name, not '{folder}'. Leave out the path.");
        }

        var options = new DatabaseCrawlOptions
        {
            Connection = connection,
            Database = parse.GetValue(database)!,
            Includes = parse.GetValue(include) ?? [],
            Exclusions = parse.GetValue(exclude) ?? [],
            SchemaChange = parse.GetValue(schemaChange) is { } change ? CrawlPolicies.ParseSchemaChange(change) : SchemaChangePolicy.Update,
            DeleteBehavior = parse.GetValue(deleteBehavior) is { } behavior ? CrawlPolicies.ParseDeleteBehavior(behavior) : DeleteBehavior.Deprecate,
        };
        var store = DataCatalog.Open(parse.GetValue(catalog));
        var result = await new DatabaseCrawler(store).CrawlAsync(options, cancellationToken);
        var pii = parse.GetValue(detectPii) ? await SensitiveData.RecordCrawlAsync(store, result, cancellationToken: cancellationToken) : null;
        if (parse.GetValue(json))
        {
            await output.WriteLineAsync(CatalogJson.Serialize(result, indented: true));
            return 0;
        }

        await output.WriteLineAsync(DatabaseCrawlTable.Heading(result.Run));
        await output.WriteLineAsync(DatabaseCrawlTable.Counts(result.Run));
        TextTable.Write(output, DatabaseCrawlTable.Header, result.Tables.Select(DatabaseCrawlTable.Row));
        if (result.Notices.Count > 0)
        {
            await output.WriteLineAsync("Reported changes:");
            foreach (var notice in result.Notices)
            {
                await output.WriteLineAsync($"  {notice.Table}: {notice.Message}");
            }
        }

        await WriteSensitiveDataAsync(output, pii);
        return 0;
    }
}
