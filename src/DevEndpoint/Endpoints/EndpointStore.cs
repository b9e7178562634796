using System.Text.Json;
using System.Text.RegularExpressions;
using DevEndpoint.Catalog;

namespace DevEndpoint.Endpoints;

/// <summary>Endpoint definitions, one JSON file each under <see cref="Folder"/> (by default <c>&lt;DevEndpoint home&gt;/endpoints</c>).</summary>
public sealed partial class EndpointStore(string? folder = null)
{
    public string Folder { get; } = Path.GetFullPath(folder ?? Path.Combine(DevEndpointHome.DefaultPath, "endpoints"));

    /// <summary>Throws unless <paramref name="name"/> can name an endpoint (and its <c>#!name</c> magic).</summary>
    public static void CheckName(string name)
    {
        if (!NamePattern().IsMatch(name))
        {
            throw new DevEndpointException($"'{name}' cannot name an endpoint: use lower-case letters, digits and underscores, starting with a letter (at most 32).");
        }
    }

    public EndpointDefinition? Find(string name)
    {
        CheckName(name);
        var path = PathOf(name);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<EndpointDefinition>(File.ReadAllText(path), CatalogJson.Indented)
                ?? throw new JsonException("empty definition");
        }
        catch (JsonException e)
        {
            throw new DevEndpointException($"The definition of endpoint '{name}' ({path}) is unreadable: {e.Message} Delete it with #!endpoint delete {name}, then create the endpoint again.");
        }
    }

    /// <summary>The endpoint named <paramref name="name"/>; throws when there is none.</summary>
    public EndpointDefinition Get(string name) =>
        Find(name) ?? throw new DevEndpointException(
            $"There is no endpoint '{name}' in {Folder}. Create it with #!endpoint create {name} [--libraries <path>[,<path>...]] [--catalog <file>]"
            + (List() is { Count: > 0 } all ? $"; endpoints: {string.Join(", ", all.Select(e => e.Name))}." : "."));

    public IReadOnlyList<EndpointDefinition> List() =>
        Directory.Exists(Folder)
            ? Directory.EnumerateFiles(Folder, "*.json")
                .Select(Path.GetFileNameWithoutExtension)
                .Where(name => NamePattern().IsMatch(name!))
                .Order(StringComparer.Ordinal)
                .Select(name => Find(name!)!)
                .ToList()
            : [];

    public void Save(EndpointDefinition definition)
    {
        CheckName(definition.Name);
        AtomicFile.Write(PathOf(definition.Name), JsonSerializer.SerializeToUtf8Bytes(definition, CatalogJson.Indented));
    }

    /// <summary>Deletes the definition; false when there was none.</summary>
    public bool Delete(string name)
    {
        CheckName(name);
        var path = PathOf(name);
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        return true;
    }

    private string PathOf(string name) => Path.Combine(Folder, name + ".json");

    [GeneratedRegex("^[a-z][a-z0-9_]{0,31}$")]
    private static partial Regex NamePattern();
}
