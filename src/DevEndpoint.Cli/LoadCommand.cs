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
        var syntax = new LoadSyntax();
        var catalog = CliApp.CatalogOption();
        var command = CliDescriptions.Command(LoadDescription.Command, [.. syntax.Symbols, catalog]);
        command.SetAction(async (parse, cancellationToken) =>
        {
            _ = CatalogJson.WarmUpAsync();
            var loader = new TableLoader(DataCatalog.Open(parse.GetValue(catalog)));
            var options = syntax.Options(parse);
            var result = await loader.LoadAsync(parse.GetValue(syntax.Name)!, options, cancellationToken);
            if (parse.GetValue(syntax.Summary))
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

    /// <summary>The load command's argument and options, each described once with the magic, and the load options they give.</summary>
    private sealed class LoadSyntax
    {
        private readonly Option<string?> columns = CliDescriptions.Option<string?>(LoadDescription.Columns);
        private readonly Option<string?> where = CliDescriptions.Option<string?>(LoadDescription.Where);
        private readonly Option<long?> limit = CliDescriptions.Option<long?>(LoadDescription.Limit);
        private readonly Option<double?> sample = CliDescriptions.Option<double?>(LoadDescription.Sample);
        private readonly Option<long?> sampleRows = CliDescriptions.Option<long?>(LoadDescription.SampleRows);
        private readonly Option<BadRecordMode?> mode = CliDescriptions.Option<BadRecordMode?>(LoadDescription.Mode);
        private readonly Option<long?> errorThreshold = CliDescriptions.Option<long?>(LoadDescription.ErrorThreshold);
        private readonly Option<StringStorage?> strings = CliDescriptions.Option<StringStorage?>(LoadDescription.Strings);
        private readonly Option<string?> bookmark = CliDescriptions.Option<string?>(LoadDescription.Bookmark);
        private readonly Option<long?> version = CliDescriptions.Option<long?>(LoadDescription.Version);
        private readonly Option<string?> asOf = CliDescriptions.Option<string?>(LoadDescription.AsOf);
        private readonly Option<string?> hashField = CliDescriptions.Option<string?>(LoadDescription.HashField);
        private readonly Option<long?> hashPartitions = CliDescriptions.Option<long?>(LoadDescription.HashPartitions);
        private readonly Option<string?> bookmarkKey = CliDescriptions.Option<string?>(LoadDescription.BookmarkKey);

        public LoadSyntax()
        {
            sample.CustomParser = Fraction;
            sampleRows.CustomParser = result => Count(result, "--sample-rows", minimum: 1);
            mode.CustomParser = result => Choice<BadRecordMode>(result, "--mode");
            errorThreshold.CustomParser = result => Count(result, "--error-threshold", minimum: 0);
            strings.CustomParser = result => Choice<StringStorage>(result, "--strings");
            version.CustomParser = result => Count(result, "--version", minimum: 0);
            hashPartitions.CustomParser = result => Count(result, "--hash-partitions", minimum: 1);
        }

        public Argument<string> Name { get; } = CliDescriptions.Argument<string>(LoadDescription.Table);

        public Option<bool> Summary { get; } = CliDescriptions.Option<bool>(LoadDescription.Summary);

        /// <summary>In the order the help lists them.</summary>
        public Symbol[] Symbols =>
            [Name, columns, where, limit, sample, sampleRows, mode, errorThreshold, strings, bookmark, version, asOf, Summary, hashField, hashPartitions, bookmarkKey];

        public LoadOptions Options(ParseResult parse) => new()
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
    }
}
