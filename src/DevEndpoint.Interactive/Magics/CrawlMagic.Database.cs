using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Interactive.Views;
using DevEndpoint.Sources.Databases;
using Microsoft.DotNet.Interactive;

namespace DevEndpoint.Interactive.Magics;

/// <summary><c>#!crawl --connection &lt;name&gt; --include &lt;path&gt;[,&lt;path&gt;...] --database &lt;db&gt;</c>: a database crawl.</summary>
public sealed partial class CrawlMagic
{
    private static async Task CrawlDatabaseAsync(CrawlMagic command, KernelInvocationContext context)
    {
        if (command.Path.Length > 0)
        {
            throw new DevEndpointException($"A crawl of connection '{command.Connection}' reads the tables its --include paths name, not '{command.Path}'. Leave out the path.");
        }

        var options = new DatabaseCrawlOptions
        {
            Connection = command.Connection!,
            Database = command.Database,
            Includes = Split(command.Include),
            Exclusions = Split(command.Exclude),
            SchemaChange = command.SchemaChange is { } change ? CrawlPolicies.ParseSchemaChange(change) : SchemaChangePolicy.Update,
            DeleteBehavior = command.DeleteBehavior is { } behavior ? CrawlPolicies.ParseDeleteBehavior(behavior) : Crawling.DeleteBehavior.Deprecate,
        };
        var result = await new DatabaseCrawler(DataCatalog.Open(command.Catalog)).CrawlAsync(options, context.CancellationToken);
        MagicSupport.DisplayHtml(context, ConnectionViews.CrawlSummary(result));

        static string[] Split(string? list) => list?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
    }
}
