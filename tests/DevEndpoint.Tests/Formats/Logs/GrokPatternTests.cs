using DevEndpoint.Formats.Logs;

namespace DevEndpoint.Tests.Formats.Logs;

public sealed class GrokPatternTests
{
    [Fact]
    public void A_pattern_captures_named_typed_fields_from_a_whole_line()
    {
        var pattern = GrokPattern.Compile(@"%{WORD:level} \[%{INT:code:int}\] %{GREEDYDATA:message}");

        var values = pattern.Match("WARN [42] disk almost full");

        Assert.Equal([new GrokField("level", "string"), new GrokField("code", "int"), new GrokField("message", "string")], pattern.Fields);
        Assert.Equal(new Dictionary<string, string> { ["level"] = "WARN", ["code"] = "42", ["message"] = "disk almost full" }, values);
        Assert.Null(pattern.Match("WARN [x] disk"));
    }

    [Fact]
    public void Custom_patterns_can_use_the_library_and_each_other()
    {
        var pattern = GrokPattern.Compile(
            "%{ORDER:order} for %{NUMBER:amount:double}",
            new Dictionary<string, string> { ["ORDERID"] = "[A-Z]{2}-%{POSINT}", ["ORDER"] = "order %{ORDERID}" });

        Assert.Equal("order AB-17", pattern.Match("order AB-17 for 9.50")!["order"]);
        Assert.Equal("double", pattern.Fields[1].Type);
    }

    [Fact]
    public void An_optional_field_a_line_leaves_out_is_absent()
    {
        var pattern = GrokPattern.Compile("%{SYSLOGLINE}");

        var values = pattern.Match("Nov  3 10:01:02 web-1 kernel: [ 1.2] eth0: link up");

        Assert.NotNull(values);
        Assert.Equal(("kernel", false), (values["program"], values.ContainsKey("pid")));
    }

