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
}
