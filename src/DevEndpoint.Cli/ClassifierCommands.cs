using System.CommandLine;
using DevEndpoint.Catalog;
using DevEndpoint.Classifiers;

namespace DevEndpoint.Cli;

internal static class ClassifierCommands
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("classifier", "Manage custom classifiers (grok, CSV, JSON path, XML row tag) that a crawl names with --classifier.");
        command.Subcommands.Add(Add(output));
        command.Subcommands.Add(List(output));
        command.Subcommands.Add(Remove(output));
        return command;
    }

    private static Command Add(TextWriter output)
    {
        var name = new Argument<string>("name") { Description = "The classifier's name: letters, digits, underscores, hyphens and dots." };
        var type = new Option<string>(ClassifierSettings.Type.Option) { Description = ClassifierSettings.Type.Description, Required = true };
        var settings = ClassifierSettings.All.Select(s => new Option<string?>(s.Option) { Description = s.Description }).ToList();
        var catalog = CliApp.CatalogOption();
        var command = new Command("add", "Add a custom classifier to the catalog.") { name, type };
        settings.ForEach(command.Options.Add);
        command.Options.Add(catalog);
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
        var command = new Command("list", "List the custom classifiers.") { catalog, json };
        command.SetAction(parse =>
        {
            var classifiers = DataCatalog.Open(parse.GetValue(catalog)).GetClassifiers();
            if (parse.GetValue(json))
            {
                output.WriteLine(CatalogJson.Serialize(new { Classifiers = classifiers }, indented: true));
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
        var name = new Argument<string>("name") { Description = "The classifier to remove." };
        var catalog = CliApp.CatalogOption();
        var command = new Command("remove", "Remove a custom classifier from the catalog.") { name, catalog };
        command.SetAction(parse =>
        {
            DataCatalog.Open(parse.GetValue(catalog)).Update(u => u.DeleteClassifier(parse.GetValue(name)!));
            output.WriteLine($"Removed classifier '{parse.GetValue(name)}'.");
        });
        return command;
    }
}
