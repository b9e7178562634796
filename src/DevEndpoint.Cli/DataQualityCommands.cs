using System.CommandLine;
using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.Commands;
using DevEndpoint.DataQuality;
using DevEndpoint.Profiles;
using DevEndpoint.Sql;

namespace DevEndpoint.Cli;

/// <summary>
/// <c>devendpoint dq run &lt;db&gt;.&lt;table&gt; --ruleset &lt;file|name&gt; [--json]</c>, <c>dq ruleset create|list|show|delete</c>,
/// <c>dq history [&lt;db&gt;.&lt;table&gt;]</c> and <c>dq suggest &lt;db&gt;.&lt;table&gt; [--from-profile &lt;file&gt;]</c>: Glue Data Quality over the catalog.
/// </summary>
internal static class DataQualityCommands
{
    /// <summary>The exit code of a run in which a rule failed or could not run, for scripts and CI.</summary>
    public const int RulesFailed = 3;

    private const int DefaultHistory = 20;

    public static Command Create(TextWriter output)
    {
        var command = CliDescriptions.Command(DataQualityDescriptions.Group);
        command.Subcommands.Add(Run(output));
        var rulesets = CliDescriptions.Command(DataQualityDescriptions.Ruleset);
        rulesets.Subcommands.Add(CreateRuleset(output));
        rulesets.Subcommands.Add(List(output));
        rulesets.Subcommands.Add(Show(output));
        rulesets.Subcommands.Add(Delete(output));
        command.Subcommands.Add(rulesets);
        command.Subcommands.Add(History(output));
        command.Subcommands.Add(Suggest(output));
        return command;
    }

    private static Command Run(TextWriter output)
    {
        var table = CliDescriptions.Argument<string>(DataQualityDescriptions.Target);
        var ruleset = CliDescriptions.Option<string>(DataQualityDescriptions.RulesetFile);
        var noRecord = CliDescriptions.Option<bool>(DataQualityDescriptions.NoRecord);
        var catalog = CliApp.CatalogOption();
        var json = CliApp.JsonOption();
        var command = CliDescriptions.Command(DataQualityDescriptions.Run, table, ruleset, noRecord, catalog, json);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var session = new SqlSession(DataCatalog.Open(parse.GetValue(catalog)));
            var given = parse.GetValue(ruleset)!;
            var options = new DataQualityOptions { Record = !parse.GetValue(noRecord) };
            var run = File.Exists(given)
                ? await EvaluateDataQuality.RunAsync(session, parse.GetValue(table)!, await File.ReadAllTextAsync(given, cancellationToken), options, cancellationToken)
                : await EvaluateDataQuality.RunRulesetAsync(session, given, parse.GetValue(table), options, cancellationToken);
            var result = run.Result;
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(CliJson.Serialize(new DataQualityResultResponse(result)));
            }
            else
            {
                TextTable.Write(
                    output,
                    ["rule", "result", "metrics", "message"],
                    result.RuleResults.Select(r => new[] { r.Description, r.Result, Metrics(r.EvaluatedMetrics), r.EvaluationMessage ?? string.Empty }));
                var passed = result.RuleResults.Count(r => r.Result == DataQualityRuleResult.Pass);
                var kept = options.Record ? $" Kept in the catalog as {result.ResultId}." : string.Empty;
                await output.WriteLineAsync($"Score {Number(result.Score)}: {passed} of {result.RuleResults.Count} rules passed.{kept}");
            }

