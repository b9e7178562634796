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
        var type = new Option<string>("--type") { Description = "grok, csv, json or xml.", Required = true };
        var classification = new Option<string?>("--classification") { Description = "grok and xml: the classification given to matching files, e.g. app_log." };
        var grokPattern = new Option<string?>("--grok-pattern") { Description = "grok: the pattern one whole line matches, e.g. %{IP:client} %{WORD:method} %{INT:status:int}." };
        var customPatterns = new Option<string?>("--custom-patterns") { Description = "grok: extra named patterns, one per line: NAME regular-expression." };
        var delimiter = new Option<string?>("--delimiter") { Description = "csv: the character between fields (default ,; \\t for a tab)." };
        var quote = new Option<string?>("--quote") { Description = "csv: the character that quotes a field (default \")." };
        var header = new Option<string?>("--header") { Description = "csv: the column names, comma-separated (default: from the header row, else col0, col1, ...)." };
        var containsHeader = new Option<string?>("--contains-header") { Description = "csv: whether the first row is a header: present, absent or unknown (default; detected)." };
        var customDatatypes = new Option<string?>("--custom-datatypes") { Description = "csv: the only types columns may take, comma-separated: BINARY, BOOLEAN, DATE, DECIMAL, DOUBLE, FLOAT, INT, LONG, SHORT, STRING, TIMESTAMP." };
        var jsonPath = new Option<string?>("--json-path") { Description = "json: the array whose objects are the records: $[*] or $.name[*]." };
        var rowTag = new Option<string?>("--row-tag") { Description = "xml: the element that holds one record, e.g. row for <row>...</row>." };
        var catalog = CliApp.CatalogOption();
        var command = new Command("add", "Add a custom classifier to the catalog.")
        {
            name, type, classification, grokPattern, customPatterns, delimiter, quote, header, containsHeader, customDatatypes, jsonPath, rowTag, catalog,
        };
        command.SetAction(parse =>
        {
            var classifier = new CustomClassifierOptions(parse.GetValue(name)!, parse.GetValue(type)!)
            {
                Classification = parse.GetValue(classification),
                GrokPattern = parse.GetValue(grokPattern),
                CustomPatterns = parse.GetValue(customPatterns),
                Delimiter = parse.GetValue(delimiter),
                QuoteSymbol = parse.GetValue(quote),
                Header = parse.GetValue(header),
                ContainsHeader = parse.GetValue(containsHeader),
                CustomDatatypes = parse.GetValue(customDatatypes),
                JsonPath = parse.GetValue(jsonPath),
                RowTag = parse.GetValue(rowTag),
            }.ToClassifier();
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
