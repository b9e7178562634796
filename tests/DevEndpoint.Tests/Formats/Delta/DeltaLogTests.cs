using DevEndpoint.Formats;
using DevEndpoint.Formats.Delta;

namespace DevEndpoint.Tests.Formats.Delta;

/// <summary>The Delta log replay: checkpoints, contiguity, protocol checks and the exact messages of refused tables.</summary>
public sealed class DeltaLogTests
{
    private static Task<TableSnapshot> ReadAsync(string root, SnapshotSelector? at = null) =>
        new DeltaTableFormat().ReadSnapshotAsync(root, TableStorage.Local, at ?? SnapshotSelector.Latest, CancellationToken.None);

    [Fact]
    public async Task A_table_with_a_checkpoint_is_read_from_the_checkpoint_and_the_commits_after_it_only()
    {
        var root = DeltaGolden.Get("basic-with-inserts-deletes-checkpoint").Root;

        var snapshot = await ReadAsync(root);

        Assert.Equal(13, snapshot.Version);
        Assert.Equal(
            ["00000000000000000010.checkpoint.parquet", "00000000000000000011.json", "00000000000000000012.json", "00000000000000000013.json"],
            snapshot.LogFilesRead.Select(Path.GetFileName));
    }

    [Fact]
    public async Task Commits_before_the_checkpoint_are_never_opened_even_when_they_are_unreadable()
    {
        using var copy = new GoldenCopy("basic-with-inserts-deletes-checkpoint");
        for (var version = 0; version < 10; version++)
        {
            await File.WriteAllTextAsync(copy.Log(version), "not json at all");
        }

        var snapshot = await ReadAsync(copy.Root);

        Assert.Equal(41, snapshot.Files.Sum(f => f.Statistics!.Records));
    }

    [Fact]
    public async Task A_multi_part_checkpoint_is_read_in_all_its_parts()
    {
        var snapshot = await ReadAsync(DeltaGolden.Get("multi-part-checkpoint").Root);

        Assert.Equal(2, snapshot.LogFilesRead.Count(f => f.Contains(".checkpoint.", StringComparison.Ordinal)));
        Assert.Equal(31, snapshot.Files.Sum(f => f.Statistics!.Records));
    }

    [Fact]
    public async Task A_v2_checkpoint_reads_its_sidecar_files()
    {
        var snapshot = await ReadAsync(DeltaGolden.Get("v2-checkpoint-parquet").Root);

        Assert.Contains(snapshot.LogFilesRead, f => f.Contains("_sidecars", StringComparison.Ordinal));
        Assert.Equal(10, snapshot.Files.Sum(f => f.Statistics!.Records));
    }

    [Fact]
    public async Task An_empty_last_checkpoint_file_does_not_stop_the_checkpoint_being_found()
    {
        var snapshot = await ReadAsync(DeltaGolden.Get("corrupted-last-checkpoint-kernel").Root);

        Assert.Equal(11, snapshot.Version);
        Assert.Contains(snapshot.LogFilesRead, f => f.EndsWith("00000000000000000010.checkpoint.parquet", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_remove_written_as_a_file_url_cancels_the_add_of_the_same_absolute_path()
    {
        var snapshot = await ReadAsync(DeltaGolden.Get("canonicalized-paths-special-b").Root);

        Assert.Empty(snapshot.Files);
    }

    [Fact]
    public async Task Column_mapping_names_the_columns_logically_and_keeps_their_physical_names_for_the_files()
    {
        var snapshot = await ReadAsync(DeltaGolden.Get("dv-with-columnmapping").Root);

        Assert.Equal(["col1:int", "col2:string"], snapshot.Columns.Select(c => $"{c.Name}:{c.Type}"));
        Assert.Equal(["part:int"], snapshot.PartitionKeys.Select(c => $"{c.Name}:{c.Type}"));
        Assert.StartsWith("col-", snapshot.PhysicalNames["col1"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_log_with_a_missing_commit_is_refused_naming_the_versions()
    {
        var root = DeltaGolden.Get("versions-not-contiguous").Root;

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => ReadAsync(root));

        Assert.Equal(
            $"Delta table {root}: its log versions are not contiguous (0, 2), so a commit is missing from _delta_log. Restore the missing commit file; the table cannot be read without it.",
            error.Message);
    }

    [Fact]
    public async Task A_reader_version_past_3_is_refused_naming_it()
    {
        var root = DeltaGolden.Get("deltalog-invalid-protocol-version").Root;

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => ReadAsync(root));

        Assert.Equal(
            $"Delta table {root}: its protocol needs Delta reader version 99; DevEndpoint reads versions 1 to 3. Read it with a newer Delta reader (Spark, delta-rs) or rewrite it with a lower protocol.",
            error.Message);
    }

    [Fact]
    public async Task A_reader_feature_the_reader_does_not_support_is_refused_by_name()
    {
        using var copy = new GoldenCopy("basic-with-vacuum-protocol-check-feature");
        var commit = copy.Log(1);
        var text = await File.ReadAllTextAsync(commit);
        await File.WriteAllTextAsync(commit, text.Replace("\"vacuumProtocolCheck\"]", "\"vacuumProtocolCheck\",\"variantType\"]", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => ReadAsync(copy.Root));

        Assert.Equal(
            $"Delta table {copy.Root}: it uses the Delta reader feature 'variantType', which DevEndpoint does not read "
            + "(it reads columnMapping, deletionVectors, timestampNtz, typeWidening, typeWidening-preview, v2Checkpoint, vacuumProtocolCheck). "
            + "Read it with Spark or delta-rs, or rewrite it without 'variantType'.",
            error.Message);
    }

    [Fact]
    public async Task A_log_without_metadata_is_refused_saying_the_schema_is_unknown()
    {
        var root = DeltaGolden.Get("deltalog-state-reconstruction-without-metadata").Root;

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => ReadAsync(root));

        Assert.Equal(
            $"Delta table {root}: the log up to version 0 has no metaData action, so the table's schema is unknown. The log is damaged; rewrite the table with a Delta writer.",
            error.Message);
    }

    [Fact]
    public async Task A_version_past_the_latest_is_refused_naming_the_versions_there_are()
    {
        var root = DeltaGolden.Get("time-travel-start-start20-start40").Root;

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => ReadAsync(root, new SnapshotSelector(Version: 3)));

        Assert.Equal($"Delta table {root}: there is no version 3; its versions are 0 to 2. Give --version between them.", error.Message);
    }

    [Fact]
    public void A_roaring_bitmap_array_decodes_to_its_rows()
    {
        // Magic, one bitmap; key 0; a portable roaring bitmap without runs holding one array container: rows 3 and 5.
        byte[] bytes = [0xD1, 0xD3, 0x39, 0x64, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x3A, 0x30, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0x10, 0, 0, 0, 3, 0, 5, 0];

        Assert.Equal([3L, 5L], DeletionVectors.Bitmap(bytes).Order());
    }

    [Fact]
    public void Z85_text_decodes_as_the_spec_example_says()
    {
        Assert.Equal([0x86, 0x4F, 0xD2, 0x6F, 0xB5, 0x59, 0xF7, 0x5B], DeletionVectors.Z85Decode("HelloWorld"));
    }
}
