using System.Globalization;
using DevEndpoint.Formats.Iceberg;

namespace DevEndpoint.Tests.Formats.Iceberg;

/// <summary>Reads an Iceberg table of the corpus and writes its rows as text, <c>(1, a, 2025-01-04)</c>, the way EXPECTED.md states them.</summary>
internal static class IcebergRows
{
    public static string Table(string path) => Corpora.Path(["lakehouse", "iceberg", .. path.Split('/')]);

    public static async Task<List<string>> ReadAsync(string path, long? snapshot = null, string? metadataFile = null)
    {
        var table = IcebergTable.Open(Table(path), metadataFile);
        var rows = new List<string>();
        await table.ReadAsync(new IcebergReadOptions { SnapshotId = snapshot }, row => rows.Add(Text(row)), CancellationToken.None);
        return rows;
    }

    public static async Task<List<object?[]>> ValuesAsync(string path, long? snapshot = null, string? metadataFile = null)
    {
        var table = IcebergTable.Open(Table(path), metadataFile);
        var rows = new List<object?[]>();
        await table.ReadAsync(new IcebergReadOptions { SnapshotId = snapshot }, rows.Add, CancellationToken.None);
        return rows;
    }

    public static string Text(object?[] row) => $"({string.Join(", ", row.Select(Text))})";

    private static string Text(object? value) => value switch
    {
        null => "NULL",
        byte[] bytes => string.Concat(bytes.Select(b => $"\\x{b:X2}")),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString(time.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };
}
