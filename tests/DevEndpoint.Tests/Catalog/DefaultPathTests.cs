using DevEndpoint.Catalog;

namespace DevEndpoint.Tests.Catalog;

/// <summary>Tests that set process-wide environment variables; they run alone, never beside other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentVariableCollection
{
    public const string Name = "Environment variables";
}

[Collection(EnvironmentVariableCollection.Name)]
public sealed class DefaultPathTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly string? saved = Environment.GetEnvironmentVariable(DataCatalog.PathVariable);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(DataCatalog.PathVariable, saved);
        temp.Dispose();
    }

    [Fact]
    public void DEVENDPOINT_CATALOG_names_the_catalog_opened_without_a_path()
    {
        var path = temp.Combine("from-variable", "catalog.db");
        Environment.SetEnvironmentVariable("DEVENDPOINT_CATALOG", path);

        var catalog = DataCatalog.Open();

        Assert.Equal(path, DataCatalog.DefaultPath);
        Assert.Equal(path, catalog.Path);
        Assert.True(File.Exists(path), $"Opening the default catalog did not create {path}.");
    }

    [Fact]
    public void A_relative_DEVENDPOINT_CATALOG_is_resolved_from_the_current_folder()
    {
        Environment.SetEnvironmentVariable(DataCatalog.PathVariable, Path.Combine("relative", "catalog.db"));

        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "relative", "catalog.db"), DataCatalog.DefaultPath);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Without_DEVENDPOINT_CATALOG_the_catalog_is_in_the_home_folder(string? value)
    {
        Environment.SetEnvironmentVariable(DataCatalog.PathVariable, value);

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        Assert.Equal(Path.Combine(home, ".devendpoint", "catalog.db"), DataCatalog.DefaultPath);
    }

    [Fact]
    public void An_explicit_path_wins_over_DEVENDPOINT_CATALOG()
    {
        Environment.SetEnvironmentVariable(DataCatalog.PathVariable, temp.Combine("from-variable.db"));

        var catalog = DataCatalog.Open(temp.Combine("explicit.db"));

        Assert.Equal(temp.Combine("explicit.db"), catalog.Path);
        Assert.False(File.Exists(temp.Combine("from-variable.db")));
    }
}
