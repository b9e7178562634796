namespace DevEndpoint.Writing;

/// <summary>
/// A folder whose earlier files an overwrite deleted: a partition folder (<c>year=2024/month=01</c>, relative to the written
/// folder with <c>/</c> separators), or <c>""</c> for the files at the top of the written folder, and how many files it held.
/// </summary>
public sealed record RemovedPartition(string Folder, int Files)
{
    /// <summary>The folders of the files at <paramref name="relativeFiles"/> (relative paths, <c>/</c> separators), each with its count, in folder order.</summary>
    internal static List<RemovedPartition> Of(IEnumerable<string> relativeFiles) =>
        relativeFiles
            .GroupBy(f => f.LastIndexOf('/') is var slash and >= 0 ? f[..slash] : string.Empty, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RemovedPartition(g.Key, g.Count()))
            .ToList();
}
