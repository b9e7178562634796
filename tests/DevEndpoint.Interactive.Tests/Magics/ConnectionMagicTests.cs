using DevEndpoint.Catalog;

namespace DevEndpoint.Interactive.Tests.Magics;

public sealed class ConnectionMagicTests
{
    [ServerFact(ConnectionTypes.MySql)]
    public async Task Connections_are_added_listed_tested_and_removed_in_process()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        var variable = TestServers.PasswordVariable(ConnectionTypes.MySql);

        var add = await fixture.MagicAsync($"#!connection add shop --type mysql --url \"{TestServers.Url(ConnectionTypes.MySql)}\" --user {TestServers.User(ConnectionTypes.MySql)} --password-env {variable}");
        var list = await fixture.MagicAsync("#!connection list");
        var test = await fixture.MagicAsync("#!connection test shop");
        var removed = await fixture.MagicAsync("#!connection remove shop");

        KernelFixture.AssertSucceeded(add);
        KernelFixture.AssertSucceeded(list);
        KernelFixture.AssertSucceeded(test);
        KernelFixture.AssertSucceeded(removed);
        Assert.Contains($"<tr><td style=\"text-align:left\">shop</td><td style=\"text-align:left\">mysql</td><td style=\"text-align:left\">{TestServers.Url(ConnectionTypes.MySql)}</td><td style=\"text-align:left\">devendpoint_test</td><td style=\"text-align:left\">env {variable}</td></tr>", KernelFixture.Html(list));
        Assert.StartsWith("Connection 'shop' works: MariaDB 1", KernelFixture.Text(test), StringComparison.Ordinal);
        Assert.DoesNotContain("<td style=\"text-align:left\">shop</td>", KernelFixture.Html(removed));
        Assert.Empty(DataCatalog.Open(fixture.CatalogPath).GetConnections());
        var shown = string.Concat(new[] { add, list, test, removed }.Select(r => KernelFixture.Html(r) + KernelFixture.Text(r)));
        Assert.DoesNotContain(TestServers.Password(ConnectionTypes.MySql), shown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#!connection", "Give #!connection a subcommand: add, list, test or remove.")]
    [InlineData("#!connection add shop --type postgres --url \"Host=db;Pwd=hunter2\"", "Connection 'shop' is not valid: --url holds a password (Password=***). The catalog never stores secrets: remove it from --url and give the name of an environment variable that holds it with --password-env <VAR> (or a file with --credentials-file).")]
    public async Task A_connection_magic_that_cannot_run_fails_the_cell_saying_why(string magic, string message)
    {
        await using var fixture = await KernelFixture.CreateAsync();

        var result = await fixture.SubmitAsync(magic);

        Assert.Equal(message, KernelFixture.Failure(result));
    }

    [Fact]
    public async Task Testing_an_unknown_connection_names_the_closest()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.MagicAsync("#!connection add shop --type sqlite --url shop.db");

        var result = await fixture.MagicAsync("#!connection test shpo");

        Assert.Equal($"Connection 'shpo' does not exist in the catalog {fixture.CatalogPath}. Did you mean 'shop'?", KernelFixture.Failure(result));
    }
}
