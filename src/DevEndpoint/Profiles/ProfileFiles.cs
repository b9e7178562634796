using System.Text.Json;
using System.Text.Json.Serialization;
using DevEndpoint.Catalog;

namespace DevEndpoint.Profiles;

/// <summary>Profiles saved as JSON: <c>devendpoint profile &lt;db&gt;.&lt;table&gt; --json</c>'s output (<c>{"Profile": {...}}</c>) or a bare profile.</summary>
public static class ProfileFiles
{
    private static readonly JsonSerializerOptions Options = CatalogJson.Create(indented: false, ProfileJsonContext.Default);

    /// <summary>The profile saved in the file <paramref name="path"/>.</summary>
    public static TableProfile Read(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw ProfileErrors.NoProfileFile(full);
        }

        var json = File.ReadAllText(full);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var profile = root.ValueKind == JsonValueKind.Object && root.TryGetProperty(nameof(ProfileFile.Profile), out var inner) ? inner : root;
            return profile.Deserialize((System.Text.Json.Serialization.Metadata.JsonTypeInfo<TableProfile>)Options.GetTypeInfo(typeof(TableProfile))) is { Source: not null, Columns: not null } read
                ? read
                : throw ProfileErrors.NotAProfile(full, null);
        }
        catch (JsonException e)
        {
            throw ProfileErrors.NotAProfile(full, e);
        }
    }

    /// <summary>The shape <c>devendpoint profile --json</c> prints.</summary>
    internal sealed record ProfileFile(TableProfile Profile);
}

/// <summary>Serialization code generated at build time for reading profiles back (the devendpoint command has no reflection).</summary>
[JsonSerializable(typeof(TableProfile))]
internal sealed partial class ProfileJsonContext : JsonSerializerContext;
