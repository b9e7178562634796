namespace DevEndpoint.Catalog;

/// <summary>
/// How far incremental loads of a database table by a bookmark key have read: the largest key value loaded so far
/// (in invariant text) and when. Kept in the catalog's <c>key_bookmarks</c> table.
/// </summary>
public sealed record KeyBookmark(string DatabaseName, string TableName, string Key, string LastValue, DateTimeOffset UpdateTime);
