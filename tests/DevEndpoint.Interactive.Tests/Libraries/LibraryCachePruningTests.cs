using DevEndpoint.Endpoints;
using DevEndpoint.Libraries;

namespace DevEndpoint.Interactive.Tests.Libraries;

public sealed class LibraryCachePruningTests
{
    [Fact]
    public async Task Loading_the_extension_removes_old_builds_except_those_of_stored_endpoints()
    {
        await using var first = await KernelFixture.CreateAsync();
        var builder = new ScriptLibraryBuilder(new LibraryOptions { CacheFolder = Path.Combine(first.Home, "libraries") });
        var stored = Path.Combine(first.Folder, "Stored.cs");
        var unused = Path.Combine(first.Folder, "Unused.cs");
        await File.WriteAllTextAsync(stored, "namespace Acme; public static class Stored { }");
        await File.WriteAllTextAsync(unused, "namespace Acme; public static class Unused { }");
        var storedBuild = Path.GetDirectoryName(builder.Build(stored).AssemblyPath)!;
        var unusedBuild = Path.GetDirectoryName(builder.Build(unused).AssemblyPath)!;
        Directory.SetLastWriteTimeUtc(storedBuild, DateTime.UtcNow.AddDays(-31));
        Directory.SetLastWriteTimeUtc(unusedBuild, DateTime.UtcNow.AddDays(-31));
        new EndpointStore(Path.Combine(first.Home, "endpoints")).Save(new EndpointDefinition("kept", [stored], null, DateTimeOffset.Now));

        await using var restarted = await KernelFixture.CreateAsync(first.Home);

        Assert.True(Directory.Exists(storedBuild));
        Assert.False(Directory.Exists(unusedBuild));
    }
}
