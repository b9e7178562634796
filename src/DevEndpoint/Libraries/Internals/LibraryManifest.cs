using System.Text.Json;
using System.Text.Json.Serialization;

namespace DevEndpoint.Libraries.Internals;

/// <summary>
/// The optional <c>library.json</c> at the root of an archive's library folder: <c>{"name": ..., "version": ..., "dependencies": {"&lt;id&gt;": "&lt;version&gt;"}}</c>;
/// a dependency's version is a NuGet version range as a PackageReference takes it.
/// </summary>
internal sealed record LibraryManifest(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("version")] string? Version,
    [property: JsonPropertyName("dependencies")] Dictionary<string, string>? Dependencies)
{
    public const string FileName = "library.json";

    public static LibraryManifest Parse(string displayPath, byte[] json)
    {
        LibraryManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<LibraryManifest>(json, new JsonSerializerOptions { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow });
        }
        catch (JsonException e)
        {
            throw LibraryErrors.BadManifest(displayPath, $"not a valid library.json ({e.Message}); it may hold \"name\", \"version\" and \"dependencies\".");
        }

        if (manifest is null)
        {
            throw LibraryErrors.BadManifest(displayPath, "not a valid library.json (null); it may hold \"name\", \"version\" and \"dependencies\".");
        }

        if (manifest.Name is { } name && !LibraryNames.IsValid(name))
        {
            throw LibraryErrors.BadManifest(displayPath, $"'{name}' is not a valid library name; use letters, digits, '.', '_' and '-', starting with a letter.");
        }

        foreach (var (id, version) in manifest.Dependencies ?? [])
        {
            if (!new PackageRequest(id, version).IsValid)
            {
                throw LibraryErrors.BadDependency(displayPath, id, version);
            }
        }

        return manifest;
    }

    /// <summary>The NuGet packages <c>dependencies</c> names, each with its version range as a PackageReference takes it.</summary>
    [JsonIgnore]
    public IReadOnlyList<PackageRequest> Packages => [.. (Dependencies ?? []).Select(d => new PackageRequest(d.Key, d.Value))];
}
