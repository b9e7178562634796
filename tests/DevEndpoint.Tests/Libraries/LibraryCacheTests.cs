using DevEndpoint.Libraries;

namespace DevEndpoint.Tests.Libraries;

public sealed class LibraryCacheTests : IDisposable
{
    private readonly TempFolder temp = new();

    private ScriptLibraryBuilder Builder => new(new LibraryOptions { CacheFolder = temp.Combine("cache"), CacheMaxAge = TimeSpan.FromDays(30) });

    [Fact]
    public void Builds_unused_for_longer_than_the_maximum_age_are_pruned_unless_a_stored_endpoint_uses_them()
    {
        var inUse = temp.Write("InUse.cs", "namespace Acme; public static class InUse { public static int Version => 1; }");
        var firstInUse = Builder.Build(inUse);
        File.WriteAllText(inUse, "namespace Acme; public static class InUse { public static int Version => 2; }");
        var inUseNow = Builder.Build(inUse);
        var unused = Builder.Build(temp.Write("Unused.cs", "namespace Acme; public static class Unused { }"));
        var recent = Builder.Build(temp.Write("Recent.cs", "namespace Acme; public static class Recent { }"));
        var usedAgain = Builder.Build(temp.Write("UsedAgain.cs", "namespace Acme; public static class UsedAgain { }"));
        var leftover = Directory.CreateDirectory(temp.Combine("cache", "restore", "0123abcd")).FullName;
        var now = DateTimeOffset.UtcNow;
        foreach (var folder in new[] { Entry(firstInUse), Entry(inUseNow), Entry(unused), Entry(usedAgain), leftover })
        {
            Directory.SetLastWriteTimeUtc(folder, now.UtcDateTime.AddDays(-31));
        }

        Directory.SetLastWriteTimeUtc(Entry(recent), now.UtcDateTime.AddDays(-29));
        Builder.Build(usedAgain.Source);

        var removed = Builder.PruneCache([inUse, "nuget:Not.Restored,1.0.0", temp.Combine("deleted.zip")], now);

        Assert.Equal(
            new[] { Path.GetFileName(Entry(firstInUse)), Path.GetFileName(Entry(unused)), Path.Combine("restore", "0123abcd") }.Order(StringComparer.Ordinal),
            removed.Order(StringComparer.Ordinal));
        Assert.True(File.Exists(inUseNow.AssemblyPath));
        Assert.True(File.Exists(recent.AssemblyPath));
        Assert.True(File.Exists(usedAgain.AssemblyPath));
        Assert.False(Directory.Exists(Entry(unused)));
        Assert.Empty(Builder.PruneCache([inUse], now));
        Assert.True(File.Exists(Builder.Build(unused.Source).AssemblyPath));
    }

    [Fact]
    public void Pruning_a_cache_that_does_not_exist_removes_nothing()
    {
        Assert.Empty(Builder.PruneCache([], DateTimeOffset.UtcNow));
    }

    private static string Entry(ScriptLibrary library) => Path.GetDirectoryName(library.AssemblyPath)!;

    public void Dispose() => temp.Dispose();
}
