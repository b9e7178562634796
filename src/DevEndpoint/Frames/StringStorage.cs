namespace DevEndpoint.Frames;

/// <summary>How a loaded string column is held.</summary>
public enum StringStorage
{
    /// <summary>
    /// Per column and part: repeated values as shared .NET strings (<c>StringDataFrameColumn</c>), values that rarely
    /// repeat as UTF-8 bytes (<see cref="Utf8StringDataFrameColumn"/>, which filters, sorts, groups and joins).
    /// </summary>
    Auto,

    /// <summary>.NET strings (<c>StringDataFrameColumn</c>).</summary>
    Dotnet,

    /// <summary>UTF-8 bytes (<see cref="Utf8StringDataFrameColumn"/>): about half the memory of .NET strings for long text; read-only.</summary>
    Utf8,
}
