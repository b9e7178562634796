using System.CommandLine;
using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.Commands;
using DevEndpoint.MachineLearning.Pii;
using DevEndpoint.Writing;

namespace DevEndpoint.Cli;

/// <summary>
/// <c>devendpoint pii &lt;db&gt;.&lt;table&gt; [--entity-types ...] [--action detect|redact|partial-redact|sha256-hash]
/// [--sample-fraction f] [--threshold-fraction f] [--output &lt;file&gt;] [--record] [--json]</c>: Glue's Detect PII over a catalog table.
/// </summary>
internal static class PiiCommand
{
    /// <summary>Entities listed under the text report; <c>--output</c> writes them all.</summary>
    private const int ListedEntities = 20;

    public static Command Create(TextWriter output)
    {
        var table = CliDescriptions.Argument<string>(PiiDescription.Table);
        var entityTypes = CliDescriptions.Option<string[]>(PiiDescription.EntityTypes);
        entityTypes.AllowMultipleArgumentsPerToken = true;
        var action = CliDescriptions.Option<string?>(PiiDescription.Action);
        var sampleFraction = CliDescriptions.Option<string?>(PiiDescription.SampleFraction);
        var thresholdFraction = CliDescriptions.Option<string?>(PiiDescription.ThresholdFraction);
        var file = CliDescriptions.Option<string?>(PiiDescription.Output);
        var record = CliDescriptions.Option<bool>(PiiDescription.Record);
        var catalog = CliApp.CatalogOption();
        var json = CliApp.JsonOption(glueShapes: false);
        var command = CliDescriptions.Command(PiiDescription.Command, table, entityTypes, action, sampleFraction, thresholdFraction, file, record, catalog, json);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = PiiSettings.Create(
                parse.GetValue(entityTypes) is { Length: > 0 } types ? string.Join(',', types) : null,
                parse.GetValue(action),
                parse.GetValue(sampleFraction),
                parse.GetValue(thresholdFraction));
            var name = parse.GetValue(table)!;
            var store = DataCatalog.Open(parse.GetValue(catalog));
            var (frame, detection) = parse.GetValue(record)
                ? (null, await SensitiveData.RecordInCatalogAsync(store, name, options, cancellationToken))
                : await SensitiveData.DetectAsync(store, name, options, cancellationToken);
            var path = parse.GetValue(file) is { } given ? Path.GetFullPath(given) : null;
            if (path is not null)
            {
                FrameCsv.WriteFile(path, options.Action == PiiAction.Detect || frame is null ? detection.EntitiesFrame() : frame);
            }

            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(CliJson.Serialize(new SensitiveDataResponse(Report(name, options, detection, path))));
                return 0;
            }

            if (options.Action != PiiAction.Detect && path is null && frame is not null)
            {
                FrameCsv.Write(output, frame);
                return 0;
            }

            WriteText(output, name, options, detection, path, parse.GetValue(record));
            return 0;
        });
        return command;
    }

    private static SensitiveDataReport Report(string table, PiiOptions options, PiiDetection detection, string? path) => new(
        table,
        ActionName(options.Action),
        detection.Rows,
        detection.SampledRows,
        options.SampleFraction,
        options.ThresholdFraction,
        detection.Columns,
        detection.Entities,
        path);

    private static void WriteText(TextWriter output, string table, PiiOptions options, PiiDetection detection, string? path, bool recorded)
    {
        output.WriteLine(detection.Describe(table, options.ThresholdFraction));
        if (detection.Columns.Count == 0)
        {
            output.WriteLine("No column is classified as holding sensitive data.");
        }
        else
        {
            TextTable.Write(
                output,
                ["column", "entity type", "fraction", "matched", "sampled"],
                detection.Columns.Select(c => new[] { c.Column, c.EntityType, Fraction(c.Fraction), Number(c.MatchedValues), Number(c.SampledValues) }));
        }

        if (recorded)
        {
            output.WriteLine($"Recorded {SensitiveData.EntityTypesParameter} on {detection.ColumnEntityTypes().Count} columns of {table} in the catalog.");
        }

        if (path is not null)
        {
            var what = options.Action switch
            {
                PiiAction.Detect => "the entities",
                PiiAction.Redact => "the table with its entities redacted",
                PiiAction.PartialRedact => "the table with its entities partly redacted",
                _ => "the table with its entities hashed",
            };
            output.WriteLine($"Wrote {what} to {path}.");
            return;
        }

        if (detection.Entities.Count == 0)
        {
            return;
        }

        TextTable.Write(
            output,
            ["row", "column", "offset", "length", "entity type"],
            detection.Entities.Take(ListedEntities).Select(e => new[] { Number(e.Row), e.Column, Number(e.Offset), Number(e.Length), e.EntityType }));
        if (detection.Entities.Count > ListedEntities)
        {
            output.WriteLine($"... and {Number(detection.Entities.Count - ListedEntities)} more entities; --output <file.csv> writes them all.");
        }
    }

    private static string ActionName(PiiAction action) => action switch
    {
        PiiAction.Detect => "DETECT",
        PiiAction.Redact => "REDACT",
        PiiAction.PartialRedact => "PARTIAL_REDACT",
        _ => "SHA256_HASH",
    };

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Fraction(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
