namespace DevEndpoint.Formats.Orc;

/// <summary>
/// ORC, by the magic <c>ORC</c> at the start of the file and at the end of its postscript (the last bytes before the
/// postscript's length). Its schema sits in a protobuf footer this classifier does not read yet: an ORC file is
/// reported as such, with that reason, rather than left to the text classifiers.
/// </summary>
internal sealed class OrcClassifier : IClassifier
{
    private static readonly byte[] Magic = "ORC"u8.ToArray();

    public string Name => "orc";

    public Task<Classification> ClassifyAsync(FileProbe file, CancellationToken cancellationToken) =>
        file.Head.AsSpan().StartsWith(Magic) && EndsWithPostscriptMagic(file.Path, file.Size)
            ? throw new BadFileException(file.Path, "ORC schema reading is not supported yet; the file is recognised as ORC by its magic bytes, but its columns cannot be read. Convert it to Parquet, or leave it out with --exclude.")
            : Task.FromResult(Classification.No);

    private static bool EndsWithPostscriptMagic(string path, long size)
    {
        if (size < 2 * Magic.Length + 1)
        {
            return false;
        }

        using var file = File.OpenRead(path);
        file.Seek(-(Magic.Length + 1), SeekOrigin.End);
        var tail = new byte[Magic.Length];
        file.ReadExactly(tail);
        return tail.AsSpan().SequenceEqual(Magic);
    }
}
