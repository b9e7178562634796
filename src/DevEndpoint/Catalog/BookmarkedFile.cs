namespace DevEndpoint.Catalog;

/// <summary>A data file as a bookmark remembers it: a file at the same path with another size or last-modified time is new.</summary>
/// <param name="Path">The full path.</param>
/// <param name="LastModified">The last write time, in UTC.</param>
public sealed record BookmarkedFile(string Path, long Size, DateTime LastModified)
{
    public static BookmarkedFile Of(string path)
    {
        var info = new FileInfo(path);
        return new BookmarkedFile(info.FullName, info.Length, info.LastWriteTimeUtc);
    }
}
