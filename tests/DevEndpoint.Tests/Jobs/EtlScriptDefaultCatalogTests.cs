using DevEndpoint.Catalog;
using DevEndpoint.Jobs;
using DevEndpoint.Tests.Catalog;

namespace DevEndpoint.Tests.Jobs;

[Collection(EnvironmentVariableCollection.Name)]
public sealed class EtlScriptDefaultCatalogTests
{
    [Fact]
    public async Task A_script_for_the_default_catalog_opens_the_default_catalog_when_it_runs()
    {
        using var lake = await CrawledSampleLake.CreateAsync();
        var saved = Environment.GetEnvironmentVariable(DataCatalog.PathVariable);
        Environment.SetEnvironmentVariable(DataCatalog.PathVariable, lake.Catalog.Path);
        try
        {
            var script = EtlScript.Generate(new EtlScriptOptions { Source = "sales.orders", Target = lake.Temp.Combine("out") });

            Assert.Contains("var catalog = DataCatalog.Open();\n", script.Code);
            Assert.Equal(8, script.Mappings.Count);
        }
        finally
        {
            Environment.SetEnvironmentVariable(DataCatalog.PathVariable, saved);
        }
    }
}
