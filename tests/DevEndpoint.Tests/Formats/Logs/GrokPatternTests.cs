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
}