    [Theory]
    [InlineData("%{NOPE:x}", "The grok pattern '%{NOPE:x}' refers to %{NOPE}, which is not a known pattern. (Parameter 'pattern')")]
    [InlineData("%{INT:x:decimal}", "The grok pattern '%{INT:x:decimal}' gives a field the type 'decimal'; known types: string, boolean, byte, short, int, long, float, double. (Parameter 'pattern')")]
    [InlineData("%{LOOP}", "The grok pattern %{LOOP} refers to itself. (Parameter 'pattern')")]
    [InlineData("%{INT:x}(", "The grok pattern '%{INT:x}(' is not a valid regular expression once expanded (Invalid pattern '^(?:(?<f0>[+-]?[0-9]+)()$' at offset 25. Not enough )'s). (Parameter 'pattern')")]
    public void A_bad_pattern_fails_naming_the_problem(string text, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => GrokPattern.Compile(text, new Dictionary<string, string> { ["LOOP"] = "a%{LOOP}" }));

        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("USERNAME", "j.doe-2")]
    [InlineData("USER", "j.doe@corp")]
    [InlineData("INT", "-42")]
    [InlineData("BASE10NUM", "3.25")]
    [InlineData("NUMBER", "-0.5")]
    [InlineData("BASE16NUM", "0x1F")]
    [InlineData("BASE16FLOAT", "0x1.8")]
    [InlineData("BOOLEAN", "TRUE")]
    [InlineData("POSINT", "17")]
    [InlineData("NONNEGINT", "0")]
    [InlineData("WORD", "hello_1")]
    [InlineData("NOTSPACE", "a/b?c")]
    [InlineData("SPACE", "   ")]
    [InlineData("DATA", "any text")]
    [InlineData("GREEDYDATA", "any text at all")]
    [InlineData("QUOTEDSTRING", "\"say \\\"hi\\\"\"")]
    [InlineData("UUID", "123e4567-e89b-12d3-a456-426614174000")]
    [InlineData("MAC", "00:1A:2B:3C:4D:5E")]
    [InlineData("CISCOMAC", "001a.2b3c.4d5e")]
    [InlineData("WINDOWSMAC", "00-1A-2B-3C-4D-5E")]
    [InlineData("COMMONMAC", "00:1a:2b:3c:4d:5e")]
    [InlineData("IPV6", "2001:db8::1")]
    [InlineData("IPV4", "192.168.0.1")]
    [InlineData("IP", "10.0.0.255")]
    [InlineData("HOSTNAME", "web-1.example.com")]
    [InlineData("HOST", "db1")]
    [InlineData("IPORHOST", "example.org")]
    [InlineData("HOSTPORT", "example.org:8080")]
    [InlineData("PATH", "/var/log/app.log")]
    [InlineData("UNIXPATH", "/home/me/data.csv")]
    [InlineData("TTY", "/dev/pts/3")]
    [InlineData("WINPATH", "C:\\Logs\\app.log")]
    [InlineData("URIPROTO", "https")]
    [InlineData("URIHOST", "example.org:443")]
    [InlineData("URIPATH", "/a/b.html")]
    [InlineData("URIPARAM", "?q=1&r=2")]
    [InlineData("URIPATHPARAM", "/search?q=glue")]
    [InlineData("URI", "https://user@example.org:8443/a/b?c=d")]
    [InlineData("MONTH", "September")]
    [InlineData("MONTHNUM", "9")]
    [InlineData("MONTHNUM2", "09")]
    [InlineData("MONTHDAY", "31")]
    [InlineData("DAY", "Tuesday")]
    [InlineData("YEAR", "2024")]
    [InlineData("HOUR", "23")]
    [InlineData("MINUTE", "59")]
    [InlineData("SECOND", "60")]
    [InlineData("TIME", "10:30:05.123")]
    [InlineData("DATE_US", "12/31/2024")]
    [InlineData("DATE_EU", "31.12.2024")]
    [InlineData("DATESTAMP_US", "12-31-2024 10:30:05")]
    [InlineData("DATESTAMP_EU", "31/12/2024 10:30:05")]
    [InlineData("ISO8601_TIMEZONE", "+01:00")]
    [InlineData("ISO8601_SECOND", "07.5")]
    [InlineData("TIMESTAMP_ISO8601", "2024-01-31T10:30:05.123Z")]
    [InlineData("TZ", "PST")]
    [InlineData("DATESTAMP_RFC822", "Wed Jan 31 2024 10:30:05 UTC")]
    [InlineData("DATESTAMP_RFC2822", "Wed, 31 Jan 2024 10:30:05 +0100")]
    [InlineData("DATESTAMP_OTHER", "Wed Jan 31 10:30:05 UTC 2024")]
    [InlineData("DATESTAMP_EVENTLOG", "20240131103005")]
    [InlineData("CISCOTIMESTAMP", "Jan 31 10:30:05")]
    [InlineData("SYSLOGTIMESTAMP", "Jan  3 10:30:05")]
    [InlineData("PROG", "sshd")]
    [InlineData("SYSLOGPROG", "sshd[123]")]
    [InlineData("SYSLOGHOST", "web-1")]
    [InlineData("SYSLOGFACILITY", "<4.6>")]
    [InlineData("HTTPDATE", "31/Jan/2024:10:30:05 +0000")]
    [InlineData("QS", "\"quoted\"")]
    [InlineData("SYSLOGBASE", "Jan 31 10:30:05 web-1 sshd[123]:")]
    [InlineData("MESSAGESLOG", "Jan 31 10:30:05 web-1 sshd[123]: Accepted key")]
    [InlineData("COMMONAPACHELOG", "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /a.gif HTTP/1.0\" 200 2326")]
    [InlineData("COMBINEDAPACHELOG", "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /a.gif HTTP/1.0\" 200 2326 \"http://x/\" \"Mozilla/4.08\"")]
    [InlineData("COMMONAPACHELOG_DATATYPED", "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /a.gif HTTP/1.0\" 200 2326")]
    [InlineData("LOGLEVEL", "WARNING")]
    public void Every_built_in_pattern_Glue_documents_compiles_and_matches_an_example(string name, string example)
    {
        var pattern = GrokPattern.Compile($"%{{{name}:value}}");

        Assert.Equal(example, pattern.Match(example)?["value"]);
    }

    [Fact]
    public void The_examples_cover_every_built_in_pattern_Glue_documents()
    {
        var covered = typeof(GrokPatternTests).GetMethod(nameof(Every_built_in_pattern_Glue_documents_compiles_and_matches_an_example))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>().Select(a => (string)a.GetData(null!).Single()[0]);

        Assert.Equal(DevEndpoint.Formats.Logs.Internals.GrokLibrary.GlueBuiltIns.Order(StringComparer.Ordinal), covered.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_log_line_with_an_iso8601_timestamp_and_a_level_is_split_into_its_fields()
    {
        var pattern = GrokPattern.Compile("%{TIMESTAMP_ISO8601:at} %{LOGLEVEL:level} %{GREEDYDATA:message}");

        var values = pattern.Match("2024-01-31 10:30:05,123 ERROR disk full");

        Assert.Equal(new Dictionary<string, string> { ["at"] = "2024-01-31 10:30:05,123", ["level"] = "ERROR", ["message"] = "disk full" }, values);
    }
}
