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
}
