namespace DevEndpoint.Formats;

/// <summary>A file that cannot be read as its format: the crawl reports it with the reason and goes on.</summary>
internal sealed class BadFileException : DevEndpointException
{
    public BadFileException(string path, string reason, Exception? innerException = null)
        : base($"{path}: {reason}", innerException ?? new InvalidDataException(reason))
    {
        Path = path;
        Reason = reason;
    }

    public string Path { get; }

    public string Reason { get; }
}
