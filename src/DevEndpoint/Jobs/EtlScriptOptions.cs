using DevEndpoint.Writing;

namespace DevEndpoint.Jobs;

/// <summary>What <see cref="EtlScript.Generate"/> makes a job of: a catalog table, the folder and format it is written to, and names.</summary>
public sealed record EtlScriptOptions
{
    /// <summary>The catalog table to read, as <c>database.table</c>.</summary>
    public required string Source { get; init; }

    /// <summary>The folder the job writes into (made a full path in the script).</summary>
    public required string Target { get; init; }

    /// <summary>The format written. Default: Parquet.</summary>
    public WriteFormat Format { get; init; } = WriteFormat.Parquet;

    /// <summary>
    /// How the job writes: <see cref="WriteMode.Append"/> (default: a job bookmark makes each run read only new or changed
    /// files, whose rows are appended), <see cref="WriteMode.Overwrite"/> (each run reads the whole source and replaces only
    /// the target partitions it writes, keeping the others) or <see cref="WriteMode.OverwriteTable"/> (each run reads the
    /// whole source and replaces the whole target).
    /// </summary>
    public WriteMode Mode { get; init; } = WriteMode.Append;

    /// <summary>Target columns that make <c>key=value</c> folders; <c>null</c> for the source's partition keys.</summary>
    public IReadOnlyList<string>? PartitionBy { get; init; }

    /// <summary>
    /// The catalog table the job creates and updates, as <c>database.table</c>; <c>null</c> for the source's database and a
    /// table named after the target folder.
    /// </summary>
    public string? TargetTable { get; init; }

    /// <summary>The job whose bookmark the script follows; <c>null</c> for <c>&lt;target database&gt;_&lt;target table&gt;</c>.</summary>
    public string? Job { get; init; }

    /// <summary>
    /// The catalog file the source is read from and the script opens; <c>null</c> for the default catalog
    /// (<see cref="Catalog.DataCatalog.DefaultPath"/>, which the script then finds the same way when it runs).
    /// </summary>
    public string? CatalogPath { get; init; }
}
