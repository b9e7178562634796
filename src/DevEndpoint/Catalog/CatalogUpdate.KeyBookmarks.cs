namespace DevEndpoint.Catalog;

public sealed partial class CatalogUpdate
{
    /// <summary>Records how far incremental loads by a bookmark key have read, replacing the previous bookmark.</summary>
    public void PutKeyBookmark(KeyBookmark bookmark) =>
        Write(
            "INSERT INTO key_bookmarks (database_name, table_name, bookmark_key, definition) VALUES ($db, $table, $key, $definition) ON CONFLICT (database_name, table_name, bookmark_key) DO UPDATE SET bookmark_key = excluded.bookmark_key, definition = excluded.definition",
            ("$db", bookmark.DatabaseName),
            ("$table", bookmark.TableName),
            ("$key", bookmark.Key),
            ("$definition", CatalogJson.Serialize(bookmark)));

    /// <summary>Forgets a bookmark, so that the next incremental load reads every row. Returns <c>false</c> when there was none.</summary>
    public bool DeleteKeyBookmark(TableName table, string key)
    {
        using var command = DataCatalog.Command(
            connection,
            transaction,
            "DELETE FROM key_bookmarks WHERE database_name = $db AND table_name = $table AND bookmark_key = $key",
            [("$db", table.Database), ("$table", table.Table), ("$key", key)]);
        return command.ExecuteNonQuery() > 0;
    }
}
