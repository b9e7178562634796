using DevEndpoint.Catalog;

namespace DevEndpoint.Tests.Catalog;

/// <summary><see cref="CatalogUpdate.PutPartitions"/>: many partitions in few statements, each stored as <see cref="CatalogUpdate.PutPartition"/> would.</summary>
public sealed class PartitionBatchTests : IDisposable
{
    private static readonly TableName Orders = TableName.Parse("sales.orders");

    private readonly TestCatalogs catalogs = new();

    public void Dispose() => catalogs.Dispose();

    [Theory]
    [MemberData(nameof(TestCatalogs.Stores), MemberType = typeof(TestCatalogs))]
    public void Partitions_past_one_statement_are_added_changed_or_left_as_one_by_one_puts_would(string store)
    {
        var catalog = DataCatalog.Open(catalogs.Name(store));
        catalog.Update(update =>
        {
            update.EnsureDatabase(TestTables.Sales);
            update.PutTable(TestTables.Orders());
            update.PutPartition(Month(1, "40"));
            update.PutPartition(Month(2, "40"));
        });
        var before = catalog.GetPartitions(Orders).ToDictionary(p => p.Values[1], p => p.CreationTime);

        // 450 months: the two stored (one unchanged, one with a new count), and 448 new, one of them given twice.
        var puts = Enumerable.Range(1, 450).Select(m => Month(m, m == 2 ? "41" : "40")).Append(Month(450, "99")).ToList();
        IReadOnlyList<bool> isNew = [];
        catalog.Update(update => isNew = update.PutPartitions(puts));

        var stored = catalog.GetPartitions(Orders).ToDictionary(p => p.Values[1]);
        Assert.Equal([false, false, .. Enumerable.Repeat(true, 448), false], isNew);
        Assert.Equal(450, stored.Count);
        Assert.Equal(before["0001"], stored["0001"].CreationTime);
        Assert.Equal(before["0002"], stored["0002"].CreationTime);
        Assert.Equal("41", stored["0002"].Parameters["recordCount"]);
        Assert.Equal("99", stored["0450"].Parameters["recordCount"]);
        Assert.Equal("/lake/sales/orders/year=2024/month=0300/", stored["0300"].StorageDescriptor.Location);
        Assert.Equal(CatalogJson.Serialize(Month(300, "40") with { CreationTime = stored["0300"].CreationTime }), CatalogJson.Serialize(stored["0300"]));
    }

    private static Partition Month(int month, string records) =>
        TestTables.OrdersPartition("2024", month.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)) with
        {
            DatabaseName = "sales",
            TableName = "orders",
            StorageDescriptor = TestTables.Orders().StorageDescriptor with { Location = $"/lake/sales/orders/year=2024/month={month:D4}/" },
            Parameters = new Dictionary<string, string> { ["recordCount"] = records },
        };
}
