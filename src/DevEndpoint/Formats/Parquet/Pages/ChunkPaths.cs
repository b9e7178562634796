namespace DevEndpoint.Formats.Parquet.Pages;

/// <summary>
/// Counts which path read the column chunks of the loads run in one async flow (<see cref="ColumnChunkReader"/> or
/// Parquet.Net), and can send them all through Parquet.Net: how tests show which files take the fast path and that
/// both paths load the same frame.
/// </summary>
internal sealed class ChunkPaths
{
    private static readonly AsyncLocal<ChunkPaths?> Current = new();
    private int fast;
    private int parquetNet;

    /// <summary>Whether every chunk goes through Parquet.Net.</summary>
    public bool ParquetNetOnly { get; private init; }

    /// <summary>Chunks read by <see cref="ColumnChunkReader"/>.</summary>
    public int Fast => fast;

    /// <summary>Chunks of plain (not nested) columns read by Parquet.Net.</summary>
    public int ParquetNet => parquetNet;

    /// <summary>The counter of the current flow, if one watches.</summary>
    public static ChunkPaths? Active => Current.Value;

    /// <summary>Starts counting the chunks of the loads the calling flow runs from now on.</summary>
    public static ChunkPaths Watch(bool parquetNetOnly = false)
    {
        var paths = new ChunkPaths { ParquetNetOnly = parquetNetOnly };
        Current.Value = paths;
        return paths;
    }

    public void CountFast() => Interlocked.Increment(ref fast);

    public void CountParquetNet() => Interlocked.Increment(ref parquetNet);
}
