using System.CommandLine;
using DevEndpoint.Catalog;
using DevEndpoint.Commands;
using DevEndpoint.Frames;
using DevEndpoint.Loading;

namespace DevEndpoint.Cli;

internal static partial class LoadCommand
{
    public static Command Create(TextWriter output)
    {
        var name = CliDescriptions.Argument<string>(LoadDescription.Table);
        var columns = CliDescriptions.Option<string?>(LoadDescription.Columns);
        var where = CliDescriptions.Option<string?>(LoadDescription.Where);
        var limit = CliDescriptions.Option<long?>(LoadDescription.Limit);
        var sample = CliDescriptions.Option<double?>(LoadDescription.Sample);
        sample.CustomParser = Fraction;
        var sampleRows = CliDescriptions.Option<long?>(LoadDescription.SampleRows);
        sampleRows.CustomParser = result => Count(result, "--sample-rows", minimum: 1);
        var mode = CliDescriptions.Option<BadRecordMode?>(LoadDescription.Mode);
        mode.CustomParser = result => Choice<BadRecordMode>(result, "--mode");
        var errorThreshold = CliDescriptions.Option<long?>(LoadDescription.ErrorThreshold);
        errorThreshold.CustomParser = result => Count(result, "--error-threshold", minimum: 0);
        var strings = CliDescriptions.Option<StringStorage?>(LoadDescription.Strings);
        strings.CustomParser = result => Choice<StringStorage>(result, "--strings");
        var bookmark = CliDescriptions.Option<string?>(LoadDescription.Bookmark);
        var version = CliDescriptions.Option<long?>(LoadDescription.Version);
        version.CustomParser = result => Count(result, "--version", minimum: 0);
        var asOf = CliDescriptions.Option<string?>(LoadDescription.AsOf);
        var summary = CliDescriptions.Option<bool>(LoadDescription.Summary);
        var hashField = CliDescriptions.Option<string?>(LoadDescription.HashField);
        var hashPartitions = CliDescriptions.Option<long?>(LoadDescription.HashPartitions);
        hashPartitions.CustomParser = result => Count(result, "--hash-partitions", minimum: 1);
        var bookmarkKey = CliDescriptions.Option<string?>(LoadDescription.BookmarkKey);
        var catalog = CliApp.CatalogOption();
        var command = CliDescriptions.Command(
            LoadDescription.Command,
            name, columns, where, limit, sample, sampleRows, mode, errorThreshold, strings, bookmark, version, asOf, summary, hashField, hashPartitions, bookmarkKey, catalog);
        command.SetAction(async (parse, cancellationToken) =>
        {
            _ = CatalogJson.WarmUpAsync();
            var loader = new TableLoader(DataCatalog.Open(parse.GetValue(catalog)));
            var options = new LoadOptions
            {
                Columns = parse.GetValue(columns)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                Where = parse.GetValue(where),
                Limit = parse.GetValue(limit),
                SampleFraction = parse.GetValue(sample),
                SampleRows = parse.GetValue(sampleRows),
                Mode = parse.GetValue(mode) ?? BadRecordMode.Permissive,
                ErrorThreshold = parse.GetValue(errorThreshold),
                Strings = parse.GetValue(strings) ?? StringStorage.Auto,
                Bookmark = parse.GetValue(bookmark),
                HashField = parse.GetValue(hashField),
                HashPartitions = (int?)parse.GetValue(hashPartitions),
                BookmarkKey = parse.GetValue(bookmarkKey),
                Version = parse.GetValue(version),
                AsOf = parse.GetValue(asOf) is { } time ? LoadOptions.ParseAsOf(time) : null,
            };
            var result = await loader.LoadAsync(parse.GetValue(name)!, options, cancellationToken);
            if (parse.GetValue(summary))
            {
                await WriteSummaryAsync(output, result);
            }
            else
            {
                await WriteRowsAsync(output, result, options.Mode);
            }

            return 0;
        });
        return command;
    }
}
