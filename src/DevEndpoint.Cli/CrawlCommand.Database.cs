using System.CommandLine;
using DevEndpoint.Catalog;
using DevEndpoint.MachineLearning.Pii;
using DevEndpoint.Sources;
using DevEndpoint.Sources.Databases;

namespace DevEndpoint.Cli;

/// <summary><c>devendpoint crawl --connection &lt;name&gt; --include &lt;path&gt; --database &lt;db&gt;</c>: a database crawl.</summary>
internal static partial class CrawlCommand
{
    private static async Task<int> CrawlDatabaseAsync(
        TextWriter output, ParseResult parse, CrawlRequest request, Option<bool> detectPii, Option<string?> catalog, Option<bool> json, CancellationToken cancellationToken)
    {
        request.Validate();
        var store = DataCatalog.Open(parse.GetValue(catalog));
        var result = await request.RunAsync(store, cancellationToken: cancellationToken);
        var pii = parse.GetValue(detectPii) ? await SensitiveData.RecordCrawlAsync(store, result, cancellationToken: cancellationToken) : null;
        if (parse.GetValue(json))
        {
            await output.WriteLineAsync(Json(store, result));
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
