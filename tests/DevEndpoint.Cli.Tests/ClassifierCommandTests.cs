using System.Text.Json;

namespace DevEndpoint.Cli.Tests;

public sealed class ClassifierCommandTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Classifiers_are_added_listed_as_text_and_json_and_removed()
    {
        var grok = await RunAsync("classifier", "add", "orders_grok", "--type", "grok", "--classification", "orders_log", "--grok-pattern", "%{WORD:id};%{INT:qty:int}");
        var csv = await RunAsync("classifier", "add", "pipes", "--type", "csv", "--delimiter", "|", "--contains-header", "absent", "--header", "id,name", "--custom-datatypes", "INT,STRING");

        var text = await RunAsync("classifier", "list");
        var json = await RunAsync("classifier", "list", "--json");
        var removed = await RunAsync("classifier", "remove", "pipes");
        var after = await RunAsync("classifier", "list", "--json");

        Assert.Equal((0, "Added grok classifier 'orders_grok' (classification orders_log).\n"), (grok.ExitCode, grok.Output.ReplaceLineEndings("\n")));
        Assert.Equal((0, "Added csv classifier 'pipes' (classification csv).\n"), (csv.ExitCode, csv.Output.ReplaceLineEndings("\n")));
        Assert.Contains("pipes        csv   csv             delimiter |, quote \", header absent: id,name; types INT,STRING", text.Output, StringComparison.Ordinal);
        var listed = JsonDocument.Parse(json.Output).RootElement.GetProperty("Classifiers").EnumerateArray().ToList();
        Assert.Equal(["GrokClassifier", "CsvClassifier"], listed.Select(c => c.EnumerateObject().Single().Name));
        Assert.Equal(
            """{"Name":"orders_grok","Classification":"orders_log","GrokPattern":"%{WORD:id};%{INT:qty:int}"}""",
            Compact(listed[0].GetProperty("GrokClassifier")));
        Assert.Equal(
            """{"Name":"pipes","Delimiter":"|","QuoteSymbol":"\"","ContainsHeader":"ABSENT","Header":["id","name"],"CustomDatatypeConfigured":true,"CustomDatatypes":["INT","STRING"]}""",
            Compact(listed[1].GetProperty("CsvClassifier")));
        Assert.Equal((0, "Removed classifier 'pipes'.\n"), (removed.ExitCode, removed.Output.ReplaceLineEndings("\n")));
        Assert.Single(JsonDocument.Parse(after.Output).RootElement.GetProperty("Classifiers").EnumerateArray());
    }

    [Fact]
    public async Task Json_and_xml_classifiers_list_as_Glues_JsonClassifier_and_XMLClassifier_and_an_unknown_header_as_UNKNOWN()
    {
        await RunAsync("classifier", "add", "books", "--type", "xml", "--classification", "library", "--row-tag", "book");
        await RunAsync("classifier", "add", "records", "--type", "json", "--json-path", "$.records[*]");
        await RunAsync("classifier", "add", "semis", "--type", "csv", "--delimiter", ";");

        var json = await RunAsync("classifier", "list", "--json");

        Assert.Equal(
            """{"Classifiers":[{"XMLClassifier":{"Name":"books","Classification":"library","RowTag":"book"}},"""
            + """{"JsonClassifier":{"Name":"records","JsonPath":"$.records[*]"}},"""
            + """{"CsvClassifier":{"Name":"semis","Delimiter":";","QuoteSymbol":"\"","ContainsHeader":"UNKNOWN"}}]}""",
            Compact(JsonDocument.Parse(json.Output).RootElement));
    }

    [Fact]
    public async Task An_option_the_type_does_not_take_is_refused()
    {
        var add = await RunAsync("classifier", "add", "books", "--type", "json", "--json-path", "$[*]", "--row-tag", "book");

        Assert.Equal((1, "error: A json classifier does not take --row-tag. It takes --json-path.\n"), (add.ExitCode, add.Error.ReplaceLineEndings("\n")));
    }

    [Fact]
    public async Task Removing_an_unknown_classifier_names_the_closest()
    {
        await RunAsync("classifier", "add", "books", "--type", "xml", "--classification", "library", "--row-tag", "book");

        var remove = await RunAsync("classifier", "remove", "book");

        Assert.Equal(1, remove.ExitCode);
        Assert.Equal($"error: Classifier 'book' does not exist in the catalog {temp.Combine("catalog.db")}. Did you mean 'books'?\n", remove.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Crawl_with_a_classifier_records_its_name_and_classification()
    {
        temp.Write("lake/orders/day1.txt", "AB;3\nCD;10\n");
        await RunAsync("classifier", "add", "orders_grok", "--type", "grok", "--classification", "orders_log", "--grok-pattern", "%{WORD:id};%{INT:qty:int}");

        var crawl = await RunAsync("crawl", temp.Combine("lake"), "--database", "logs", "--classifier", "orders_grok", "--classifier", "orders_grok");
        var table = await RunAsync("catalog", "table", "logs.orders", "--json");

        var help = await DevEndpointCommand.RunAsync("crawl", "--help");
        Assert.Equal((0, string.Empty), (crawl.ExitCode, crawl.Error));
        Assert.Contains("Custom classifiers of the catalog to try before the built-in ones (repeatable, in order)", help.Output, StringComparison.Ordinal);
        var parameters = JsonDocument.Parse(table.Output).RootElement.GetProperty("Table").GetProperty("Parameters");
        Assert.Equal(("orders_log", "orders_grok"), (parameters.GetProperty("classification").GetString(), parameters.GetProperty("classifier").GetString()));
    }

    [Fact]
    public async Task Help_describes_every_add_option()
    {
        var help = await DevEndpointCommand.RunAsync("classifier", "add", "--help");

        foreach (var option in new[] { "--type", "--classification", "--grok-pattern", "--custom-patterns", "--delimiter", "--quote", "--header", "--contains-header", "--custom-datatypes", "--json-path", "--row-tag", "--catalog" })
        {
            Assert.Contains(option, help.Output, StringComparison.Ordinal);
        }
    }

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private Task<CliResult> RunAsync(params string[] args) => DevEndpointCommand.RunAsync([.. args, "--catalog", temp.Combine("catalog.db")]);
}
