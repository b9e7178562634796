using System.Globalization;

namespace DevEndpoint.Formats.Iceberg;

/// <summary>The errors reading an Iceberg table reports, in one place so their wording stays consistent (and tests pin it).</summary>
internal static class IcebergErrors
{
    public static DevEndpointException NotATable(string root) => new(
        $"{root}: not an Iceberg table: it has no metadata folder with a *.metadata.json file. Name the table's root folder (the one that holds metadata/).");

    public static DevEndpointException NoMetadataFile(string root, string hint, string wanted) => new(
        $"{root}: metadata/{hint} names '{wanted}', but no metadata file of that version is in metadata/. Restore it, or remove the version hint to read the newest metadata file.");

    public static DevEndpointException Malformed(string path, string reason) => new(
        $"{path}: not valid Iceberg metadata ({reason}). Replace the file with one the table's writer made.");

    public static DevEndpointException Unsupported(string path, string feature) => new(
        $"{path}: the table uses {feature}, which DevEndpoint cannot read yet; it is refused rather than read wrongly.");

    public static DevEndpointException MissingFile(string path, string what, string referencedBy) => new(
        $"{path}: the {what} named in {referencedBy} is not there. Restore it, or read another snapshot of the table.");

    public static DevEndpointException BadFile(string path, string what, string reason) => new(
        $"{path}: cannot read this {what} ({reason.TrimEnd('.')}). Restore the file the table's writer made.");

    public static DevEndpointException NoSnapshots(string root) => new(
        $"{root}: the Iceberg table has no snapshot yet, so there is no data to read as of a version or time.");

    public static DevEndpointException NoSuchSnapshot(string root, long id, IEnumerable<long> known) => new(string.Create(
        CultureInfo.InvariantCulture,
        $"{root}: the Iceberg table has no snapshot {id}. Its snapshots: {string.Join(", ", known)}."));

    public static DevEndpointException BeforeFirstSnapshot(string root, DateTimeOffset asOf, DateTimeOffset first) => new(string.Create(
        CultureInfo.InvariantCulture,
        $"{root}: the Iceberg table has no snapshot as of {asOf:yyyy-MM-ddTHH:mm:ss.fffZ}; its first is from {first:yyyy-MM-ddTHH:mm:ss.fffZ}. Give a later time."));

    public static DevEndpointException DecimalTooWide(string path, string column, string value) => new(
        $"{path}: column '{column}' holds {value}, which has more digits than a .NET decimal keeps (28); it is refused rather than rounded.");
}
