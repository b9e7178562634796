using DevEndpoint.Testing;

namespace DevEndpoint.Tests.Formats.Delta;

/// <summary>A writable copy of a golden Delta table in a temporary folder, for tests that add commits or set commit times.</summary>
internal sealed class GoldenCopy : IDisposable
{
    private readonly TempFolder temp = new();

    public GoldenCopy(string name, string folderName = "table")
    {
        Root = temp.Combine("lake", folderName);
        Copy(Path.Combine(DeltaGolden.Folder, name), Root);
    }

    public string Root { get; }

    /// <summary>The folder holding the table's root, to crawl.</summary>
    public string Lake => Path.GetDirectoryName(Root)!;

    public string Catalog => temp.Combine("catalog.db");

    public string Log(long version) => Path.Combine(Root, "_delta_log", $"{version:D20}.json");

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            var target = Path.Combine(to, Path.GetFileName(file));
            File.Copy(file, target);
            File.SetAttributes(target, FileAttributes.Normal);
        }

        foreach (var folder in Directory.EnumerateDirectories(from))
        {
            Copy(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }

    public void Dispose() => temp.Dispose();
}
