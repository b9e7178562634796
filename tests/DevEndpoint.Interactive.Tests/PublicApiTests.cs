using DevEndpoint.Interactive;

namespace DevEndpoint.Interactive.Tests;

/// <summary>
/// The kernel extension's public surface is pinned in <c>DevEndpoint.Interactive.api.txt</c>, so every change to it
/// shows in review.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_kernel_extension_public_api_is_the_approved_one() =>
        PublicSurface.Verify(typeof(DevEndpointKernelExtension).Assembly);
}
