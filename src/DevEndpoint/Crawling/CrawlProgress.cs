namespace DevEndpoint.Crawling;

/// <summary>A crawl's progress: files classified so far out of those found.</summary>
public sealed record CrawlProgress(int FilesDone, int FilesTotal, string? CurrentFile);
