namespace DevEndpoint.Cli.Tests;

public sealed class LoadCommandTests(CrawledCatalog lake) : IClassFixture<CrawledCatalog>
{
    [Fact]
    public async Task Load_prints_what_it_read_and_the_first_rows()
    {
        var result = await lake.RunAsync("load", "sales.orders", "--where", "year = '2024' AND month IN ('01','02')", "--columns", "order_id,month", "--limit", "3");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Matches("^3 rows, 2 columns from 1 files, 2 of 5 partitions, in [0-9]+ ms\\.$", lines[0]);
        Assert.Equal(
            ["order_id | month", "---------+------", "    1080 | 01", "    1081 | 01", "    1082 | 01", "3 rows x 2 columns.", string.Empty],
            lines.Skip(1));
    }

    [Fact]
    public async Task An_invalid_predicate_exits_1_and_points_at_the_position()
    {
        var result = await lake.RunAsync("load", "sales.orders", "--where", "year =");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Equal(
            string.Join(
                Environment.NewLine,
                "error: Invalid predicate at position 7: expected a value after =, found the end of the predicate.",
                "  year =",
                "        ^",
                string.Empty),
            result.Error);
    }

    [Fact]
    public async Task A_predicate_on_data_columns_filters_the_rows_and_the_summary_counts_them()
    {
        var result = await lake.RunAsync(
            "load", "sales.orders", "--where", "year = '2024' AND amount > 250 AND status <> 'cancelled'", "--columns", "order_id", "--summary");

        // The sample's only quoted field is the last one ("gift wrap, please"), so a plain split finds the amount and status.
        var expected = Directory.GetFiles(Path.Combine(lake.LakePath, "orders"), "*.csv", SearchOption.AllDirectories)
            .Where(f => f.Contains("year=2024", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Skip(1))
            .Select(line => line.Split(','))
            .Count(fields => decimal.Parse(fields[3], System.Globalization.CultureInfo.InvariantCulture) > 250 && fields[4] != "cancelled");
        Assert.Equal(0, result.ExitCode);
        using var summary = System.Text.Json.JsonDocument.Parse(result.Output);
        Assert.Equal(expected, summary.RootElement.GetProperty("rows").GetInt32());
        Assert.InRange(expected, 20, 100);
    }

    [Fact]
    public async Task A_predicate_on_an_unknown_column_exits_1_naming_it_and_the_closest_column()
    {
        var result = await lake.RunAsync("load", "sales.orders", "--where", "amount > 100 AND statsu = 'shipped'");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "error: Column 'statsu' at position 18 of the predicate does not exist in sales.orders. Did you mean 'status'? Columns: order_id, customer_id, order_date, amount, status, note, year, month."
            + Environment.NewLine,
            result.Error);
    }
}