            return result.RuleResults.All(r => r.Result == DataQualityRuleResult.Pass) ? 0 : RulesFailed;
        });
        return command;
    }

    private static Command CreateRuleset(TextWriter output)
    {
        var description = DataQualityDescriptions.Create;
        var name = CliDescriptions.Argument<string>(description["--name"]);
        var table = CliDescriptions.Option<string>(description["--table"]);
        var file = CliDescriptions.Option<string>(description["--file"]);
        var about = CliDescriptions.Option<string?>(description["--description"]);
        var replace = CliDescriptions.Option<bool>(description["--replace"]);
        var catalog = CliApp.CatalogOption();
        var command = CliDescriptions.Command(description, name, table, file, about, replace, catalog);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = Path.GetFullPath(parse.GetValue(file)!);
            if (!File.Exists(path))
            {
                throw new DevEndpointException($"The DQDL file {path} does not exist.");
            }

            var stored = DataQualityRulesets.Create(
                DataCatalog.Open(parse.GetValue(catalog)),
                parse.GetValue(name)!,
                parse.GetValue(table)!,
                await File.ReadAllTextAsync(path, cancellationToken),
                parse.GetValue(about),
                parse.GetValue(replace));
            await output.WriteLineAsync($"Kept ruleset {stored.Name} for {stored.TargetTable}; run it with devendpoint dq run {stored.TargetTable} --ruleset {stored.Name}");
        });
        return command;
    }

    private static Command List(TextWriter output)
    {
        var catalog = CliApp.CatalogOption();
        var json = CliApp.JsonOption();
        var command = CliDescriptions.Command(DataQualityDescriptions.List, catalog, json);
        command.SetAction(parse =>
        {
            var rulesets = DataCatalog.Open(parse.GetValue(catalog)).GetDataQualityRulesets();
            if (parse.GetValue(json))
            {
                output.WriteLine(CliJson.Serialize(new RulesetsResponse(rulesets)));
                return;
            }

            TextTable.Write(
                output,
                ["name", "table", "rules", "last modified", "description"],
                rulesets.Select(r => new[] { r.Name, r.TargetTable.ToString(), Number(DqdlRuleCount(r.Ruleset)), Time(r.LastModifiedOn), r.Description ?? string.Empty }));
        });
        return command;
    }

    private static Command Show(TextWriter output)
    {
        var name = CliDescriptions.Argument<string>(DataQualityDescriptions.Show["--name"]);
        var catalog = CliApp.CatalogOption();
        var json = CliApp.JsonOption();
        var command = CliDescriptions.Command(DataQualityDescriptions.Show, name, catalog, json);
        command.SetAction(parse =>
        {
            var ruleset = DataQualityRulesets.Get(DataCatalog.Open(parse.GetValue(catalog)), parse.GetValue(name)!);
            output.WriteLine(parse.GetValue(json) ? CliJson.Serialize(new RulesetResponse(ruleset)) : ruleset.Ruleset.TrimEnd());
        });
        return command;
    }

    private static Command Delete(TextWriter output)
    {
        var name = CliDescriptions.Argument<string>(DataQualityDescriptions.Delete["--name"]);
        var catalog = CliApp.CatalogOption();
        var command = CliDescriptions.Command(DataQualityDescriptions.Delete, name, catalog);
        command.SetAction(parse =>
        {
            var deleted = DataQualityRulesets.Delete(DataCatalog.Open(parse.GetValue(catalog)), parse.GetValue(name)!);
            output.WriteLine($"Deleted ruleset {deleted.Name} of {deleted.TargetTable}; the history of its runs stays.");
        });
        return command;
    }

    private static Command History(TextWriter output)
    {
        var description = DataQualityDescriptions.History;
        var table = CliDescriptions.Argument<string?>(description["--table"]);
        var limit = CliDescriptions.Option<int?>(description["--limit"]);
        var catalog = CliApp.CatalogOption();
        var json = CliApp.JsonOption();
        var command = CliDescriptions.Command(description, table, limit, catalog, json);
        command.SetAction(parse =>
        {
            var name = parse.GetValue(table) is { } given ? TableName.Parse(given) : (TableName?)null;
            var results = DataCatalog.Open(parse.GetValue(catalog)).GetDataQualityResults(name, parse.GetValue(limit) ?? DefaultHistory);
            if (parse.GetValue(json))
            {
                output.WriteLine(CliJson.Serialize(new ResultsResponse(results)));
                return;
            }

            TextTable.Write(
                output,
                ["completed", "table", "ruleset", "score", "passed", "failed", "errors", "result id"],
                results.Select(r => new[]
                {
                    Time(r.CompletedOn), r.TargetTable?.ToString() ?? string.Empty, r.RulesetName ?? string.Empty, Number(r.Score),
                    Count(r, DataQualityRuleResult.Pass), Count(r, DataQualityRuleResult.Fail), Count(r, DataQualityRuleResult.Error), r.ResultId,
                }));
        });
        return command;
    }

    private static Command Suggest(TextWriter output)
    {
        var table = CliDescriptions.Argument<string>(DataQualityDescriptions.Target);
        var profile = CliDescriptions.Option<string?>(DataQualityDescriptions.FromProfile);
        var catalog = CliApp.CatalogOption();
        var command = CliDescriptions.Command(DataQualityDescriptions.SuggestCommand, table, profile, catalog);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(profile) is { } file)
            {
                await output.WriteAsync(DataQualityRecommendations.Suggest(ProfileFiles.Read(file), parse.GetValue(table)!));
                return;
            }

            using var session = new SqlSession(DataCatalog.Open(parse.GetValue(catalog)));
            await output.WriteAsync(await DataQualityRecommendations.SuggestAsync(session, parse.GetValue(table)!, cancellationToken: cancellationToken));
        });
        return command;
    }

    private static int DqdlRuleCount(string ruleset)
    {
        try
        {
            return EvaluateDataQuality.RuleCount(ruleset);
        }
        catch (DevEndpointException)
        {
            return 0;
        }
    }

    private static string Count(DataQualityResult result, string outcome) => Number(result.RuleResults.Count(r => r.Result == outcome));

    private static string Metrics(IReadOnlyDictionary<string, double> metrics) =>
        string.Join("; ", metrics.Select(m => $"{m.Key} = {Number(m.Value)}"));

    private static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
