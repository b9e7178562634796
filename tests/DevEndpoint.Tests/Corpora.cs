namespace DevEndpoint.Tests;

/// <summary>
/// The public test corpora in <c>shared/corpora</c> next to the repository (see its README.md). Tests that use them
/// fail, rather than skip, when they are missing.
/// </summary>
internal static class Corpora
{
    /// <summary>The full path of a folder or file under <c>shared/corpora</c>.</summary>
    public static string Path(params string[] parts)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var root = System.IO.Path.Combine(folder.FullName, "shared", "corpora");
            if (Directory.Exists(root))
            {
                var path = System.IO.Path.Combine([root, .. parts]);
                Assert.True(
                    Directory.Exists(path) || File.Exists(path),
                    $"The test corpora at {root} have no '{string.Join('/', parts)}'. Restore shared/corpora as its README.md lists.");
                return path;
            }
        }

        Assert.Fail(
            $"The test corpora were not found: no folder 'shared/corpora' in {AppContext.BaseDirectory} or above it. "
            + "They belong next to the repository, at ../shared/corpora from its root.");
        return string.Empty;
    }
}
