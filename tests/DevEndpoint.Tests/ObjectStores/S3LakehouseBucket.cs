using DevEndpoint.Catalog;
using DevEndpoint.ObjectStores;
using DevEndpoint.Tests.Formats.Iceberg;
using DevEndpoint.Tests.Formats.Lakehouse;

namespace DevEndpoint.Tests.ObjectStores;

/// <summary>
/// An <see cref="S3Lake"/> with a local folder <c>lake/</c> of lakehouse tables: Delta golden tables,
/// Iceberg tables of the corpus and a Hudi copy-on-write table written here, to upload and compare with the same tables on disk.
/// </summary>
internal sealed class S3LakehouseBucket : S3Lake
{
    /// <summary>The Delta golden tables of the lake: a multi-part checkpoint, deletion vectors in a partitioned table with a checkpoint, typed partition values, a V2 checkpoint with sidecars, and statistics on a data column.</summary>
    public static readonly string[] Delta =
        ["multi-part-checkpoint", "dv-partitioned-with-checkpoint", "data-reader-partition-values", "v2-checkpoint-parquet", "data-skipping-partition-and-data-column"];

    /// <summary>The Iceberg tables of the lake, by their corpus path: position deletes, equality deletes, v3 deletion vectors.</summary>
    public static readonly string[] Iceberg =
    [
        "impala/hadoop_catalog/ice/iceberg_v2_delete_positional",
        "impala/hadoop_catalog/ice/iceberg_v2_delete_equality",
        "impala/iceberg_v3/iceberg_v3_deletion_vectors",
    ];

    public const string Hudi = "hudi_t";

    private S3LakehouseBucket(S3TestBucket bucket)
        : base(bucket)
    {
    }

    /// <summary>The local folder of the lake's tables.</summary>
    public string Lake => Local.Combine("lake");

    public static new async Task<S3LakehouseBucket> CreateAsync() => new(await S3TestBucket.CreateAsync());

    /// <summary>Writes the lake's tables to <see cref="Lake"/> on disk (each in a folder of its name) and uploads them under <c>lake/</c>.</summary>
    public async Task UploadLakeAsync()
    {
        foreach (var table in Delta)
        {
            LakehouseTableTests.Copy(Corpora.Path("lakehouse", "delta-golden", table), System.IO.Path.Combine(Lake, table));
        }

        foreach (var table in Iceberg)
        {
            LakehouseTableTests.Copy(IcebergRows.Table(table), System.IO.Path.Combine(Lake, table.Split('/')[^1]));
        }

        await LakehouseTableTests.HudiTableAsync(System.IO.Path.Combine(Lake, Hudi));
        await Store.UploadFolderAsync(Lake, S3Path.Parse(Path("lake")));
    }

    /// <summary>Uploads one Delta golden table under <paramref name="key"/>, all of its files but those <paramref name="leaveOut"/> names (relative paths).</summary>
    public async Task UploadDeltaAsync(string table, string key, params string[] leaveOut)
    {
        var folder = Corpora.Path("lakehouse", "delta-golden", table);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = System.IO.Path.GetRelativePath(folder, file).Replace('\\', '/');
            if (!leaveOut.Contains(relative))
            {
                await Store.UploadAsync(file, S3Path.Parse(Path($"{key}/{relative}")));
            }
        }
    }
}
