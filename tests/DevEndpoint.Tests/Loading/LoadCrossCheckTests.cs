using System.Globalization;
using DevEndpoint.Loading;

namespace DevEndpoint.Tests.Loading;

/// <summary>Loaded values checked against a second, independent read of the same files.</summary>
public sealed class LoadCrossCheckTests
{
    [Fact]
    public async Task The_loaded_amounts_sum_to_the_total_of_a_plain_read_of_the_csv_files()
    {
        using var lake = await CrawledSampleLake.CreateAsync();

        var frame = (await lake.LoadAsync("sales.orders")).Frame;

        // The sample's only quoted field is the last one ("gift wrap, please"), so a plain split finds the amount.
        var files = Directory.GetFiles(Path.Combine(lake.LakePath, "orders"), "*.csv", SearchOption.AllDirectories);
        var amounts = files.SelectMany(f => File.ReadLines(f).Skip(1)).Select(line => decimal.Parse(line.Split(',')[3], CultureInfo.InvariantCulture)).ToList();
        var loaded = frame.Columns["amount"].Cast<decimal?>().ToList();
        Assert.Equal(amounts.Count, loaded.Count);
        Assert.Equal(amounts.Sum(), loaded.Sum());
        Assert.Equal(amounts.Order(), loaded.Select(a => a!.Value).Order());
    }

    [Fact]
    public async Task A_predicate_load_returns_the_rows_of_the_selected_files_only()
    {
        using var lake = await CrawledSampleLake.CreateAsync();

        var frame = (await lake.LoadAsync("sales.orders", new LoadOptions { Where = "year = '2024' AND month IN ('01','02')", Columns = ["order_id"] })).Frame;

        var expected = new[] { lake.OrdersFile("2024", "01"), lake.OrdersFile("2024", "02") }
            .SelectMany(f => File.ReadLines(f).Skip(1))
            .Select(line => int.Parse(line.Split(',')[0], CultureInfo.InvariantCulture));
        Assert.Equal(expected, frame.Columns["order_id"].Cast<int?>().Select(i => i!.Value));
    }
}
