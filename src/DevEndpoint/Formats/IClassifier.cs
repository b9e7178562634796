namespace DevEndpoint.Formats;

/// <summary>
/// Decides whether a file is of one format and, if so, what its schema is. Classifiers run in order (custom ones
/// first, then the built-ins); each answers with a certainty in 0..1: the first 1.0 wins, else the highest above 0.
/// A classifier that recognises a file for certain but cannot read it throws <see cref="BadFileException"/>.
/// </summary>
internal interface IClassifier
{
    /// <summary>The classification it gives, e.g. <c>csv</c>, <c>json</c>, <c>parquet</c>.</summary>
    string Name { get; }

    Task<Classification> ClassifyAsync(FileProbe file, CancellationToken cancellationToken);
}

/// <summary>A classifier's answer: how sure it is, and the schema it found.</summary>
internal sealed record Classification(double Certainty, FileSchema? Schema)
{
    /// <summary>Not this format.</summary>
    public static Classification No { get; } = new(0, null);

    public static Classification Certain(FileSchema schema) => new(1.0, schema);
}
