namespace DevEndpoint.Formats;

/// <summary>
/// Classifies one file by its content, reading only a bounded sample, and infers its schema: custom classifiers
/// first in their order, then the built-ins; the first certainty of 1.0 wins, else the highest above 0.
/// </summary>
internal static class FileClassifier
{
    /// <summary>The built-in classifiers, in the order they run.</summary>
    public static IReadOnlyList<IClassifier> BuiltIns => FileFormats.Classifiers;

    /// <summary>
    /// The file's schema, or <c>null</c> when no classifier recognises it (Glue's <c>UNKNOWN</c>).
    /// Throws <see cref="BadFileException"/> when the file claims a format but cannot be read as it.
    /// </summary>
    public static Task<FileSchema?> ClassifyAsync(
        string path, SampleOptions options, IReadOnlyList<IClassifier>? custom = null, CancellationToken cancellationToken = default) =>
        ClassifyAsync(FileSource.Local, path, options, custom, cancellationToken);

    /// <summary>The schema of a file of <paramref name="source"/> (see the overload for local files).</summary>
    public static async Task<FileSchema?> ClassifyAsync(
        FileSource source, string path, SampleOptions options, IReadOnlyList<IClassifier>? custom = null, CancellationToken cancellationToken = default)
    {
        var probe = FileProbe.Open(source, path, options);
        if (probe.Size == 0)
        {
            throw new BadFileException(path, "the file is empty.");
        }

        Classification? best = null;
        foreach (var classifier in (custom ?? []).Concat(BuiltIns))
        {
            var answer = await classifier.ClassifyAsync(probe, cancellationToken);
            if (answer.Certainty >= 1.0)
            {
                return answer.Schema;
            }

            if (answer.Certainty > 0 && answer.Certainty > (best?.Certainty ?? 0))
            {
                best = answer;
            }
        }

        return best?.Schema;
    }

    /// <summary>Whether the classifier takes a file for Parquet: by its first bytes, or by its name.</summary>
    public static bool IsParquet(string path, ReadOnlySpan<byte> head) => Parquet.ParquetClassifier.Claims(path, head);
}
