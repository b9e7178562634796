using DevEndpoint.Catalog;
using DevEndpoint.Jobs;

namespace DevEndpoint.Tests.Catalog;

/// <summary>Many writers on one catalog, each with its own connections, as processes on many machines would be.</summary>
public sealed class CatalogConcurrencyTests : IDisposable
{
    private const int Writers = 8;
    private const int TablesEach = 4;

    private static readonly TableName Shared = TableName.Parse("sales.shared");

    private readonly TestCatalogs catalogs = new();

    public void Dispose() => catalogs.Dispose();

    [Theory]
    [MemberData(nameof(TestCatalogs.Stores), MemberType = typeof(TestCatalogs))]
    public async Task Eight_concurrent_writers_keep_every_table_partition_version_and_bookmark_and_no_half_change_shows(string store)
    {
        var name = catalogs.Name(store);
        DataCatalog.Open(name).Update(update => update.EnsureDatabase(TestTables.Sales));
        var file = Path.Combine(catalogs.Folder, "part-0.csv");
        File.WriteAllText(file, "a\n1\n");
        using var done = new CancellationTokenSource();
        var halfChanges = new List<string>();

        var reader = Task.Run(() => WatchForHalfChanges(name, halfChanges, done.Token));
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(() => Write(name, writer, file))));
        await done.CancelAsync();
        await reader;

        var catalog = DataCatalog.Open(name);
        var tables = catalog.GetTables("sales").Where(t => t.Name != Shared.Table).ToList();
        Assert.Equal(Writers * TablesEach, tables.Count);
        Assert.All(tables, t => Assert.Equal(3, catalog.GetPartitions(new TableName("sales", t.Name)).Count));
        Assert.Equal(Enumerable.Range(1, Writers * TablesEach).Reverse().Select(v => (long)v), catalog.GetTableVersions(Shared).Select(v => v.VersionId));
        var bookmarks = new JobBookmarks(catalog).List();
        Assert.Equal(Writers, bookmarks.Count);
        Assert.All(bookmarks, b => Assert.Equal(TablesEach, b.CommittedRuns));
        Assert.Empty(halfChanges);
    }

    [Theory]
    [MemberData(nameof(TestCatalogs.Stores), MemberType = typeof(TestCatalogs))]
    public void An_update_based_on_an_older_version_fails_as_Glue_ConcurrentModificationException_and_changes_nothing(string store)
    {
        var catalog = DataCatalog.Open(catalogs.Name(store));
        catalog.Update(update =>
        {
            update.EnsureDatabase(TestTables.Sales);
            update.PutTable(TestTables.Orders());
        });
        var orders = TableName.Parse("sales.orders");
        var first = catalog.GetTable(orders);
        var second = catalog.GetTable(orders);
        catalog.Update(update => Assert.Equal(TableChange.Updated, update.PutTable(first with { Description = "first" })));

        var error = Assert.Throws<DevEndpointException>(() => catalog.Update(update => update.PutTable(second with { Description = "second" })));

        Assert.Equal(
            $"Table 'sales.orders' changed in the catalog {catalog.Path} after version 1 of it was read: it is at version 2 now (Glue's ConcurrentModificationException); nothing was changed. Read the table again, apply the change to what it is now, and update again.",
            error.Message);
        Assert.Equal("first", catalog.GetTable(orders).Description);
        catalog.Update(update => Assert.Equal(TableChange.Updated, update.PutTable(catalog.GetTable(orders) with { Description = "second" })));
        Assert.Equal(3, catalog.GetTable(orders).VersionId);
    }

    [Theory]
    [MemberData(nameof(TestCatalogs.Stores), MemberType = typeof(TestCatalogs))]
    public void An_update_of_a_table_deleted_since_it_was_read_fails_and_leaves_it_deleted(string store)
    {
        var catalog = DataCatalog.Open(catalogs.Name(store));
        catalog.Update(update =>
        {
            update.EnsureDatabase(TestTables.Sales);
            update.PutTable(TestTables.Orders());
        });
        var orders = TableName.Parse("sales.orders");
        var read = catalog.GetTable(orders);
        catalog.Update(update => update.DeleteTable(orders));

        var error = Assert.Throws<DevEndpointException>(() => catalog.Update(update => update.PutTable(read with { Description = "late" })));

        Assert.Equal(
            $"Table 'sales.orders' was deleted from the catalog {catalog.Path} after version 1 of it was read (Glue's ConcurrentModificationException); nothing was changed. Create it again, or leave it deleted.",
            error.Message);
        Assert.Empty(catalog.GetTables("sales"));
    }

    private static void Write(string name, int writer, string file)
    {
        var catalog = DataCatalog.Open(name);
        for (var i = 0; i < TablesEach; i++)
        {
            var table = TestTables.Orders() with { Name = $"t_{writer}_{i}" };
            catalog.Update(update =>
            {
                update.PutTable(table);
                foreach (var month in new[] { "01", "02", "03" })
                {
                    update.PutPartition(TestTables.OrdersPartition("2024", month) with { TableName = table.Name });
                }

                var parameters = new Dictionary<string, string>(TestTables.Orders().Parameters) { ["writer"] = $"{writer}-{i}" };
                update.PutTable(TestTables.Orders() with { Name = Shared.Table, Parameters = parameters });
            });
            var job = $"job_{writer}";
            catalog.RecordPendingFiles(catalog.SelectUnprocessedFiles(job, new TableName("sales", table.Name), [file]));
            new JobBookmarks(catalog).Commit(job);
        }
    }

    private static void WatchForHalfChanges(string name, List<string> halfChanges, CancellationToken stop)
    {
        var catalog = DataCatalog.OpenReadOnly(name);
        while (!stop.IsCancellationRequested)
        {
            foreach (var table in catalog.GetTables("sales").Where(t => t.Name != Shared.Table))
            {
                if (catalog.GetPartitions(new TableName("sales", table.Name)).Count != 3)
                {
                    halfChanges.Add(table.Name);
                }
            }
        }
    }
}
