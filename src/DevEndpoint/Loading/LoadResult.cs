using DevEndpoint.Catalog;
using DevEndpoint.Frames;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Loading;

/// <summary>
/// A loaded table and what the load read. <paramref name="Errors"/> holds the rows a permissive load left out (file,
/// line, column, value, reason; its Head and Tail work when there are none); <paramref name="BadRows"/> counts every row left out, kept or not.
/// </summary>
public sealed record LoadResult(
    DataFrame Frame,
    CatalogTable Table,
    int PartitionsRead,
    int PartitionsTotal,
    int FilesRead,
    TimeSpan Elapsed,
    ErrorFrame Errors,
    long BadRows)
{
    /// <summary>The parts the files were read in: one per file, more for big files read in ranges at once.</summary>
    public int PartsRead { get; init; }

    /// <summary>With a bookmark: the files read and the files its committed runs had processed; <c>null</c> without.</summary>
    public BookmarkSelection? Bookmark { get; init; }

    /// <summary>For a database table, where its rows came from (<c>postgresql://host:port/shop/public/orders in 4 queries</c>); <c>null</c> for files.</summary>
    public string? DatabaseSource { get; init; }

    /// <summary>What the rows were read from, in words: <c>3 files</c>, or the <see cref="DatabaseSource"/>.</summary>
    public string From => DatabaseSource ?? $"{FilesRead} files";
}

/// <summary>How far a load is: files read of the files its partitions hold, and the rows read so far.</summary>
public sealed record LoadProgress(int FilesRead, int Files, long Rows);
