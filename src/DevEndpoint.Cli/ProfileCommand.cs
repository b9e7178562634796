using System.CommandLine;
using DevEndpoint.Catalog;
using DevEndpoint.Commands;
using DevEndpoint.Profiles;

namespace DevEndpoint.Cli;

/// <summary>
/// <c>devendpoint profile &lt;db&gt;.&lt;table&gt; [--columns a,b] [--sample n] [--top n] [--bins n] [--html &lt;file&gt;] [--json]</c>:
/// a table's profile as text, as JSON (<c>{"Profile": {...}}</c>), and as a self-contained HTML page.
/// </summary>
internal static class ProfileCommand
{
    public static Command Create(TextWriter output)
    {
        var table = CliDescriptions.Argument<string>(ProfileDescription.Table);
        var columns = CliDescriptions.Option<string?>(ProfileDescription.Columns);
        var sample = CliDescriptions.Option<long?>(ProfileDescription.Sample);
        var top = CliDescriptions.Option<int?>(ProfileDescription.Top);
        var bins = CliDescriptions.Option<int?>(ProfileDescription.Bins);
        var html = CliDescriptions.Option<string?>(ProfileDescription.Html);
        var catalog = CliApp.CatalogOption();
        var json = CliApp.JsonOption();
        var command = CliDescriptions.Command(ProfileDescription.Command, table, columns, sample, top, bins, html, catalog, json);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var defaults = new ProfileOptions();
            var options = new ProfileOptions
            {
                Columns = parse.GetValue(columns)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                Sample = parse.GetValue(sample),
                TopValues = parse.GetValue(top) ?? defaults.TopValues,
                Bins = parse.GetValue(bins) ?? defaults.Bins,
            };
            var profile = await new Profiler(DataCatalog.Open(parse.GetValue(catalog))).ProfileTableAsync(parse.GetValue(table)!, options, cancellationToken: cancellationToken);
            var path = parse.GetValue(html) is { } given ? Path.GetFullPath(given) : null;
            if (path is not null)
            {
                ProfileReport.Save(profile, path);
            }

            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(CliJson.Serialize(new ProfileResponse(profile)));
                return 0;
            }

            await WriteTableAsync(output, profile);
            if (path is not null)
            {
                await output.WriteLineAsync($"Wrote the HTML report to {path}.");
            }

            return 0;
        });
        return command;
    }

    /// <summary>The profile's summary line, then a row a column: its type, counts, range, spread and most frequent value.</summary>
    private static async Task WriteTableAsync(TextWriter output, TableProfile profile)
    {
        await output.WriteLineAsync($"{profile.Source}: {ProfileReport.Summary(profile)}");
        TextTable.Write(
            output,
            ["column", "type", "count", "nulls", "distinct", "min", "max", "mean", "std dev", "median", "most frequent"],
            profile.Columns.Select(c => new[]
            {
                c.Name,
                c.Type,
                ProfileReport.Count(c.Count),
                ProfileReport.Count(c.Nulls),
                (c.DistinctIsApproximate ? "~" : string.Empty) + ProfileReport.Count(c.Distinct),
                ProfileReport.Value(c.Min),
                ProfileReport.Value(c.Max),
                ProfileReport.Number(c.Mean),
                ProfileReport.Number(c.StandardDeviation),
                ProfileReport.Number(c.Percentile(50)),
                c.TopValues.Count > 0 ? $"{c.TopValues[0].Value} ({ProfileReport.Count(c.TopValues[0].Count)})" : string.Empty,
            }));
    }
}
