namespace DevEndpoint.Formats.Delta;

/// <summary>The errors of reading a Delta table's log, each naming the table and what to do.</summary>
internal static class DeltaErrors
{
    /// <summary>The reader features this reader reads correctly.</summary>
    public static readonly string[] SupportedReaderFeatures =
        ["columnMapping", "deletionVectors", "timestampNtz", "typeWidening", "typeWidening-preview", "v2Checkpoint", "vacuumProtocolCheck"];

    public static DevEndpointException NoLog(string root) => new(
        $"{root}: no Delta table here (no _delta_log folder with a commit or checkpoint). Give the folder that holds _delta_log/.");

    public static DevEndpointException NotContiguous(string root, IEnumerable<long> versions) => new(
        $"Delta table {root}: its log versions are not contiguous ({string.Join(", ", versions)}), so a commit is missing from _delta_log. Restore the missing commit file; the table cannot be read without it.");

    public static DevEndpointException NoSuchVersion(string root, long version, long latest) => new(
        $"Delta table {root}: there is no version {version}; its versions are 0 to {latest}. Give --version between them.");

    public static DevEndpointException VersionGone(string root, long version, long earliest) => new(
        $"Delta table {root}: version {version} cannot be rebuilt, as its log starts at version {earliest} (older commits were cleaned up). Give --version {earliest} or later.");

    public static DevEndpointException BeforeFirstCommit(string root, DateTimeOffset at, DateTimeOffset first) => new(
        $"Delta table {root}: {Time(at)} is before its first commit ({Time(first)}). Give --as-of {Time(first)} or later.");

    public static DevEndpointException AfterLatestCommit(string root, DateTimeOffset at, long latest, DateTimeOffset last) => new(
        $"Delta table {root}: {Time(at)} is after the latest commit (version {latest}, {Time(last)}). Give --as-of {Time(last)} or earlier, or leave --as-of out to read the latest version.");

    public static DevEndpointException Missing(string root, long version, string action) => new(
        $"Delta table {root}: the log up to version {version} has no {action} action, so the table's {(action == "metaData" ? "schema" : "protocol")} is unknown. The log is damaged; rewrite the table with a Delta writer.");

    public static DevEndpointException ReaderVersion(string root, int version) => new(
        $"Delta table {root}: its protocol needs Delta reader version {version}; DevEndpoint reads versions 1 to 3. Read it with a newer Delta reader (Spark, delta-rs) or rewrite it with a lower protocol.");

    public static DevEndpointException ReaderFeature(string root, string feature) => new(
        $"Delta table {root}: it uses the Delta reader feature '{feature}', which DevEndpoint does not read (it reads {string.Join(", ", SupportedReaderFeatures)}). Read it with Spark or delta-rs, or rewrite it without '{feature}'.");

    public static DevEndpointException BadLogFile(string path, string reason) => new(
        $"{path}: cannot be read as a Delta log file ({reason}). Restore the file from a backup; the table cannot be read without it.");

    public static DevEndpointException BadDeletionVector(string root, string file, string reason) => new(
        $"Delta table {root}: the deletion vector of {file} cannot be read ({reason}). Restore it; the file's deleted rows would otherwise come back.");

    public static DevEndpointException Conflict(string root, string mode, long readVersion, long winner, string operation, bool changedTable) => new(
        $"Cannot commit the {mode.ToLowerInvariant()} to Delta table {root}: another writer committed version {winner} ({operation}) after this write read version {readVersion}"
        + (changedTable ? ", changing the table's schema or protocol" : ", changing the files this write replaces")
        + ". Nothing was committed and this write's data files are deleted; run the write again to apply it to the new version.");

    public static DevEndpointException TooManyWriters(string root, int attempts) => new(
        $"Cannot commit to Delta table {root}: other writers took the next version {attempts} times in a row. Nothing was committed and this write's data files are deleted; run the write again when fewer writers are at work.");

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
