namespace DevEndpoint.Formats.Orc;

/// <summary>
/// ORC, by the magic <c>ORC</c> at the start of the file and at the end of its postscript (the last bytes before the
/// postscript's length): the schema and row count come from the footer. An ORC file whose footer cannot be read is a
/// bad file with the reason, rather than left to the text classifiers.
/// </summary>
internal sealed class OrcClassifier : IClassifier
{
    private static readonly byte[] Magic = "ORC"u8.ToArray();

    public string Name => "orc";

    public Task<Classification> ClassifyAsync(FileProbe file, CancellationToken cancellationToken) =>
        Task.FromResult(file.Head.AsSpan().StartsWith(Magic) && EndsWithPostscriptMagic(file)
            ? Classification.Certain(ReadSchema(file))
            : Classification.No);

    private static FileSchema ReadSchema(FileProbe file)
    {
        try
        {
            using var stream = file.OpenRead();
            var footer = OrcTail.Read(stream);
            return new FileSchema
            {
                Classification = "orc",
                Columns = footer.Columns(),
                RecordCount = footer.Rows,
                AverageRecordSize = footer.Rows == 0 ? 0 : file.Size / footer.Rows,
                SizeBytes = file.Size,
            };
        }
        catch (NotSupportedException e)
        {
            throw new BadFileException(file.Path, $"{e.Message}; the file is recognised as ORC by its magic bytes, but its columns cannot be read. Convert it to Parquet, or leave it out with --exclude.", e);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new BadFileException(file.Path, $"not a readable ORC file ({e.Message.TrimEnd('.')}). Replace or exclude it; the other files are still catalogued.", e);
        }
    }

    private static bool EndsWithPostscriptMagic(FileProbe probe)
    {
        if (probe.Size < 2 * Magic.Length + 1)
        {
            return false;
        }

        using var file = probe.OpenRead();
        file.Seek(-(Magic.Length + 1), SeekOrigin.End);
        var tail = new byte[Magic.Length];
        file.ReadExactly(tail);
        return tail.AsSpan().SequenceEqual(Magic);
    }
}
