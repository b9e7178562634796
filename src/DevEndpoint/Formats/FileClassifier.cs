using DevEndpoint.Formats.Csv;
using DevEndpoint.Formats.Json;
using DevEndpoint.Formats.Parquet;

namespace DevEndpoint.Formats;

/// <summary>
/// Classifies one file by its content (Parquet by its magic bytes, then JSON lines, then delimited text),
/// reading only a bounded sample, and infers its schema.
/// </summary>
public static class FileClassifier
{
    /// <summary>
    /// The file's schema, or <c>null</c> when no classifier recognises it (Glue's <c>UNKNOWN</c>).
    /// Throws <see cref="BadFileException"/> when the file claims a format but cannot be read as it.
    /// </summary>
    public static async Task<FileSchema?> ClassifyAsync(string path, SampleOptions options, CancellationToken cancellationToken = default)
    {
        var head = Compression.ReadHead(path, 4);
        if (IsParquet(path, head))
        {
            return await ParquetSchemaReader.ReadAsync(path, cancellationToken);
        }

        var compression = Compression.Detect(head);
        TextSample sample;
        try
        {
            sample = TextSample.Read(path, compression, options.MaxBytes);
        }
        catch (InvalidDataException e)
        {
            throw new BadFileException(path, $"cannot decompress it as {compression} ({e.Message.TrimEnd('.')}).", e);
        }

        if (sample.Text.Length == 0)
        {
            throw new BadFileException(path, "the file is empty.");
        }

        return JsonLinesSniffer.LooksLikeJson(sample)
            ? JsonLinesSniffer.Sniff(sample, path, compression, options)
            : CsvSniffer.Sniff(sample, path, compression, options);
    }

    /// <summary>Whether the classifier takes a file for Parquet: by its first bytes, or by its name.</summary>
    public static bool IsParquet(string path, ReadOnlySpan<byte> head) =>
        head.SequenceEqual(ParquetSchemaReader.Magic) || path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);
}
