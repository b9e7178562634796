using DevEndpoint.Catalog;
using DevEndpoint.Jobs;
using DevEndpoint.Testing;
using DevEndpoint.Writing;
using Microsoft.Data.Analysis;
using Microsoft.Data.Sqlite;

namespace DevEndpoint.Tests.Jobs;

/// <summary>A job's output, its catalog table and its bookmark commit in one catalog transaction, in both stores.</summary>
public sealed class JobCommitTests : IDisposable
{
    private readonly TestCatalogs catalogs = new();

    public void Dispose() => catalogs.Dispose();

    [Theory]
    [MemberData(nameof(TestCatalogs.Stores), MemberType = typeof(TestCatalogs))]
    public async Task A_bookmark_the_catalog_refuses_after_the_output_is_recorded_leaves_neither_output_nor_bookmark(string store)
    {
        var name = catalogs.Name(store);
        var catalog = DataCatalog.Open(name);
        var (staged, options, selection) = await StageAsync(catalog, "first");
        RefuseBookmarks(store, name, refuse: true);

        var error = Assert.Throws<DevEndpointException>(() => Publish(catalog, staged, options, selection));

        Assert.Contains("job_bookmarks refuses writes", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(options.Path) && Directory.EnumerateFiles(options.Path, "*", SearchOption.AllDirectories).Any());
        Assert.Empty(catalog.GetDatabases());
        Assert.Empty(new JobBookmarks(catalog).List());
    }

    [Theory]
    [MemberData(nameof(TestCatalogs.Stores), MemberType = typeof(TestCatalogs))]
    public async Task Once_the_bookmark_may_be_written_output_table_and_bookmark_commit_together(string store)
    {
        var name = catalogs.Name(store);
        var catalog = DataCatalog.Open(name);
        var (staged, options, selection) = await StageAsync(catalog, "first");
        RefuseBookmarks(store, name, refuse: true);
        Assert.Throws<DevEndpointException>(() => Publish(catalog, staged, options, selection));
        RefuseBookmarks(store, name, refuse: false);
        (staged, options, selection) = await StageAsync(catalog, "second");

        var written = Publish(catalog, staged, options, selection);

        Assert.Equal(3, written.Rows);
        Assert.Equal("3", catalog.GetTable(new TableName("out", "orders")).Parameter("recordCount"));
        Assert.Equal(2, catalog.GetPartitions(new TableName("out", "orders")).Count);
        var bookmark = new JobBookmarks(catalog).Get("nightly");
        Assert.Equal((1, 1, 0), (bookmark.CommittedRuns, bookmark.FilesProcessed, bookmark.PendingFiles));
    }

    private async Task<(StagedWrite Staged, WriteOptions Options, BookmarkSelection Selection)> StageAsync(DataCatalog catalog, string attempt)
    {
        var input = Path.Combine(catalogs.Folder, "lake", "orders.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(input)!);
        File.WriteAllText(input, "id,dt\n1,a\n2,a\n3,b\n");
        var options = new WriteOptions { Path = Path.Combine(catalogs.Folder, "out"), PartitionBy = ["dt"], CatalogTable = "out.orders", Mode = WriteMode.Append };
        var frame = new DataFrame(new Int32DataFrameColumn("id", [1, 2, 3]), new StringDataFrameColumn("dt", ["a", "a", "b"]));
        var staged = await FrameWriter.StageAsync(frame, options, Path.Combine(catalogs.Folder, "staging", attempt));
        return (staged, options, catalog.SelectUnprocessedFiles("nightly", new TableName("lake", "orders"), [input]));
    }

    private WriteResult Publish(DataCatalog catalog, StagedWrite staged, WriteOptions options, BookmarkSelection selection) =>
        new FrameWriter(catalog).PublishStaged([staged], options, Path.Combine(catalogs.Folder, "commit"), update =>
        {
            update.RecordPendingFiles(selection);
            JobBookmarks.Commit(update, "nightly");
        });

    /// <summary>A trigger that makes the store itself refuse every write to <c>job_bookmarks</c>, or drops it.</summary>
    private static void RefuseBookmarks(string store, string name, bool refuse)
    {
        if (store == TestCatalogs.Sqlite)
        {
            using var connection = new SqliteConnection($"Data Source={name};Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = refuse
                ? "CREATE TRIGGER refuse_insert BEFORE INSERT ON job_bookmarks BEGIN SELECT RAISE(ABORT, 'job_bookmarks refuses writes'); END"
                : "DROP TRIGGER refuse_insert";
            command.ExecuteNonQuery();
            return;
        }

        var database = new Uri(name).AbsolutePath.Trim('/');
        TestCatalogs.Admin(
            refuse
                ? "CREATE FUNCTION refuse_bookmarks() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'job_bookmarks refuses writes'; END $$; CREATE TRIGGER refuse_insert BEFORE INSERT ON job_bookmarks FOR EACH ROW EXECUTE FUNCTION refuse_bookmarks()"
                : "DROP TRIGGER refuse_insert ON job_bookmarks",
            database);
    }
}
