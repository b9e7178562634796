using DevEndpoint.Catalog;
using DevEndpoint.Formats;
using DevEndpoint.Formats.Logs;

namespace DevEndpoint.Tests.Formats.Logs;

public sealed class LogClassifierTests
{
    private const string Common =
        "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326\n"
        + "10.1.2.3 - - [10/Oct/2000:13:56:01 -0700] \"POST /login HTTP/1.1\" 302 -\n";

    private const string Combined =
        "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326 \"http://www.example.com/start.html\" \"Mozilla/4.08\"\n"
        + "web.example.com - - [10/Oct/2000:13:57:12 -0700] \"-\" 408 - \"-\" \"-\"\n";

    private const string Syslog =
        "Nov 25 04:58:22 host-1 kernel: [    0.000000] Linux version 6.8.0\n"
        + "Nov 25 04:58:23 host-1 sshd[812]: Accepted publickey for root\n"
        + "Nov  5 01:02:03 10.0.0.7 CRON[77]: (root) CMD (run-parts /etc/cron.hourly)\n";

    [Fact]
    public async Task Combined_apache_logs_are_classified_with_their_fields()
    {
        var schema = await ClassifyAsync("access.log", Combined);

        Assert.Equal(("combined_apache", 2L), (schema.Classification, schema.RecordCount));
        Assert.Equal(
            "clientip string, ident string, auth string, timestamp string, verb string, request string, httpversion string, rawrequest string, response int, bytes bigint, referrer string, agent string",
            string.Join(", ", schema.Columns.Select(c => $"{c.Name} {c.Type}")));
        Assert.Equal("%{COMBINEDAPACHELOG}", schema.Parameters["grokPattern"]);
    }

    [Fact]
    public async Task Common_apache_logs_are_classified_apache()
    {
        var schema = await ClassifyAsync("access.log", Common);

        Assert.Equal("apache", schema.Classification);
        Assert.Equal(10, schema.Columns.Count);
    }

    [Fact]
    public async Task Syslog_lines_are_classified_linux_kernel()
    {
        var schema = await ClassifyAsync("messages", Syslog);

        Assert.Equal(("linux_kernel", 3L), (schema.Classification, schema.RecordCount));
        Assert.Equal(
            [new Column("timestamp", "string"), new Column("logsource", "string"), new Column("program", "string"), new Column("pid", "int"), new Column("message", "string")],
            schema.Columns);
    }

    [Fact]
    public async Task A_log_with_some_odd_lines_is_still_a_log_when_nothing_else_is_certain()
    {
        var schema = await ClassifyAsync("messages", Syslog + "--- rotated ---\n");

        Assert.Equal("linux_kernel", schema.Classification);
    }

    [Fact]
    public async Task A_crawled_log_table_has_the_grok_serde_with_its_pattern()
    {
        using var folder = new TempFolder();
        folder.Write("logs/access.log", Combined);
        using var crawled = await CrawledFolder.CreateAsync(folder.Path, "web");

        var table = crawled.Table("logs");

        Assert.Equal("combined_apache", table.Parameter("classification"));
        Assert.Equal(StorageFormats.GrokSerDe, table.StorageDescriptor.SerdeInfo.SerializationLibrary);
        Assert.Equal("%{COMBINEDAPACHELOG}", table.StorageDescriptor.SerdeInfo.Parameters["input.format"]);
    }

    [Fact]
    public void Every_line_a_built_in_log_pattern_matches_passes_its_quick_test()
    {
        string[] others =
        [
            "id,qty,price,active,day,at", "10000000000,-12,4512.330,true,2022-01-05,2022-01-05 18:22:08",
            "Dec  1 00:00:01 web-2 nginx: reload", "nov 25 04:58:22 host-1 kernel: lower case month", "[client] 10.0.0.1 - - x",
        ];
        var lines = (Common + Combined + Syslog).Split('\n', StringSplitOptions.RemoveEmptyEntries).Concat(others).ToList();
        var classifiers = FileClassifier.BuiltIns.OfType<GrokClassifier>().ToList();

        Assert.Equal(3, classifiers.Count);
        foreach (var classifier in classifiers)
        {
            var matched = lines.Where(l => classifier.Pattern.Match(l) is not null).ToList();
            Assert.NotEmpty(matched);
            Assert.All(matched, line => Assert.True(classifier.MayMatch!(line), $"{classifier.Name}: {line}"));
            Assert.Contains(lines, line => !classifier.MayMatch!(line));
        }
    }

    private static async Task<FileSchema> ClassifyAsync(string name, string content)
    {
        using var folder = new TempFolder();
        var schema = await FileClassifier.ClassifyAsync(folder.Write(name, content), new SampleOptions());
        Assert.NotNull(schema);
        return schema;
    }
}
