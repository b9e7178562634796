using System.CommandLine;
using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.MachineLearning;

namespace DevEndpoint.Cli;

/// <summary><c>devendpoint ml create|labeling-set|import-labels|evaluate|find-matches|list|show|delete</c>: FindMatches transforms.</summary>
internal static class MLCommands
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("ml", "Machine-learning transforms (Glue's FindMatches): label a few sets of records, then find the records of one entity.");
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
        var name = NameArgument("The transform's name: letters, digits, underscores, hyphens and dots.");
        var source = Option<string>(MLOptions.Source, required: true);
        var primaryKey = Option<string>(MLOptions.PrimaryKey, required: true);
        var sourceColumn = Option<string>(MLOptions.SourceColumn);
        var precisionRecall = Option<double?>(MLOptions.PrecisionRecall);
        var accuracyCost = Option<double?>(MLOptions.AccuracyCost);
        var enforce = Option<bool>(MLOptions.EnforceProvidedLabels);
        var catalog = CliApp.CatalogOption();
        var command = new Command("create", "Create a FindMatches transform over a catalog table.") { name, source, primaryKey, sourceColumn, precisionRecall, accuracyCost, enforce, catalog };
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
        var name = NameArgument("The transform.");
        var path = Option<string>(MLOptions.LabelingOutput, required: true);
        var seed = Option<int?>(MLOptions.Seed);
        var catalog = CliApp.CatalogOption();
        var command = new Command("labeling-set", "Write a labelling set to label: about 10 sets of up to 10 records not labelled yet.") { name, path, seed, catalog };
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
        var name = NameArgument("The transform.");
        var path = Option<string>(MLOptions.LabelsInput, required: true);
        var replace = Option<bool>(MLOptions.Replace);
        var catalog = CliApp.CatalogOption();
        var command = new Command("import-labels", "Import a labelled file: records of one labelling set with the same label are one entity.") { name, path, replace, catalog };
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
        var name = NameArgument("The transform.");
        var catalog = CliApp.CatalogOption();
        var json = CliApp.JsonOption();
        var command = new Command("evaluate", "Estimate the quality of find-matches from the labels (Glue's FindMatchesMetrics); trains only when the labels changed since the last evaluate.") { name, catalog, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var transform = FindMatchesTransform.Open(DataCatalog.Open(parse.GetValue(catalog)), parse.GetValue(name)!);
            var metrics = await transform.EvaluateAsync(cancellationToken);
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(CatalogJson.Serialize(new { FindMatchesMetrics = metrics }, indented: true));
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
        var name = NameArgument("The transform.");
        var path = Option<string>(MLOptions.MatchesOutput, required: true);
        var onePerEntity = Option<bool>(MLOptions.OnePerEntity);
        var incremental = Option<string>(MLOptions.Incremental);
        var existing = Option<string>(MLOptions.Existing);
        var catalog = CliApp.CatalogOption();
        var command = new Command("find-matches", "Write the table's records with match_id (same id = same entity), or one record per entity; with --incremental, match new records against earlier matches.")
        {
            name, path, onePerEntity, incremental, existing, catalog,
        };
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
        var command = new Command("list", "List the ML transforms: status, source, labels and last F1.") { catalog, json };
        command.SetAction(parse =>
        {
            var transforms = DataCatalog.Open(parse.GetValue(catalog)).GetMLTransforms();
            if (parse.GetValue(json))
            {
                output.WriteLine(CatalogJson.Serialize(new { Transforms = transforms }, indented: true));
            }
            else
            {
                TextTable.Write(output, MLOptions.Header, transforms.Select(MLOptions.Row));
            }
        });
        return command;
    }

    private static Command Show(TextWriter output)
    {
        var name = NameArgument("The transform.");
        var catalog = CliApp.CatalogOption();
        var json = CliApp.JsonOption();
        var command = new Command("show", "Show a transform: status, parameters, label count and last metrics.") { name, catalog, json };
        command.SetAction(parse =>
        {
            var transform = DataCatalog.Open(parse.GetValue(catalog)).GetMLTransform(parse.GetValue(name)!);
            if (parse.GetValue(json))
            {
                output.WriteLine(CatalogJson.Serialize(transform, indented: true));
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
        var name = NameArgument("The transform to delete, with its labels and model.");
        var catalog = CliApp.CatalogOption();
        var command = new Command("delete", "Delete a transform with its labels and model.") { name, catalog };
        command.SetAction(parse =>
        {
            var deleted = FindMatchesTransform.Delete(DataCatalog.Open(parse.GetValue(catalog)), parse.GetValue(name)!);
            output.WriteLine($"Deleted ML transform '{deleted.Name}' with its {deleted.LabelCount} labels.");
        });
        return command;
    }

    private static Argument<string> NameArgument(string description) => new("name") { Description = description };

    private static Option<T> Option<T>(MLOption option, bool required = false) => new(option.Name) { Description = option.Description, Required = required };
}
