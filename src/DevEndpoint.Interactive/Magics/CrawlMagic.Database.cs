using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Interactive.Views;
using DevEndpoint.MachineLearning.Pii;
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
        var catalog = DataCatalog.Open(command.Catalog);
        var result = await new DatabaseCrawler(catalog).CrawlAsync(options, context.CancellationToken);
        MagicSupport.DisplayHtml(context, ConnectionViews.CrawlSummary(result));
        if (command.DetectPii)
        {
            MagicSupport.DisplayHtml(context, MachineLearningViews.CrawlDetection(await SensitiveData.RecordCrawlAsync(catalog, result, cancellationToken: context.CancellationToken)));
        }

        static string[] Split(string? list) => list?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
    }
}
