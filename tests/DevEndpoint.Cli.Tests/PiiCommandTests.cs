using System.Text.Json;
using DevEndpoint.MachineLearning.Pii;

namespace DevEndpoint.Cli.Tests;

public sealed class PiiCommandTests : IAsyncLifetime
{
    private readonly TempFolder temp = new();

    public async Task InitializeAsync()
    {
        temp.Write(
            "lake/people/people.csv",
            "id,name,email,phone,card\n"
            + "1,Mary Smith,mary@example.com,212-555-0123,4111 1111 1111 1111\n"
            + "2,John Brown,john@example.org,(646) 555-0199,none\n"
            + "3,Linda Garcia,n/a,+1 415 555 0100,5500-0000-0000-0004\n");
        var crawl = await RunAsync("crawl", temp.Combine("lake"), "--database", "crm");
        Assert.True(crawl.ExitCode == 0, crawl.Error);
    }

    public Task DisposeAsync()
    {
        temp.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Detect_prints_the_classified_columns_and_every_entity()
    {
        var result = await RunAsync("pii", "crm.people", "--entity-types", "EMAIL,PHONE_NUMBER", "--threshold-fraction", "0.5");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            """
            Scanned 3 rows of crm.people: 5 entities of 2 types; columns classified from 3 sampled rows at threshold 0.5.
            column  entity type   fraction  matched  sampled
            email   EMAIL         0.667     2        3
            phone   PHONE_NUMBER  1         3        3
            row  column  offset  length  entity type
            0    email   0       16      EMAIL
            0    phone   0       12      PHONE_NUMBER
            1    email   0       16      EMAIL
            1    phone   0       14      PHONE_NUMBER
            2    phone   0       15      PHONE_NUMBER

            """,
            result.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Json_gives_the_table_action_columns_and_entities()
    {
        var result = await RunAsync("pii", "crm.people", "--json");

        Assert.Equal(0, result.ExitCode);
        var report = JsonDocument.Parse(result.Output).RootElement.GetProperty("SensitiveData");
        Assert.Equal(
            ["Table", "Action", "Rows", "SampledRows", "SampleFraction", "ThresholdFraction", "Columns", "Entities"],
            report.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("crm.people", "DETECT", 3), (report.GetProperty("Table").GetString(), report.GetProperty("Action").GetString(), report.GetProperty("Rows").GetInt32()));
        Assert.Equal(
            ["name:PERSON_NAME", "email:EMAIL", "phone:PHONE_NUMBER", "card:CREDIT_CARD"],
            report.GetProperty("Columns").EnumerateArray().Select(c => $"{c.GetProperty("Column").GetString()}:{c.GetProperty("EntityType").GetString()}"));
        var first = report.GetProperty("Entities")[0];
        Assert.Equal(
            """{"Column":"name","Row":0,"Offset":0,"Length":10,"EntityType":"PERSON_NAME"}""",
            JsonSerializer.Serialize(first));
        Assert.Equal(10, report.GetProperty("Entities").GetArrayLength());
    }

    [Fact]
    public async Task Partial_redact_prints_the_table_as_csv_and_output_writes_it_to_a_file()
    {
        var printed = await RunAsync("pii", "crm.people", "--action", "partial-redact", "--entity-types", "CREDIT_CARD", "PHONE_NUMBER");
        var file = temp.Combine("out", "people.csv");
        var written = await RunAsync("pii", "crm.people", "--action", "partial-redact", "--entity-types", "CREDIT_CARD", "PHONE_NUMBER", "--output", file);

        var expected = """
            id,name,email,phone,card
            1,Mary Smith,mary@example.com,***-***-0123,**** **** **** 1111
            2,John Brown,john@example.org,(***) ***-0199,none
            3,Linda Garcia,n/a,+* *** *** 0100,****-****-****-0004

            """;
        Assert.Equal((0, expected), (printed.ExitCode, printed.Output.ReplaceLineEndings("\n")));
        Assert.Equal(0, written.ExitCode);
        Assert.EndsWith($"Wrote the table with its entities partly redacted to {file}.\n", written.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(expected, File.ReadAllText(file).ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Record_keeps_the_entity_types_of_each_column_in_the_catalog()
    {
        var result = await RunAsync("pii", "crm.people", "--record");
        var table = await RunAsync("catalog", "table", "crm.people", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Recorded pii.entityTypes on 4 columns of crm.people in the catalog.\n", result.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var columns = JsonDocument.Parse(table.Output).RootElement.GetProperty("Table").GetProperty("StorageDescriptor").GetProperty("Columns").EnumerateArray()
            .ToDictionary(c => c.GetProperty("Name").GetString()!, c => c.TryGetProperty("Parameters", out var p) ? p.GetProperty("pii.entityTypes").GetString() : null);
        Assert.Equal(
            new Dictionary<string, string?> { ["id"] = null, ["name"] = "PERSON_NAME", ["email"] = "EMAIL", ["phone"] = "PHONE_NUMBER", ["card"] = "CREDIT_CARD" },
            columns);
    }

    [Fact]
    public async Task Crawl_with_detect_pii_records_the_entity_types_of_each_crawled_table()
    {
        temp.Write("lake2/devices/devices.csv", "host,mac,note\n192.168.1.20,00:1A:2B:3C:4D:5E,ok\n10.0.0.7,00-1a-2b-3c-4d-5f,fine\n");

        var crawl = await RunAsync("crawl", temp.Combine("lake2"), "--database", "net", "--detect-pii");
        var table = await RunAsync("catalog", "table", "net.devices", "--json");

        Assert.Equal(0, crawl.ExitCode);
        Assert.EndsWith(
            "Sensitive data (pii.entityTypes recorded on the columns):\n  net.devices: host IP_ADDRESS, mac MAC_ADDRESS\n",
            crawl.Output.ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
        Assert.Contains("\"pii.entityTypes\": \"MAC_ADDRESS\"", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_describes_every_option_with_the_texts_the_magic_shows_too()
    {
        var help = await DevEndpointCommand.RunAsync("pii", "--help");
        var crawl = await DevEndpointCommand.RunAsync("crawl", "--help");

        Assert.Equal(0, help.ExitCode);
        var text = string.Join(' ', help.Output.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        foreach (var setting in new[] { PiiSettings.EntityTypes, PiiSettings.Action, PiiSettings.SampleFraction, PiiSettings.ThresholdFraction, PiiSettings.Record })
        {
            Assert.Contains(setting.Option, text, StringComparison.Ordinal);
            Assert.Contains(setting.Description[..60], text, StringComparison.Ordinal);
        }

        Assert.Contains("--detect-pii", crawl.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_options_are_errors_that_say_what_to_type()
    {
        var type = await RunAsync("pii", "crm.people", "--entity-types", "EMAILS");
        var action = await RunAsync("pii", "crm.people", "--action", "mask");
        var fraction = await RunAsync("pii", "crm.people", "--sample-fraction", "0");
        var table = await RunAsync("pii", "crm.peple");

        Assert.Equal(1, type.ExitCode);
        Assert.StartsWith("error: 'EMAILS' is not an entity type. Did you mean EMAIL? Use ALL or some of: PERSON_NAME, EMAIL,", type.Error, StringComparison.Ordinal);
        Assert.Equal((1, "error: 'mask' is not an action. Use detect, redact, partial-redact or sha256-hash.\n"), (action.ExitCode, action.Error.ReplaceLineEndings("\n")));
        Assert.Equal(
            (1, "error: --sample-fraction must be a fraction greater than 0 and at most 1 (0.1 is one in ten); got '0'.\n"),
            (fraction.ExitCode, fraction.Error.ReplaceLineEndings("\n")));
        Assert.Equal(1, table.ExitCode);
        Assert.Contains("crm.peple", table.Error, StringComparison.Ordinal);
        Assert.Empty(type.Output + action.Output + fraction.Output);
    }

    private Task<CliResult> RunAsync(params string[] args) => DevEndpointCommand.RunAsync([.. args, "--catalog", temp.Combine("catalog.db")]);
}
