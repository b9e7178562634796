using System.Globalization;
using System.Text.Json;

namespace DevEndpoint.Cli.Tests;

public sealed class LoadSummaryCommandTests(CrawledCatalog lake) : IClassFixture<CrawledCatalog>
{
    [Fact]
    public async Task A_summary_is_one_json_object_whose_figures_match_a_plain_read_of_the_csv_files()
    {
        var result = await lake.RunAsync("load", "sales.orders", "--summary");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        Assert.Single(result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var summary = JsonDocument.Parse(result.Output).RootElement;
        var lines = Directory.GetFiles(Path.Combine(lake.LakePath, "orders"), "*.csv", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadLines(f).Skip(1))
            .ToList();
        Assert.Equal(lines.Count, summary.GetProperty("rows").GetInt64());
        var columns = summary.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal(
            new[] { "order_id int", "customer_id int", "order_date date", "amount decimal(10,2)", "status string", "note string", "year string", "month string" },
            columns.Values.Select(c => $"{c.GetProperty("name").GetString()} {c.GetProperty("type").GetString()}"));

        // The sample's only quoted field is the last one ("gift wrap, please"), so a plain split finds the others.
        var fields = lines.Select(l => l.Split(',')).ToList();
        Assert.Equal(fields.Sum(f => long.Parse(f[0], CultureInfo.InvariantCulture)), columns["order_id"].GetProperty("sum").GetInt64());
        Assert.Equal(fields.Sum(f => decimal.Parse(f[3], CultureInfo.InvariantCulture)), columns["amount"].GetProperty("sum").GetDecimal());
        Assert.Equal(fields.Sum(f => (long)f[4].Length), columns["status"].GetProperty("utf8Bytes").GetInt64());
        Assert.Equal(0, columns["order_date"].GetProperty("nulls").GetInt64());
        Assert.False(columns["order_date"].TryGetProperty("sum", out _));
        Assert.Equal(lines.Count * 4, columns["year"].GetProperty("utf8Bytes").GetInt64());
        Assert.Equal(0, summary.GetProperty("badRows").GetInt64());
        Assert.True(summary.GetProperty("elapsedMs").GetDouble() > 0);
        Assert.True(summary.GetProperty("peakWorkingSetBytes").GetInt64() > 10_000_000);
    }

    [Fact]
    public async Task A_summary_covers_only_the_rows_and_columns_the_options_select()
    {
        var result = await lake.RunAsync("load", "sales.orders", "--where", "year = '2024' AND month IN ('01','02')", "--columns", "order_id,month", "--limit", "3", "--summary");

        Assert.Equal(0, result.ExitCode);
        using var summary = JsonDocument.Parse(result.Output);
        Assert.Equal(
            """{"rows":3,"columns":[{"name":"order_id","type":"int","nulls":0,"sum":3243},{"name":"month","type":"string","nulls":0,"utf8Bytes":6}],"badRows":0}""",
            JsonSerializer.Serialize(new
            {
                rows = summary.RootElement.GetProperty("rows"),
                columns = summary.RootElement.GetProperty("columns"),
                badRows = summary.RootElement.GetProperty("badRows"),
            }));
    }

    [Theory]
    [InlineData("--sample", "0.5", "--strings", "utf8")]
    [InlineData("--sample-rows", "50", "--mode", "DropMalformed", "--error-threshold", "10")]
    [InlineData("--mode", "failfast", "--strings", "dotnet")]
    public async Task Sampling_bad_record_and_string_options_are_taken_by_the_load(params string[] options)
    {
        var result = await lake.RunAsync(["load", "sales.orders", .. options, "--summary"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        var summary = JsonDocument.Parse(result.Output).RootElement;
        Assert.InRange(summary.GetProperty("rows").GetInt64(), 1, 200);
        Assert.Equal(8, summary.GetProperty("columns").GetArrayLength());
    }

    [Theory]
    [InlineData("--sample", "0", "--sample must be a fraction greater than 0 and at most 1 (0.01 keeps about 1 row in 100); got '0'.")]
    [InlineData("--sample", "2", "--sample must be a fraction greater than 0 and at most 1 (0.01 keeps about 1 row in 100); got '2'.")]
    [InlineData("--sample", "half", "--sample must be a fraction greater than 0 and at most 1 (0.01 keeps about 1 row in 100); got 'half'.")]
    [InlineData("--sample-rows", "0", "--sample-rows must be a whole number of 1 or more; got '0'.")]
    [InlineData("--error-threshold", "-1", "--error-threshold must be a whole number of 0 or more; got '-1'.")]
    [InlineData("--mode", "nope", "--mode must be permissive, failfast or dropmalformed; got 'nope'.")]
    [InlineData("--strings", "ascii", "--strings must be auto, dotnet or utf8; got 'ascii'.")]
    public async Task An_option_value_out_of_range_is_a_usage_error(string option, string value, string message)
    {
        var result = await lake.RunAsync("load", "sales.orders", option, value, "--summary");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        var nl = Environment.NewLine;
        Assert.Equal($"error: {message}{nl}Run 'devendpoint load --help' for its usage.{nl}", result.Error);
    }
}
