using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Loading;

namespace DevEndpoint.Tests;

/// <summary>A folder (such as one of the corpora) crawled into a catalog in a temporary folder.</summary>
internal sealed class CrawledFolder : IDisposable
{
    private readonly TempFolder temp;

    private CrawledFolder(TempFolder temp, DataCatalog catalog, CrawlResult result)
    {
        this.temp = temp;
        Catalog = catalog;
        Result = result;
    }

    public DataCatalog Catalog { get; }

    public CrawlResult Result { get; }

    public static async Task<CrawledFolder> CreateAsync(string path, string database, params string[] exclusions)
    {
        var temp = new TempFolder();
        try
        {
            var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
            var result = await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = path, Database = database, Exclusions = exclusions });
            return new CrawledFolder(temp, catalog, result);
        }
        catch
        {
            temp.Dispose();
            throw;
        }
    }

    /// <summary>Exclusion globs that leave out every file and folder directly in <paramref name="folder"/> but <paramref name="keep"/>.</summary>
    public static string[] ExcludeAllBut(string folder, params string[] keep) =>
        Directory.EnumerateFileSystemEntries(folder)
            .Select(Path.GetFileName)
            .Where(name => !keep.Contains(name))
            .Select(name => string.Concat(name!.Select(c => c is '[' or '{' or '*' or '?' ? $"[{c}]" : c.ToString())))
            .ToArray();

    public CatalogTable Table(string name) => Catalog.GetTable(new TableName(Result.Run.DatabaseName, name));

    public Task<LoadResult> LoadAsync(string table, LoadOptions? options = null) =>
        new TableLoader(Catalog).LoadAsync($"{Result.Run.DatabaseName}.{table}", options);

    /// <summary>A loaded value as text, for comparing with text from another reader: null as empty, numbers and dates invariant.</summary>
    public static string Text(object? value) => value switch
    {
        null => string.Empty,
        DateTime date => date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    public void Dispose() => temp.Dispose();
}
