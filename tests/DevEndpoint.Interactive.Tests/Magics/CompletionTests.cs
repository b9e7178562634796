using DevEndpoint.Catalog;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;

namespace DevEndpoint.Interactive.Tests.Magics;

[CollectionDefinition(nameof(CatalogEnvironment), DisableParallelization = true)]
public sealed class CatalogEnvironment;

[Collection(nameof(CatalogEnvironment))]
public sealed class CompletionTests
{
    [Fact]
    public async Task Load_completes_table_names_from_the_default_catalog()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();
        var previous = Environment.GetEnvironmentVariable(DataCatalog.PathVariable);
        Environment.SetEnvironmentVariable(DataCatalog.PathVariable, fixture.CatalogPath);
        try
        {
            var result = await fixture.Kernel.SendAsync(new RequestCompletions("#!load ", new LinePosition(0, 7)));

            var completions = Assert.Single(result.Events.OfType<CompletionsProduced>()).Completions.Select(c => c.InsertText).ToList();
            Assert.Contains("sales.orders", completions);
            Assert.Contains("sales.products", completions);
        }
        finally
        {
            Environment.SetEnvironmentVariable(DataCatalog.PathVariable, previous);
        }
    }
}
