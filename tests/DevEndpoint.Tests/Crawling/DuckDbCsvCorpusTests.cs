namespace DevEndpoint.Tests.Crawling;

/// <summary>All of DuckDB's messy CSV test files (corpora/duckdb/data/csv): odd dialects, encodings and broken files.</summary>
public sealed class DuckDbCsvCorpusTests
{
    [Fact]
    public async Task Every_table_crawled_from_the_corpus_loads_or_fails_with_an_error_naming_a_file()
    {
        var folder = Corpora.Path("duckdb", "data", "csv");
        using var crawl = await CrawledFolder.CreateAsync(folder, "duckdb");

        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Length;
        Assert.Equal(files, crawl.Result.Tables.Sum(t => t.Files) + crawl.Result.SkippedFiles.Count);
        var crashes = new List<string>();
        foreach (var table in crawl.Result.Tables)
        {
            var error = await Record.ExceptionAsync(() => crawl.LoadAsync(table.Name));
            if (error is not null && (error is not DevEndpointException || !error.Message.StartsWith(folder, StringComparison.Ordinal)))
            {
                crashes.Add($"{table.Name}: {error.GetType().Name}: {error.Message}");
            }
        }

        Assert.True(crashes.Count == 0, string.Join(Environment.NewLine, crashes));
    }
}
