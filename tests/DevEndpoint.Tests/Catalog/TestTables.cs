using DevEndpoint.Catalog;

namespace DevEndpoint.Tests.Catalog;

/// <summary>Catalog definitions with every Glue field set, for catalog tests that do not crawl.</summary>
internal static class TestTables
{
    public static Database Sales { get; } = new()
    {
        Name = "Sales",
        Description = "Orders and customers",
        LocationUri = "/lake/sales/",
        Parameters = new Dictionary<string, string> { ["owner"] = "finance" },
    };

    public static CatalogTable Orders(params Column[] extraColumns) => new()
    {
        Name = "Orders",
        DatabaseName = "Sales",
        Description = "One row per order",
        Parameters = new Dictionary<string, string>
        {
            ["classification"] = "csv",
            ["delimiter"] = ",",
            ["skip.header.line.count"] = "1",
            [CatalogUpdate.CrawlRunIdParameter] = "run-1",
        },
        PartitionKeys = [new Column("year", "string", "order year"), new Column("month", "string")],
        StorageDescriptor = new StorageDescriptor
        {
            Columns =
            [
                new Column("order_id", "int", "unique per order"),
                new Column("order_date", "date"),
                new Column("amount", "decimal(10,2)"),
                .. extraColumns,
            ],
            Location = "/lake/sales/orders/",
            InputFormat = StorageFormats.TextInputFormat,
            OutputFormat = StorageFormats.TextOutputFormat,
            Compressed = true,
            SerdeInfo = new SerDeInfo
            {
                SerializationLibrary = StorageFormats.LazySimpleSerDe,
                Parameters = new Dictionary<string, string> { ["field.delim"] = "," },
            },
            Parameters = new Dictionary<string, string> { ["sizeKey"] = "1024" },
        },
    };

    public static Partition OrdersPartition(string year, string month) => new()
    {
        DatabaseName = "Sales",
        TableName = "Orders",
        Values = [year, month],
        StorageDescriptor = Orders().StorageDescriptor with { Location = $"/lake/sales/orders/year={year}/month={month}/" },
        Parameters = new Dictionary<string, string> { ["recordCount"] = "40" },
    };
}
