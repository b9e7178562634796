using DevEndpoint.Catalog;

namespace DevEndpoint.Tests.Catalog;

public sealed class CatalogErrorTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("mongodb://reader:s3cret@127.0.0.1:27017/lake", "mongodb", "mongodb://127.0.0.1:27017/lake")]
    [InlineData("mysql://db.example.com/catalog", "mysql", "mysql://db.example.com/catalog")]
    public void A_catalog_named_as_a_url_of_an_unsupported_store_is_refused_by_name_without_its_password(string url, string scheme, string shown)
    {
        var folder = Path.Combine(Environment.CurrentDirectory, scheme + ":");

        var error = Assert.Throws<DevEndpointException>(() => DataCatalog.Open(url));
        var readOnly = Assert.Throws<DevEndpointException>(() => DataCatalog.OpenReadOnly(url));

        Assert.Equal(
            $"The catalog {shown} names a {scheme}:// store, which this build of DevEndpoint does not support: a catalog is a SQLite file or a PostgreSQL database (postgresql://user@host:port/database). Name a catalog file (such as --catalog catalog.db), or leave --catalog out to use {DataCatalog.DefaultPath}.",
            error.Message);
        Assert.Equal(error.Message, readOnly.Message);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void A_postgresql_catalog_url_with_a_password_is_refused_without_repeating_it()
    {
        var error = Assert.Throws<DevEndpointException>(() => DataCatalog.Open("postgresql://reader:s3cret@127.0.0.1:5432/lake"));

        Assert.Equal(
            "The catalog postgresql://127.0.0.1:5432/lake holds a password in its URL, which DevEndpoint never takes (it would show in shell history and process lists). Remove it from the URL and set PGPASSWORD, or use PostgreSQL's password file ~/.pgpass, or name a postgres connection with --catalog.",
            error.Message);
        Assert.False(Directory.Exists(Path.Combine(Environment.CurrentDirectory, "postgresql:")));
    }

    [Fact]
    public void A_postgresql_catalog_url_with_an_unknown_setting_is_refused_naming_the_setting()
    {
        var error = Assert.Throws<DevEndpointException>(() => DataCatalog.Open("postgresql://reader@127.0.0.1:5432/lake?password=x"));

        Assert.Equal(
            "The catalog postgresql://127.0.0.1:5432/lake has the setting 'password', which DevEndpoint does not take (or whose value it cannot read) in a catalog URL. Use only sslmode=disable|prefer|require|verify-ca|verify-full and passfile=<path>.",
            error.Message);
    }

    [Fact]
    public void A_postgresql_catalog_on_a_server_that_does_not_answer_names_the_url_without_a_password()
    {
        var error = Assert.Throws<DevEndpointException>(() => DataCatalog.Open("postgresql://reader@127.0.0.1:1/lake"));

        Assert.StartsWith("Cannot reach the PostgreSQL server of the catalog postgresql://reader@127.0.0.1:1/lake: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(". Check that the server is running and the host and port in the URL.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_table_names_the_closest_table()
    {
        var catalog = CatalogWithOrdersAndCustomers();

        var error = Assert.Throws<DevEndpointException>(() => catalog.GetTable(TableName.Parse("sales.order")));

        Assert.Equal($"Table 'sales.order' does not exist in the catalog {catalog.Path}. Did you mean 'sales.orders'?", error.Message);
    }

    [Fact]
    public void An_unknown_table_with_no_close_name_lists_the_tables()
    {
        var catalog = CatalogWithOrdersAndCustomers();

        var error = Assert.Throws<DevEndpointException>(() => catalog.GetPartitions(TableName.Parse("sales.zzzzzzzzzz")));

        Assert.Equal(
            $"Table 'sales.zzzzzzzzzz' does not exist in the catalog {catalog.Path}. Tables: 'sales.customers', 'sales.orders'.",
            error.Message);
    }

    [Fact]
    public void An_unknown_table_in_a_database_without_tables_says_to_crawl_first()
    {
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        catalog.Update(update => update.EnsureDatabase(TestTables.Sales));

        var error = Assert.Throws<DevEndpointException>(() => catalog.GetTableVersions(TableName.Parse("sales.orders")));

        Assert.Equal(
            $"Table 'sales.orders' does not exist in the catalog {catalog.Path}. The catalog has no tables yet: crawl a folder first.",
            error.Message);
    }

    [Fact]
    public void An_unknown_database_names_the_closest_database()
    {
        var catalog = CatalogWithOrdersAndCustomers();

        var error = Assert.Throws<DevEndpointException>(() => catalog.GetTables("Sale"));

        Assert.Equal($"Database 'sale' does not exist in the catalog {catalog.Path}. Did you mean 'sales'?", error.Message);
    }

    [Fact]
    public void An_unknown_database_with_no_close_name_lists_the_databases()
    {
        var catalog = CatalogWithOrdersAndCustomers();

        var error = Assert.Throws<DevEndpointException>(() => catalog.GetTable(TableName.Parse("inventory.orders")));

        Assert.Equal($"Database 'inventory' does not exist in the catalog {catalog.Path}. Databases: 'sales'.", error.Message);
    }

    [Fact]
    public void A_name_without_a_database_is_not_a_table_name()
    {
        var error = Assert.Throws<DevEndpointException>(() => TableName.Parse("orders"));

        Assert.Equal("'orders' is not a table name. Name a table as <database>.<table>, for example sales.orders.", error.Message);
    }

    [Theory]
    [InlineData("sales.")]
    [InlineData(".orders")]
    [InlineData("a.b.c")]
    public void A_name_with_an_empty_or_extra_part_is_not_a_table_name(string name)
    {
        var error = Assert.Throws<DevEndpointException>(() => TableName.Parse(name));

        Assert.Equal($"'{name}' is not a table name. Name a table as <database>.<table>, for example sales.orders.", error.Message);
    }

    private DataCatalog CatalogWithOrdersAndCustomers()
    {
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        catalog.Update(update =>
        {
            update.EnsureDatabase(TestTables.Sales);
            update.PutTable(TestTables.Orders());
            update.PutTable(TestTables.Orders() with { Name = "customers" });
        });
        return catalog;
    }
}
