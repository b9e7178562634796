using System.Text.Json;

namespace DevEndpoint.Cli.Tests;

/// <summary><c>devendpoint load</c> on tables of logs and XML, crawled by <c>devendpoint crawl</c>.</summary>
public sealed class LoadLogAndXmlCommandTests
{
    [Fact]
    public async Task A_log_table_loads_its_fields_and_lists_a_line_its_pattern_does_not_match()
    {
        using var temp = new TempFolder();
        var file = temp.Write(
            "lake/messages/syslog",
            "Nov 25 04:58:22 host-1 kernel: [    0.000000] Linux version 6.8.0\nNov 25 04:58:23 host-1 sshd[812]: Accepted publickey for root\n");
        var catalogFile = temp.Combine("catalog.db");
        Assert.Equal(0, (await DevEndpointCommand.RunAsync("crawl", temp.Combine("lake"), "--database", "ops", "--catalog", catalogFile)).ExitCode);
        File.AppendAllText(file, "-- MARK --\n");

        var result = await DevEndpointCommand.RunAsync("load", "ops.messages", "--columns", "program,pid", "--summary", "--catalog", catalogFile);
        var rows = await DevEndpointCommand.RunAsync("load", "ops.messages", "--catalog", catalogFile);

        Assert.Equal((0, string.Empty), (result.ExitCode, result.Error));
        using var summary = JsonDocument.Parse(result.Output);
        Assert.Equal(
            """{"rows":2,"columns":[{"name":"program","type":"string","nulls":0,"utf8Bytes":10},{"name":"pid","type":"int","nulls":1,"sum":812}],"badRows":1}""",
            JsonSerializer.Serialize(new
            {
                rows = summary.RootElement.GetProperty("rows"),
                columns = summary.RootElement.GetProperty("columns"),
                badRows = summary.RootElement.GetProperty("badRows"),
            }));
        Assert.Equal(0, rows.ExitCode);
        Assert.EndsWith(
            $"1 bad rows left out (permissive):{Environment.NewLine}  {file}:3: value '-- MARK --': does not match the grok pattern %{{SYSLOGLINE}}{Environment.NewLine}",
            rows.Output,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_xml_table_loads_nested_elements_as_dotted_columns()
    {
        using var temp = new TempFolder();
        temp.Write("lake/people/people.xml", "<people>\n  <person id=\"1\"><name>Ann</name><address><city>Oslo</city></address></person>\n  <person id=\"2\"><name>Bo</name></person>\n</people>\n");
        var catalogFile = temp.Combine("catalog.db");
        Assert.Equal(0, (await DevEndpointCommand.RunAsync("crawl", temp.Combine("lake"), "--database", "hr", "--catalog", catalogFile)).ExitCode);

        var result = await DevEndpointCommand.RunAsync("load", "hr.people", "--summary", "--catalog", catalogFile);

        Assert.Equal((0, string.Empty), (result.ExitCode, result.Error));
        using var summary = JsonDocument.Parse(result.Output);
        Assert.Equal(
            """[{"name":"id","type":"int","nulls":0,"sum":3},{"name":"name","type":"string","nulls":0,"utf8Bytes":5},{"name":"address.city","type":"string","nulls":1,"utf8Bytes":4}]""",
            summary.RootElement.GetProperty("columns").GetRawText());
    }
}
