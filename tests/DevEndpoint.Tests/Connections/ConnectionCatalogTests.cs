using DevEndpoint.Catalog;
using DevEndpoint.Connections;

namespace DevEndpoint.Tests.Connections;

public sealed class ConnectionCatalogTests
{
    private static Connection Shop(string url = "Host=127.0.0.1;Port=5432;Database=shop") => new()
    {
        Name = "shop",
        Type = ConnectionTypes.Postgres,
        Url = url,
        User = "reader",
        PasswordEnv = "SHOP_PASSWORD",
    };

    [Fact]
    public void Connections_are_added_listed_and_removed_with_where_their_secret_comes_from()
    {
        using var folder = new TempFolder();
        var catalog = DataCatalog.Open(folder.Combine("catalog.db"));

        catalog.Update(u =>
        {
            u.PutConnection(Shop());
            u.PutConnection(new Connection { Name = "lake", Type = ConnectionTypes.S3, Url = "http://127.0.0.1:4568", Region = "eu-west-1" });
        });
        var listed = catalog.GetConnections().Select(ConnectionSettings.Row).ToList();
        catalog.Update(u => u.DeleteConnection("LAKE"));

        Assert.Equal(
            [
                ["lake", "s3", "http://127.0.0.1:4568", "", "AWS credential chain"],
                ["shop", "postgres", "Host=127.0.0.1;Port=5432;Database=shop", "reader", "env SHOP_PASSWORD"],
            ],
            listed);
        Assert.Equal(["shop"], catalog.GetConnections().Select(c => c.Name));
        Assert.Equal(CatalogJson.Serialize(Shop()), CatalogJson.Serialize(catalog.GetConnection("shop")));
    }

    [Theory]
    [InlineData("Host=db;Database=shop;Password=hunter2-secret")]
    [InlineData("Host=db;Database=shop;pwd = 'hunter2-secret'")]
    [InlineData("Host=db;PASSWORD=\"hunter2-secret;x\";Database=shop")]
    public void A_url_with_a_password_is_refused_without_repeating_it(string url)
    {
        using var folder = new TempFolder();
        var catalog = DataCatalog.Open(folder.Combine("catalog.db"));

        var error = Assert.Throws<DevEndpointException>(() => catalog.Update(u => u.PutConnection(Shop(url))));

        Assert.Equal(
            "Connection 'shop' is not valid: --url holds a password (Password=***). The catalog never stores secrets: remove it from --url and give the name of an environment variable that holds it with --password-env <VAR> (or a file with --credentials-file).",
            error.Message);
        Assert.Empty(catalog.GetConnections());
        Assert.DoesNotContain("hunter2", File.ReadAllText(catalog.Path) + SqliteBytes(catalog.Path));
    }

    [Fact]
    public void A_password_env_that_is_not_a_variable_name_is_refused_without_repeating_it()
    {
        var error = Assert.Throws<DevEndpointException>(() => (Shop() with { PasswordEnv = "hunter2!secret" }).Validated());

        Assert.Equal(
            "Connection 'shop' is not valid: --password-env is not an environment variable name. Give the NAME of the variable that holds the password (letters, digits and underscores, for example SHOP_PASSWORD), not the password.",
            error.Message);
    }

    [Theory]
    [InlineData("shop db", "postgres", "Host=db", "'shop db' is not a valid connection name. Use 1 to 255 letters, digits, underscores, hyphens or dots, for example shop_db.")]
    [InlineData("shop", "oracle", "Host=db", "Connection 'shop' is not valid: 'oracle' is not a connection type. Use postgres, mysql, sqlite or s3.")]
    [InlineData("shop", "postgres", "Host", "Connection 'shop' is not valid: --url is not a connection string of key=value pairs separated by semicolons, for example \"Host=127.0.0.1;Port=5432;Database=shop\".")]
    [InlineData("shop", "mysql", "Server=db;Foo=bar", "Connection 'shop' is not valid: --url has a setting the mysql provider does not take (Option 'foo' not supported). Check the key names, for example Host, Port, Database for postgres and Server, Port, Database for mysql.")]
    [InlineData("lake", "s3", "127.0.0.1:4568", "Connection 'lake' is not valid: --url is not an http:// or https:// endpoint URL. Give the S3 endpoint, for example http://127.0.0.1:4568.")]
    [InlineData("lake", "s3", "http://AKIA:hunter2@127.0.0.1:4568", "Connection 'lake' is not valid: --url holds credentials (user:***@). The catalog never stores secrets: remove them from --url; the keys come from the AWS credential chain, --credentials-file, or --user with --password-env <VAR>.")]
    public void An_invalid_connection_says_what_to_fix(string name, string type, string url, string message)
    {
        var error = Assert.Throws<DevEndpointException>(() => new Connection { Name = name, Type = type, Url = url }.Validated());

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_sqlite_path_is_stored_as_an_absolute_data_source()
    {
        var connection = new Connection { Name = "local", Type = ConnectionTypes.Sqlite, Url = "data/shop.db" }.Validated();

        Assert.Equal($"Data Source={Path.GetFullPath("data/shop.db")}", connection.Url);
    }

    [Fact]
    public void A_taken_name_and_an_unknown_name_say_what_to_do()
    {
        using var folder = new TempFolder();
        var catalog = DataCatalog.Open(folder.Combine("catalog.db"));
        catalog.Update(u => u.PutConnection(Shop()));

        var taken = Assert.Throws<DevEndpointException>(() => catalog.Update(u => u.PutConnection(Shop() with { Name = "SHOP" })));
        var unknown = Assert.Throws<DevEndpointException>(() => catalog.GetConnection("shops"));

        Assert.Equal($"Connection 'shop' already exists in the catalog {catalog.Path}. Choose another name, or remove it first with connection remove shop.", taken.Message);
        Assert.Equal($"Connection 'shops' does not exist in the catalog {catalog.Path}. Did you mean 'shop'?", unknown.Message);
    }

    private static string SqliteBytes(string path) =>
        string.Concat(new[] { path, path + "-wal" }.Where(File.Exists).Select(p => System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(p))));
}
