namespace DevEndpoint.Accuracy;

/// <summary>What one sniffer found in one file, or why it found nothing.</summary>
internal sealed record SniffResult(char? Delimiter, bool? HasHeader, IReadOnlyList<SniffedColumn> Columns, int? PreambleLines, string? Error = null)
{
    public static SniffResult Failed(string error) => new(null, null, [], null, error);
}

internal sealed record SniffedColumn(string Name, string Category);
