using System.Globalization;
using System.Text;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.DataQuality;
using DevEndpoint.Sql;

namespace DevEndpoint.Tests.DataQuality;

/// <summary>
/// A lake of CSV files crawled into a real catalog: <c>shop.orders</c> (the rows below), <c>shop.orders_copy</c> (its first
/// rows), <c>shop.customers</c> (some of the customer ids the orders name). Tests compute what they expect from these rows.
/// </summary>
internal sealed class OrdersLake : IDisposable
{
    public const int Rows = 40;
    public const int CopyRows = 30;
    public const int Customers = 6;

    private readonly TempFolder temp = new();

    public OrdersLake()
    {
        Now = DateTime.UtcNow;
        Orders = Enumerable.Range(1, Rows).Select(i => new Order(
            i,
            i % 10 == 0 ? null : $"u{i % 30}@example.org",
            (i % 3) switch { 0 => "open", 1 => "closed", _ => "void" },
            i * 1.5,
            i * 7 % 11,
            i % 4 == 0 ? "AB" : $"ABC{i}",
            i % 8,
            Now.AddHours(-(i * 5) - 0.5))).ToList();
        temp.Write("lake/orders/orders.csv", Csv(Orders));
        temp.Write("lake/orders_copy/orders.csv", Csv(Orders.Take(CopyRows)));
        temp.Write("lake/customers/customers.csv", "id,name\n" + string.Concat(Enumerable.Range(0, Customers).Select(i => $"{i},c{i}\n")));
        Catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        foreach (var table in new[] { "orders", "orders_copy", "customers" })
        {
            new Crawler(Catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake", table), Database = "shop" }).GetAwaiter().GetResult();
        }
        Session = new SqlSession(Catalog);
    }

    public DateTime Now { get; }

    public IReadOnlyList<Order> Orders { get; }

    public DataCatalog Catalog { get; }

    public SqlSession Session { get; }

    public string Path(string relative) => temp.Combine(relative);

    public async Task<DataQualityRuleResult> CheckAsync(string rule, string table = "shop.orders")
    {
        var run = await EvaluateDataQuality.RunAsync(Session, table, $"Rules = [ {rule} ]", new DataQualityOptions { Record = false });
        return Assert.Single(run.Result.RuleResults);
    }

    public void Dispose()
    {
        Session.Dispose();
        temp.Dispose();
    }

    private static string Csv(IEnumerable<Order> orders)
    {
        var text = new StringBuilder("id,email,status,amount,qty,code,customer_id,updated\n");
        foreach (var o in orders)
        {
            text.Append(CultureInfo.InvariantCulture, $"{o.Id},{o.Email},{o.Status},{o.Amount.ToString("0.0", CultureInfo.InvariantCulture)},{o.Qty},{o.Code},{o.CustomerId},{o.Updated:yyyy-MM-dd HH:mm:ss}\n");
        }

        return text.ToString();
    }
}

internal sealed record Order(int Id, string? Email, string Status, double Amount, int Qty, string Code, int CustomerId, DateTime Updated);
