namespace DevEndpoint.Libraries;

/// <summary>A library's sources do not compile; <see cref="Errors"/> holds each error as <c>file(line,column): error CSxxxx: message</c>.</summary>
public sealed class LibraryCompilationException : DevEndpointException
{
    public LibraryCompilationException(string source, IReadOnlyList<string> errors, int totalErrors)
        : base($"{source} does not compile ({totalErrors} error{(totalErrors == 1 ? string.Empty : "s")}); the library was not built:\n{string.Join('\n', errors)}"
            + (totalErrors > errors.Count ? $"\n... and {totalErrors - errors.Count} more" : string.Empty))
    {
        Errors = errors;
    }

    public IReadOnlyList<string> Errors { get; }
}
