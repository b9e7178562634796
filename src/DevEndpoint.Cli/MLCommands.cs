using System.CommandLine;
using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.Commands;
using DevEndpoint.MachineLearning;

namespace DevEndpoint.Cli;

/// <summary><c>devendpoint ml create|labeling-set|import-labels|evaluate|find-matches|list|show|delete</c>: FindMatches transforms.</summary>
internal static class MLCommands
{
    public static Command Create(TextWriter output)
    {
        var command = CliDescriptions.Command(MLDescriptions.Group);
        command.Subcommands.Add(CreateTransform(output));
        command.Subcommands.Add(LabelingSet(output));
        command.Subcommands.Add(ImportLabels(output));
        command.Subcommands.Add(Evaluate(output));
        command.Subcommands.Add(FindMatches(output));
        command.Subcommands.Add(List(output));
        command.Subcommands.Add(Show(output));
        command.Subcommands.Add(Delete(output));
        return command;
    }

    private static Command CreateTransform(TextWriter output)
    {
        var name = NameArgument(MLDescriptions.Create);
        var source = CliDescriptions.Option<string>(MLDescriptions.Source);
        var primaryKey = CliDescriptions.Option<string>(MLDescriptions.PrimaryKey);
        var sourceColumn = CliDescriptions.Option<string>(MLDescriptions.SourceColumn);
        var precisionRecall = CliDescriptions.Option<double?>(MLDescriptions.PrecisionRecall);
        var accuracyCost = CliDescriptions.Option<double?>(MLDescriptions.AccuracyCost);
        var enforce = CliDescriptions.Option<bool>(MLDescriptions.EnforceProvidedLabels);
        var catalog = CliApp.CatalogOption();
        var command = CliDescriptions.Command(MLDescriptions.Create, name, source, primaryKey, sourceColumn, precisionRecall, accuracyCost, enforce, catalog);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new FindMatchesOptions
            {
                PrecisionRecallTradeoff = parse.GetValue(precisionRecall) ?? 0.5,
                AccuracyCostTradeoff = parse.GetValue(accuracyCost) ?? 0.5,
                EnforceProvidedLabels = parse.GetValue(enforce),
                SourceColumn = parse.GetValue(sourceColumn),
            };
            var transform = await FindMatchesTransform.CreateAsync(
                DataCatalog.Open(parse.GetValue(catalog)), parse.GetValue(name)!, parse.GetValue(source)!, parse.GetValue(primaryKey)!, options, cancellationToken);
            await output.WriteLineAsync(
                $"Created ML transform '{transform.Name}' ({transform.Definition.TransformId}) over {transform.Definition.Source}, primary key {transform.Definition.FindMatches.PrimaryKeyColumnName}{(transform.Definition.FindMatches.SourceColumnName is null ? string.Empty : $", {MLText.TaskOf(transform.Definition.FindMatches)}")}. Next: ml labeling-set {transform.Name} --output <file.csv>.");
        });
        return command;
    }

    private static Command LabelingSet(TextWriter output)
    {
        var name = NameArgument(MLDescriptions.LabelingSet);
        var path = CliDescriptions.Option<string>(MLDescriptions.LabelingOutput);
        var seed = CliDescriptions.Option<int?>(MLDescriptions.Seed);
        var catalog = CliApp.CatalogOption();
        var command = CliDescriptions.Command(MLDescriptions.LabelingSet, name, path, seed, catalog);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var transform = FindMatchesTransform.Open(DataCatalog.Open(parse.GetValue(catalog)), parse.GetValue(name)!);
            var file = Path.GetFullPath(parse.GetValue(path)!);
            var set = await transform.WriteLabelingSetAsync(file, parse.GetValue(seed) ?? FindMatchesTransform.DefaultSeed, cancellationToken);
            await output.WriteLineAsync(MLText.LabelingSetWritten(transform.Name, set, file));
        });
        return command;
    }

    private static Command ImportLabels(TextWriter output)
    {
        var name = NameArgument(MLDescriptions.ImportLabels);
        var path = CliDescriptions.Option<string>(MLDescriptions.LabelsInput);
        var replace = CliDescriptions.Option<bool>(MLDescriptions.Replace);
        var catalog = CliApp.CatalogOption();
        var command = CliDescriptions.Command(MLDescriptions.ImportLabels, name, path, replace, catalog);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var transform = FindMatchesTransform.Open(DataCatalog.Open(parse.GetValue(catalog)), parse.GetValue(name)!);
            var import = await transform.ImportLabelsAsync(Path.GetFullPath(parse.GetValue(path)!), parse.GetValue(replace), cancellationToken);
            await output.WriteLineAsync(MLText.Imported(transform.Name, import));
        });
        return command;
    }

    private static Command Evaluate(TextWriter output)
    {
        var name = NameArgument(MLDescriptions.Evaluate);
        var catalog = CliApp.CatalogOption();
        var json = CliApp.JsonOption();
        var command = CliDescriptions.Command(MLDescriptions.Evaluate, name, catalog, json);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var transform = FindMatchesTransform.Open(DataCatalog.Open(parse.GetValue(catalog)), parse.GetValue(name)!);
            var metrics = await transform.EvaluateAsync(cancellationToken);
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(CliJson.Serialize(new FindMatchesMetricsResponse(metrics)));
            }
            else
            {
                TextTable.Write(output, ["metric", "value"], MLText.Metrics(metrics));
            }
        });
        return command;
    }

    private static Command FindMatches(TextWriter output)
    {
        var name = NameArgument(MLDescriptions.FindMatches);
        var path = CliDescriptions.Option<string>(MLDescriptions.MatchesOutput);
        var onePerEntity = CliDescriptions.Option<bool>(MLDescriptions.OnePerEntity);
        var incremental = CliDescriptions.Option<string>(MLDescriptions.Incremental);
        var existing = CliDescriptions.Option<string>(MLDescriptions.Existing);
        var catalog = CliApp.CatalogOption();
        var command = CliDescriptions.Command(MLDescriptions.FindMatches, name, path, onePerEntity, incremental, existing, catalog);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if ((parse.GetValue(incremental) is null) != (parse.GetValue(existing) is null))
            {
                throw MLErrors.IncrementalNeedsBoth("ml find-matches", "<matches.csv>");
            }

            var transform = FindMatchesTransform.Open(DataCatalog.Open(parse.GetValue(catalog)), parse.GetValue(name)!);
            var file = Path.GetFullPath(parse.GetValue(path)!);
            if (parse.GetValue(incremental) is { } table)
            {
                var (all, count, written) = await transform.WriteIncrementalMatchesAsync(
                    file, Path.GetFullPath(parse.GetValue(existing)!), table, parse.GetValue(onePerEntity), cancellationToken);
                await output.WriteLineAsync($"{MLText.IncrementalMatched(all, count)} {MLText.MatchesWritten(written, file)}");
                return;
            }

            var matches = await transform.WriteMatchesAsync(file, parse.GetValue(onePerEntity), cancellationToken);
            await output.WriteLineAsync(MLText.MatchesWritten(matches, file));
        });
        return command;
    }

    private static Command List(TextWriter output)
    {
        var catalog = CliApp.CatalogOption();
        var json = CliApp.JsonOption();
        var command = CliDescriptions.Command(MLDescriptions.List, catalog, json);
        command.SetAction(parse =>
        {
            var transforms = DataCatalog.Open(parse.GetValue(catalog)).GetMLTransforms();
            if (parse.GetValue(json))
            {
                output.WriteLine(CliJson.Serialize(new TransformsResponse(transforms)));
            }
            else
            {
                TextTable.Write(output, MLText.ListHeader, transforms.Select(MLText.ListRow));
            }
        });
        return command;
    }

    private static Command Show(TextWriter output)
    {
        var name = NameArgument(MLDescriptions.Show);
        var catalog = CliApp.CatalogOption();
        var json = CliApp.JsonOption();
        var command = CliDescriptions.Command(MLDescriptions.Show, name, catalog, json);
        command.SetAction(parse =>
        {
            var transform = DataCatalog.Open(parse.GetValue(catalog)).GetMLTransform(parse.GetValue(name)!);
            if (parse.GetValue(json))
            {
                output.WriteLine(CliJson.Serialize(transform));
            }
            else
            {
                TextTable.Write(output, ["property", "value"], MLText.Properties(transform));
            }
        });
        return command;
    }

    private static Command Delete(TextWriter output)
    {
        var name = NameArgument(MLDescriptions.Delete);
        var catalog = CliApp.CatalogOption();
        var command = CliDescriptions.Command(MLDescriptions.Delete, name, catalog);
        command.SetAction(parse =>
        {
            var deleted = FindMatchesTransform.Delete(DataCatalog.Open(parse.GetValue(catalog)), parse.GetValue(name)!);
            output.WriteLine($"Deleted ML transform '{deleted.Name}' with its {deleted.LabelCount} labels.");
        });
        return command;
    }

    /// <summary>The transform's name, the first option of every subcommand on one transform.</summary>
    private static Argument<string> NameArgument(CommandDescription command) => CliDescriptions.Argument<string>(command.Options[0]);
}
