using System.Text.Json;
using DevEndpoint.Catalog;

namespace DevEndpoint.Cli.Tests;

public sealed class ConnectionCommandTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [ServerFact(ConnectionTypes.Postgres)]
    public async Task A_connection_is_added_listed_tested_and_removed_without_its_password_showing()
    {
        var password = TestServers.Password(ConnectionTypes.Postgres);
        var variable = TestServers.PasswordVariable(ConnectionTypes.Postgres);

        var add = await RunAsync("connection", "add", "shop", "--type", "postgres", "--url", TestServers.Url(ConnectionTypes.Postgres), "--user", TestServers.User(ConnectionTypes.Postgres), "--password-env", variable);
        var text = await RunAsync("connection", "list");
        var json = await RunAsync("connection", "list", "--json");
        var test = await RunAsync("connection", "test", "shop");
        var removed = await RunAsync("connection", "remove", "shop");

        Assert.Equal((0, $"Added postgres connection 'shop' ({TestServers.Url(ConnectionTypes.Postgres)}; secret from env {variable}).\n"), (add.ExitCode, add.Output.ReplaceLineEndings("\n")));
        Assert.Contains($"shop        postgres  {TestServers.Url(ConnectionTypes.Postgres)}  devendpoint_test  env {variable}", text.Output, StringComparison.Ordinal);
        var listed = Assert.Single(JsonDocument.Parse(json.Output).RootElement.GetProperty("ConnectionList").EnumerateArray());
        Assert.Equal($"env {variable}", listed.GetProperty("SecretSource").GetString());
        Assert.Equal(0, test.ExitCode);
        Assert.StartsWith("Connection 'shop' works: PostgreSQL 1", test.Output, StringComparison.Ordinal);
        Assert.Contains($" at {TestServers.Target(ConnectionTypes.Postgres)} (", test.Output, StringComparison.Ordinal);
        Assert.Equal((0, "Removed connection 'shop'.\n"), (removed.ExitCode, removed.Output.ReplaceLineEndings("\n")));
        var everything = string.Concat(new[] { add, text, json, test, removed }.Select(r => r.Output + r.Error));
        Assert.DoesNotContain(password, everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connection_list_json_is_Glues_ConnectionList_with_jdbc_urls_and_user_names_but_no_secret()
    {
        await RunAsync("connection", "add", "shop", "--type", "postgres", "--url", "Host=127.0.0.1;Port=5432;Database=shop", "--user", "reader", "--password-env", "SHOP_PASSWORD");
        await RunAsync("connection", "add", "crm", "--type", "mysql", "--url", "Server=db.local;Port=3306;Database=crm", "--user", "app", "--credentials-file", "/etc/crm.ini");
        await RunAsync("connection", "add", "local", "--type", "sqlite", "--url", "/data/shop.db");
        await RunAsync("connection", "add", "lake", "--type", "s3", "--url", "http://127.0.0.1:4568", "--region", "eu-west-1");

        var json = await RunAsync("connection", "list", "--json");

        Assert.Equal(
            """{"ConnectionList":["""
            + """{"Name":"crm","ConnectionType":"JDBC","ConnectionProperties":{"JDBC_CONNECTION_URL":"jdbc:mysql://db.local:3306/crm","USERNAME":"app"},"Type":"mysql","Url":"Server=db.local;Port=3306;Database=crm","SecretSource":"file /etc/crm.ini [default]"},"""
            + """{"Name":"lake","ConnectionType":"CUSTOM","ConnectionProperties":{"CONNECTION_URL":"http://127.0.0.1:4568"},"Type":"s3","Url":"http://127.0.0.1:4568","SecretSource":"AWS credential chain","Region":"eu-west-1"},"""
            + """{"Name":"local","ConnectionType":"JDBC","ConnectionProperties":{"JDBC_CONNECTION_URL":"jdbc:sqlite:/data/shop.db"},"Type":"sqlite","Url":"Data Source=/data/shop.db","SecretSource":"none"},"""
            + """{"Name":"shop","ConnectionType":"JDBC","ConnectionProperties":{"JDBC_CONNECTION_URL":"jdbc:postgresql://127.0.0.1:5432/shop","USERNAME":"reader"},"Type":"postgres","Url":"Host=127.0.0.1;Port=5432;Database=shop","SecretSource":"env SHOP_PASSWORD"}]}""",
            JsonSerializer.Serialize(JsonDocument.Parse(json.Output).RootElement, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public async Task A_url_with_a_password_is_refused_and_never_echoed()
    {
        var add = await RunAsync("connection", "add", "shop", "--type", "postgres", "--url", "Host=127.0.0.1;Database=shop;Password=hunter2-cli", "--user", "reader");

        Assert.Equal(1, add.ExitCode);
        Assert.Equal(
            "error: Connection 'shop' is not valid: --url holds a password (Password=***). The catalog never stores secrets: remove it from --url and give the name of an environment variable that holds it with --password-env <VAR> (or a file with --credentials-file).\n",
            add.Error.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("hunter2", add.Output + add.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Testing_with_an_unset_password_variable_names_the_variable()
    {
        await RunAsync("connection", "add", "shop", "--type", "mysql", "--url", "Server=127.0.0.1;Database=shop", "--user", "reader", "--password-env", "DEVENDPOINT_UNSET_VARIABLE");

        var test = await RunAsync("connection", "test", "shop");

        Assert.Equal(
            (1, "error: Connection 'shop' takes its password from the environment variable DEVENDPOINT_UNSET_VARIABLE, which is not set. Set it (export DEVENDPOINT_UNSET_VARIABLE=...) in the environment that runs DevEndpoint and try again.\n"),
            (test.ExitCode, test.Error.ReplaceLineEndings("\n")));
    }

    private Task<CliResult> RunAsync(params string[] args) => DevEndpointCommand.RunAsync([.. args, "--catalog", temp.Combine("catalog.db")]);
}
