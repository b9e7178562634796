using DevEndpoint.Catalog;
using DevEndpoint.Formats.Hudi;

namespace DevEndpoint.Tests.Formats.Hudi;

/// <summary>Hudi copy-on-write tables written here by <see cref="HudiFiles"/>: a timeline of <c>.commit</c> and <c>.replacecommit</c> instants.</summary>
public sealed class HudiTableTests
{
    private const string First = "20240101000000000";
    private const string Update = "20240102000000000";
    private const string Failed = "20240103000000000";
    private const string Clustering = "20240104000000000";

    [Fact]
    public async Task The_latest_base_file_of_each_file_group_of_completed_commits_is_read()
    {
        using var folder = new TempFolder();
        var table = HudiTable.Open(await WriteTableAsync(folder));

        Assert.Equal(["(1, a1)", "(2, a2 updated)", "(3, b3 clustered)", "(4, b4)"], await RowsAsync(table, null));
        Assert.Equal(
            [("a", "fg1", Update), ("b", "fg3", Clustering)],
            table.BaseFiles().Select(f => (f.Partition, f.FileId, f.Instant)));
        Assert.Equal([First, Update, Clustering], table.Commits);
    }

    [Fact]
    public async Task Time_travel_to_an_instant_reads_the_file_groups_as_they_were_then()
    {
        using var folder = new TempFolder();
        var table = HudiTable.Open(await WriteTableAsync(folder));

        Assert.Equal(["(1, a1)", "(2, a2)", "(3, b3)"], await RowsAsync(table, First));
        Assert.Equal(["(1, a1)", "(2, a2 updated)", "(3, b3)"], await RowsAsync(table, Failed));
    }

    [Fact]
    public async Task The_columns_are_those_of_the_newest_base_file_with_hudis_meta_columns()
    {
        using var folder = new TempFolder();
        var table = HudiTable.Open(await WriteTableAsync(folder));

        var columns = await table.ColumnsAsync(null, CancellationToken.None);

        Assert.Equal(
            [new Column("_hoodie_commit_time", "string"), new Column("_hoodie_record_key", "string"), new Column("_hoodie_partition_path", "string"), new Column("id", "int"), new Column("name", "string")],
            columns);
    }

    [Fact]
    public async Task A_time_before_the_first_commit_is_refused_naming_the_first()
    {
        using var folder = new TempFolder();
        var root = await WriteTableAsync(folder);

        var error = Assert.Throws<DevEndpointException>(() => HudiTable.Open(root).BaseFiles("20231231000000000"));

        Assert.Equal($"{root}: the Hudi table has no completed commit at or before 20231231000000000; its first is {First}. Give a later instant.", error.Message);
    }

    [Fact]
    public void A_merge_on_read_table_is_refused_by_name()
    {
        using var folder = new TempFolder();
        HudiFiles.Properties(folder.Combine("t"), "#Properties saved on 2024-01-01\nhoodie.table.name=t\nhoodie.table.type=MERGE_ON_READ\n");

        var error = Assert.Throws<DevEndpointException>(() => HudiTable.Open(folder.Combine("t")));

        Assert.Equal(
            $"{folder.Combine("t")}: the Hudi table is merge-on-read (hoodie.table.type=MERGE_ON_READ), which DevEndpoint cannot read yet: only copy-on-write tables are read. Compact it into a copy-on-write copy with Hudi, or read it with Spark.",
            error.Message);
    }

    [Fact]
    public void A_folder_without_hoodie_properties_is_not_a_hudi_table()
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<DevEndpointException>(() => HudiTable.Open(folder.Path));

        Assert.False(HudiTable.IsTableRoot(folder.Path));
        Assert.Equal($"{folder.Path}: not a Hudi table: it has no .hoodie/hoodie.properties. Name the table's root folder (the one that holds .hoodie/).", error.Message);
    }

    /// <summary>
    /// Four instants: a first commit (file groups fg1 in a, fg2 in b), an update of fg1, a failed (inflight) rewrite of
    /// fg1 whose file was left behind, and a clustering replacecommit that replaces fg2 by fg3.
    /// </summary>
    private static async Task<string> WriteTableAsync(TempFolder folder)
    {
        var root = folder.Combine("t");
        HudiFiles.Properties(root, "#Properties saved on 2024-01-01\nhoodie.table.name=t\nhoodie.table.type=COPY_ON_WRITE\nhoodie.table.partition.fields=p\nhoodie.table.base.file.format=PARQUET\n");
        await HudiFiles.BaseFileAsync(root, "a", "fg1", "0-1-0", First, (1, "a1"), (2, "a2"));
        await HudiFiles.BaseFileAsync(root, "b", "fg2", "0-1-0", First, (3, "b3"));
        Commit(root, First, "commit", null);
        await HudiFiles.BaseFileAsync(root, "a", "fg1", "0-2-0", Update, (1, "a1"), (2, "a2 updated"));
        Commit(root, Update, "commit", null);
        await HudiFiles.BaseFileAsync(root, "a", "fg1", "0-3-0", Failed, (1, "a1 never committed"));
        HudiFiles.Timeline(root, $"{Failed}.commit.requested", string.Empty);
        HudiFiles.Timeline(root, $"{Failed}.inflight", string.Empty);
        await HudiFiles.BaseFileAsync(root, "b", "fg3", "0-4-0", Clustering, (3, "b3 clustered"), (4, "b4"));
        Commit(root, Clustering, "replacecommit", """{"b": ["fg2"]}""");
        return root;
    }

    private static void Commit(string root, string instant, string action, string? replaced)
    {
        HudiFiles.Timeline(root, $"{instant}.{action}.requested", string.Empty);
        HudiFiles.Timeline(root, $"{instant}.{(action == "commit" ? string.Empty : action + ".")}inflight", string.Empty);
        var replace = replaced is null ? string.Empty : $", \"partitionToReplaceFileIds\": {replaced}";
        HudiFiles.Timeline(root, $"{instant}.{action}", $$"""{"partitionToWriteStats": {}, "compacted": false, "operationType": "UPSERT"{{replace}}}""");
    }

    private static async Task<List<string>> RowsAsync(HudiTable table, string? asOf)
    {
        var rows = new List<string>();
        await table.ReadAsync(asOf, r => rows.Add($"({r["id"]}, {r["name"]})"), CancellationToken.None);
        return rows.Order(StringComparer.Ordinal).ToList();
    }
}
