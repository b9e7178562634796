using System.CommandLine;
using DevEndpoint.Catalog;
using DevEndpoint.Classifiers;
using DevEndpoint.Commands;

namespace DevEndpoint.Cli;

internal static class ClassifierCommands
{
    public static Command Create(TextWriter output)
    {
        var command = CliDescriptions.Command(ClassifierDescriptions.Group);
        command.Subcommands.Add(Add(output));
        command.Subcommands.Add(List(output));
        command.Subcommands.Add(Remove(output));
        return command;
    }

    private static Command Add(TextWriter output)
    {
        var name = CliDescriptions.Argument<string>(ClassifierDescriptions.Add.Options[0]);
        var type = CliDescriptions.Option<string>(ClassifierDescriptions.Type);
        var settings = ClassifierDescriptions.Settings.Select(CliDescriptions.Option<string?>).ToList();
        var catalog = CliApp.CatalogOption();
        var command = CliDescriptions.Command(ClassifierDescriptions.Add, [name, type, .. settings, catalog]);
        command.SetAction(parse =>
        {
            var classifier = ClassifierSettings.Create(parse.GetValue(name)!, parse.GetValue(type)!, settings.ToDictionary(s => s.Name, parse.GetValue));
            DataCatalog.Open(parse.GetValue(catalog)).Update(u => u.PutClassifier(classifier));
            output.WriteLine($"Added {classifier.Type} classifier '{classifier.Name}' (classification {classifier.Classification}).");
        });
        return command;
    }

    private static Command List(TextWriter output)
    {
        var catalog = CliApp.CatalogOption();
        var json = CliApp.JsonOption();
        var command = CliDescriptions.Command(ClassifierDescriptions.List, catalog, json);
        command.SetAction(parse =>
        {
            var classifiers = DataCatalog.Open(parse.GetValue(catalog)).GetClassifiers();
            if (parse.GetValue(json))
            {
                output.WriteLine(CliJson.Serialize(GlueResponses.Classifiers(classifiers)));
            }
            else
            {
                TextTable.Write(output, ["classifier", "type", "classification", "definition"], classifiers.Select(c => new[] { c.Name, c.Type, c.Classification, c.Describe() }));
            }
        });
        return command;
    }

    private static Command Remove(TextWriter output)
    {
        var name = CliDescriptions.Argument<string>(ClassifierDescriptions.Remove.Options[0]);
        var catalog = CliApp.CatalogOption();
        var command = CliDescriptions.Command(ClassifierDescriptions.Remove, name, catalog);
        command.SetAction(parse =>
        {
            DataCatalog.Open(parse.GetValue(catalog)).Update(u => u.DeleteClassifier(parse.GetValue(name)!));
            output.WriteLine($"Removed classifier '{parse.GetValue(name)}'.");
        });
        return command;
    }
}
