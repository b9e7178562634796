using DevEndpoint.Catalog;

namespace DevEndpoint.Cli.Tests;

public sealed class CatalogStoreCommandTests : IDisposable
{
    private readonly TestCatalogs catalogs = new();

    public void Dispose() => catalogs.Dispose();

    [Theory]
    [MemberData(nameof(TestCatalogs.Stores), MemberType = typeof(TestCatalogs))]
    public async Task Catalog_copy_moves_a_catalog_and_refuses_a_target_that_is_not_empty(string store)
    {
        var source = catalogs.Name(TestCatalogs.Sqlite);
        DataCatalog.Open(source).Update(update => update.EnsureDatabase(new Database { Name = "sales" }));
        var target = catalogs.Name(store);

        var copy = await DevEndpointCommand.RunAsync("catalog", "copy", "--from", source, "--to", target);
        var again = await DevEndpointCommand.RunAsync("catalog", "copy", "--from", source, "--to", target);
        var shown = DataCatalog.Open(target).Path;

        Assert.Equal((0, $"Copied the catalog {source} to {shown}: 1 row(s).\n", string.Empty), (copy.ExitCode, copy.Output, copy.Error));
        Assert.Equal(
            (1, $"error: The catalog {shown} is not empty (1 row(s)): a copy from {source} never mixes two catalogs, and nothing was copied. Copy into a new catalog, or add --replace to empty {shown} first.\n"),
            (again.ExitCode, again.Error));
        Assert.Equal(["sales"], DataCatalog.Open(target).GetDatabases().Select(d => d.Name));
    }

    [Fact]
    public async Task Catalog_grant_on_a_catalog_file_says_grants_need_PostgreSQL()
    {
        var path = catalogs.Name(TestCatalogs.Sqlite);

        var result = await DevEndpointCommand.RunAsync("catalog", "grant", "sales", "--role", "bob", "--read", "--catalog", path);

        Assert.Equal(
            (1, $"error: The catalog at {path} is a SQLite file, whose readers and writers are set by the file's permissions: grants per database need a catalog on PostgreSQL (--catalog postgresql://user@host:port/database; devendpoint catalog copy moves a catalog there).\n"),
            (result.ExitCode, result.Error));
    }

    [ServerFact(ConnectionTypes.Postgres)]
    public async Task Catalog_grant_revoke_and_grants_change_and_list_a_roles_access_on_PostgreSQL()
    {
        var catalog = catalogs.Name(TestCatalogs.Postgres);
        var role = catalogs.CreateRole("reader");
        var shown = DataCatalog.Open(catalog).Path;
        Task<CliResult> RunAsync(params string[] args) => DevEndpointCommand.RunAsync([.. args, "--catalog", catalog]);

        var grant = await RunAsync("catalog", "grant", "sales", "--role", role, "--write");
        var grants = await RunAsync("catalog", "grants");
        var toRead = await RunAsync("catalog", "revoke", "sales", "--role", role, "--write");
        var readOnly = await RunAsync("catalog", "grants");
        var revoke = await RunAsync("catalog", "revoke", "sales", "--role", role, "--read");
        var again = await RunAsync("catalog", "revoke", "sales", "--role", role, "--read");
        var neither = await RunAsync("catalog", "grant", "sales", "--role", role);

        Assert.Equal((0, $"Role '{role}' may now read and write database 'sales' in the catalog {shown}.\n"), (grant.ExitCode, grant.Output));
        Assert.Matches($"sales +{role} +write", grants.Output);
        Assert.Equal((0, $"Role '{role}' may now only read database 'sales' in the catalog {shown}.\n"), (toRead.ExitCode, toRead.Output));
        Assert.Matches($"sales +{role} +read", readOnly.Output);
        Assert.Equal((0, $"Role '{role}' may no longer read or write database 'sales' in the catalog {shown}.\n"), (revoke.ExitCode, revoke.Output));
        Assert.Equal((0, $"Role '{role}' held no grant on database 'sales' in the catalog {shown}: nothing to take back.\n"), (again.ExitCode, again.Output));
        Assert.Equal((1, "error: Say which access with exactly one of --read or --write.\n"), (neither.ExitCode, neither.Error));
    }
}
