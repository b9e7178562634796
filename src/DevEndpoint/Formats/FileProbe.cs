namespace DevEndpoint.Formats;

/// <summary>
/// One file as classifiers see it: its path, size, first bytes, compression (from its magic bytes), and a decoded
/// sample of its decompressed text, read once on first use; <see cref="OpenRead"/> gives the whole file, from its
/// <see cref="FileSource"/>.
/// </summary>
internal sealed class FileProbe
{
    /// <summary>How many raw bytes <see cref="Head"/> holds at most.</summary>
    public const int HeadLength = 4096;

    /// <summary>A local file of at most this many bytes is read whole when it is opened: its sample needs no second opening.</summary>
    private const int WholeLength = 64 * 1024;

    private readonly Lazy<TextSample> text;
    private readonly byte[]? whole;

    private FileProbe(FileSource source, string path, long size, byte[] head, byte[]? whole, string compression, SampleOptions options)
    {
        this.whole = whole;
        Source = source;
        Path = path;
        Size = size;
        Head = head;
        Compression = compression;
        Options = options;
        text = new Lazy<TextSample>(ReadText);
    }

    /// <summary>Where the file's bytes come from.</summary>
    public FileSource Source { get; }

    public string Path { get; }

    public long Size { get; }

    /// <summary>The first bytes of the file as stored (before decompression).</summary>
    public byte[] Head { get; }

    /// <summary>The compression recognised from the magic bytes: <see cref="Formats.Compression.None"/> or a codec name.</summary>
    public string Compression { get; }

    public SampleOptions Options { get; }

    /// <summary>The decompressed, decoded start of the file; throws <see cref="BadFileException"/> when it cannot be decompressed.</summary>
    internal TextSample Text => text.Value;

    public static FileProbe Open(string path, SampleOptions options) => Open(FileSource.Local, path, options);

    public static FileProbe Open(FileSource source, string path, SampleOptions options)
    {
        var (head, length, whole) = source.ReadStart(path, HeadLength, WholeLength);
        return new FileProbe(source, path, length, head, whole, Formats.Compression.Detect(head), options);
    }

    /// <summary>Opens the whole file (as stored) as a seekable stream; from an object store, only what is read is fetched.</summary>
    public Stream OpenRead(int bufferSize = 4096) => Source.OpenRead(Path, bufferSize);

    private TextSample ReadText()
    {
        try
        {
            return whole is null
                ? TextSample.Read(Source, Path, Compression, Options.MaxBytes)
                : TextSample.Read(new MemoryStream(whole, writable: false), Compression, Options.MaxBytes);
        }
        catch (InvalidDataException e)
        {
            throw new BadFileException(Path, $"cannot decompress it as {Compression} ({e.Message.TrimEnd('.')}).", e);
        }
    }
}
