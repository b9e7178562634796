using DevEndpoint.Catalog;

namespace DevEndpoint.Tests;

/// <summary>
/// What a notebook user can call from C# is pinned in <c>DevEndpoint.api.txt</c>, so every change to it shows in review.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_core_public_api_is_the_approved_one() => PublicSurface.Verify(typeof(DataCatalog).Assembly);
}
