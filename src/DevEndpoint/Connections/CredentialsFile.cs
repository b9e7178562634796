namespace DevEndpoint.Connections;

/// <summary>
/// An INI credentials file as AWS writes them: <c>[profile]</c> sections (also <c>[profile name]</c>) of <c>key = value</c>
/// lines; <c>#</c> and <c>;</c> start comments. Keys are compared without case. Errors name the file and line, never a value.
/// </summary>
internal sealed class CredentialsFile
{
    private readonly Dictionary<string, Dictionary<string, string>> sections;

    private CredentialsFile(string path, Dictionary<string, Dictionary<string, string>> sections)
    {
        Path = path;
        this.sections = sections;
    }

    public string Path { get; }

    /// <summary>Reads the file; <c>null</c> when it does not exist.</summary>
    public static CredentialsFile? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DevEndpointException($"The credentials file {path} cannot be read ({e.Message.TrimEnd('.')}). Check that it exists and that this user may read it.");
        }

        var sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        Dictionary<string, string>? current = null;
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                var name = line[1..^1].Trim();
                name = name.StartsWith("profile ", StringComparison.Ordinal) ? name["profile ".Length..].Trim() : name;
                current = sections.TryGetValue(name, out var existing) ? existing : sections[name] = new(StringComparer.OrdinalIgnoreCase);
                continue;
            }

            var equals = line.IndexOf('=');
            if (equals <= 0 || current is null)
            {
                throw new DevEndpointException(
                    $"The credentials file {path} line {number} is not {(current is null ? "a [section] line; the first setting must follow one" : "a key = value line")}. Write it as in ~/.aws/credentials: [default] then lines such as password = ...");
            }

            current[line[..equals].Trim()] = line[(equals + 1)..].Trim();
        }

        return new CredentialsFile(path, sections);
    }

    /// <summary>The settings of a section, or <c>null</c> when the file has none by that name.</summary>
    public IReadOnlyDictionary<string, string>? Section(string name) => sections.GetValueOrDefault(name);
}
