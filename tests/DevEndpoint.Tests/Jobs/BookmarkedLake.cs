using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Jobs;
using DevEndpoint.Loading;

namespace DevEndpoint.Tests.Jobs;

/// <summary>A folder of small CSV tables crawled into a catalog, loaded with job bookmarks.</summary>
internal sealed class BookmarkedLake : IDisposable
{
    private readonly TempFolder temp = new();

    public BookmarkedLake()
    {
        Catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        Bookmarks = new JobBookmarks(Catalog);
    }

    public DataCatalog Catalog { get; }

    public JobBookmarks Bookmarks { get; }

    /// <summary>Writes <c>lake/&lt;path&gt;</c> as a CSV file of an <c>id</c> column with these values; returns its full path.</summary>
    public string WriteIds(string path, params int[] ids) =>
        temp.Write($"lake/{path}", "id,name\n" + string.Concat(ids.Select(i => $"{i},n{i}\n")));

    /// <summary>Writes <c>lake/&lt;path&gt;</c> as a CSV file of an <c>id</c> and a <c>city</c> column, a schema unlike <see cref="WriteIds"/>'s, so the crawler makes it a table of its own.</summary>
    public string WriteCities(string path, params int[] ids) =>
        temp.Write($"lake/{path}", "id,city,country\n" + string.Concat(ids.Select(i => $"{i},c{i},k{i}\n")));

    public Task CrawlAsync() =>
        new Crawler(Catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" });

    public Task<LoadResult> LoadAsync(string table, string? job, LoadOptions? options = null) =>
        new TableLoader(Catalog).LoadAsync($"lake.{table}", (options ?? new LoadOptions()) with { Bookmark = job });

    /// <summary>The ids a bookmarked load of the table reads, in order.</summary>
    public async Task<int[]> IdsAsync(string table, string job, LoadOptions? options = null) =>
        [.. (await LoadAsync(table, job, options)).Frame["id"].Cast<int>().Order()];

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        temp.Dispose();
    }
}
