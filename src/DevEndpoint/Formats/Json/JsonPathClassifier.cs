using System.Text.RegularExpressions;

namespace DevEndpoint.Formats.Json;

/// <summary>A JSON classifier whose records are the objects of the array a JSON path selects.</summary>
internal sealed partial class JsonPathClassifier(string path, IReadOnlyList<string> properties) : IClassifier
{
    /// <summary>The storage descriptor parameter that records the path.</summary>
    public const string PathParameter = "jsonPath";

    public string Name => "json";

    /// <summary>The property names of a path <c>$[*]</c>, <c>$.a[*]</c>, <c>$.a.b[*]</c> or <c>$['a'][*]</c>; throws naming the forms accepted.</summary>
    public static IReadOnlyList<string> Parse(string classifier, string path)
    {
        var match = PathForm().Match(path);
        if (!match.Success)
        {
            throw new DevEndpointException($"Classifier '{classifier}' is not valid: the JSON path '{path}' does not select an array of records. Use $[*] for a top-level array, or $.name[*] (or $['name'][*]) for the array under a property.");
        }

        return match.Groups["step"].Captures.Select(c => c.Value.Trim('.', '[', ']', '\'')).ToList();
    }

    public Task<Classification> ClassifyAsync(FileProbe file, CancellationToken cancellationToken)
    {
        var schema = properties.Count > 0 ? JsonDocumentSniffer.SniffPath(file.Text, file.Compression, properties, file.Options)
            : file.Text.Text.TrimStart().StartsWith('[') ? JsonDocumentSniffer.SniffArray(file.Text, file.Path, file.Compression, file.Options)
            : null;
        return Task.FromResult(schema is null
            ? Classification.No
            : Classification.Certain(schema with { Parameters = new Dictionary<string, string>(schema.Parameters) { [PathParameter] = path } }));
    }

    [GeneratedRegex(@"^\$(?<step>\.[A-Za-z_][A-Za-z0-9_]*|\['[^']+'\])*\[\*\]$")]
    private static partial Regex PathForm();
}
