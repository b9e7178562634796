using DevEndpoint.Catalog;
using DevEndpoint.Formats;
using DevEndpoint.Formats.Delta;
using DevEndpoint.Loading;

namespace DevEndpoint.Tests.Formats.Delta;

/// <summary>The delta-golden folder crawled once into a catalog, and what happened to each golden table.</summary>
public sealed class DeltaGoldenFixture : IAsyncLifetime
{
    private CrawledFolder? lake;

    internal CrawledFolder Lake => lake!;

    public async Task InitializeAsync() => lake = await CrawledFolder.CreateAsync(DeltaGolden.Folder, "golden");

    public Task DisposeAsync()
    {
        lake?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The catalog table the crawl made for a golden table's root; <c>null</c> when it made none.</summary>
    internal CatalogTable? TableAt(string root) =>
        Lake.Catalog.GetTables("golden").FirstOrDefault(t => t.StorageDescriptor.Location == root + "/");

    /// <summary>
    /// Reads a golden table as its kind asks and says how it went: <c>read</c> (exactly the expected rows or files),
    /// <c>refused: reason</c>, or <c>wrong: what differs</c>.
    /// </summary>
    internal async Task<string> OutcomeAsync(DeltaGolden.Table golden)
    {
        try
        {
            return golden.Kind switch
            {
                "rows" => await RowsAsync(golden),
                "files" => await FilesAsync(golden),
                "error" => await ErrorAsync(golden),
                _ => "read",
            };
        }
        catch (DevEndpointException e)
        {
            return golden.Kind == "error" ? "read" : $"refused: {e.Message}";
        }
    }

    private async Task<string> RowsAsync(DeltaGolden.Table golden)
    {
        var table = TableAt(golden.Root) ?? throw new DevEndpointException($"the crawl made no table; it reported: {Reported(golden)}");
        var name = $"golden.{table.Name}";
        var loader = new TableLoader(Lake.Catalog);
        var rows = (await loader.LoadAsync(name)).Frame.Rows.Count;
        if (golden.Rows is { } expected && rows != expected)
        {
            return $"wrong: {rows} rows, expected {expected}";
        }

        foreach (var (version, expectedRows) in golden.RowsByVersion)
        {
            var versionRows = (await loader.LoadAsync(name, new LoadOptions { Version = version })).Frame.Rows.Count;
            if (versionRows != expectedRows)
            {
                return $"wrong: {versionRows} rows at version {version}, expected {expectedRows}";
            }
        }

        return "read";
    }

    private static async Task<string> FilesAsync(DeltaGolden.Table golden)
    {
        var snapshot = await new DeltaTableFormat().ReadSnapshotAsync(golden.Root, TableStorage.Local, SnapshotSelector.Latest, CancellationToken.None);
        return golden.ActiveFiles is { } expected && snapshot.Files.Count != expected
            ? $"wrong: {snapshot.Files.Count} active files, expected {expected}"
            : golden.Latest is { } latest && snapshot.Version != latest ? $"wrong: version {snapshot.Version}, expected {latest}" : "read";
    }

    private static async Task<string> ErrorAsync(DeltaGolden.Table golden)
    {
        await new DeltaTableFormat().ReadSnapshotAsync(golden.Root, TableStorage.Local, SnapshotSelector.Latest, CancellationToken.None);
        return "wrong: read, but must be refused";
    }

    private string Reported(DeltaGolden.Table golden)
    {
        var relative = Path.GetRelativePath(DeltaGolden.Folder, golden.Root).Replace('\\', '/');
        return string.Join("; ", Lake.Result.SkippedFiles.Where(s => s.Path.StartsWith(relative, StringComparison.Ordinal)).Select(s => $"{s.Path}: {s.Reason}").Take(3));
    }
}
