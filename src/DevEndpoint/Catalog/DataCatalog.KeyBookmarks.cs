namespace DevEndpoint.Catalog;

public sealed partial class DataCatalog
{
    /// <summary>The bookmark of incremental loads of a table by <paramref name="key"/>, or <c>null</c> before the first.</summary>
    public KeyBookmark? GetKeyBookmark(TableName table, string key)
    {
        return Read(connection =>
        {
            return ReadStrings(
                    connection,
                    null,
                    "SELECT definition FROM key_bookmarks WHERE database_name = $db AND table_name = $table AND bookmark_key = $key",
                    ("$db", table.Database),
                    ("$table", table.Table),
                    ("$key", key))
                .Select(CatalogJson.Deserialize<KeyBookmark>)
                .FirstOrDefault();
        });
    }
}
