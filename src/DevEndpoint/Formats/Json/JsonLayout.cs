namespace DevEndpoint.Formats.Json;

/// <summary>How the records of a JSON file are laid out, as recorded in the <c>jsonLayout</c> parameter.</summary>
internal static class JsonLayout
{
    /// <summary>The parameter that holds the layout.</summary>
    public const string Parameter = "jsonLayout";

    /// <summary>One object per line (JSON lines, NDJSON): the default when the parameter is absent.</summary>
    public const string Lines = "lines";

    /// <summary>One top-level array whose elements are the records.</summary>
    public const string Array = "array";

    /// <summary>The whole file is one object, one record (it may span lines).</summary>
    public const string Object = "object";
}
