namespace DevEndpoint.Formats.Hudi;

/// <summary>The errors reading a Hudi table reports, in one place so their wording stays consistent (and tests pin it).</summary>
internal static class HudiErrors
{
    public static DevEndpointException NotATable(string root) => new(
        $"{root}: not a Hudi table: it has no .hoodie/hoodie.properties. Name the table's root folder (the one that holds .hoodie/).");

    public static DevEndpointException MergeOnRead(string root) => new(
        $"{root}: the Hudi table is merge-on-read (hoodie.table.type=MERGE_ON_READ), which DevEndpoint cannot read yet: only copy-on-write tables are read. Compact it into a copy-on-write copy with Hudi, or read it with Spark.");

    public static DevEndpointException UnsupportedBaseFormat(string root, string format) => new(
        $"{root}: the Hudi table keeps its base files as {format} (hoodie.table.base.file.format), which DevEndpoint cannot read yet: only Parquet base files are read.");

    public static DevEndpointException NoInstant(string root, string instant, string? first) => new(
        first is null
            ? $"{root}: the Hudi table has no completed commit, so there is nothing as of {instant}."
            : $"{root}: the Hudi table has no completed commit at or before {instant}; its first is {first}. Give a later instant.");

    public static DevEndpointException BadCommit(string path, string reason) => new(
        $"{path}: cannot read this Hudi commit ({reason.TrimEnd('.')}). Restore the file Hudi wrote.");
}
