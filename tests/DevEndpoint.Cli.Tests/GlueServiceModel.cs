using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DevEndpoint.Cli.Tests;

/// <summary>
/// Glue's API shapes from botocore's service model (Debian package python3-botocore, or a pip install), to check that
/// <c>--json</c> output has Glue's field names, types, enums and bounds.
/// </summary>
internal static class GlueServiceModel
{
    private static readonly Lazy<JsonElement?> Shapes = new(Load);

    /// <summary>Why the model cannot be used, or <c>null</c>.</summary>
    public static string? Missing => Shapes.Value is null
        ? "botocore's Glue service model (botocore/data/glue/*/service-2.json[.gz]) is not installed: apt-get install python3-botocore."
        : null;

    /// <summary>The problems of <paramref name="value"/> as an instance of the named shape (none when it conforms).</summary>
    public static List<string> Problems(JsonElement value, string shape)
    {
        var problems = new List<string>();
        Check(value, shape, "$", problems);
        return problems;
    }

    private static void Check(JsonElement value, string shapeName, string path, List<string> problems)
    {
        var shape = Shapes.Value!.Value.GetProperty(shapeName);
        var type = shape.GetProperty("type").GetString();
        switch (type)
        {
            case "structure":
                if (value.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"{path}: {shapeName} must be an object");
                    return;
                }

                var members = shape.GetProperty("members");
                foreach (var property in value.EnumerateObject())
                {
                    if (members.TryGetProperty(property.Name, out var member))
                    {
                        Check(property.Value, member.GetProperty("shape").GetString()!, $"{path}.{property.Name}", problems);
                    }
                    else
                    {
                        problems.Add($"{path}.{property.Name}: not a member of {shapeName}");
                    }
                }

                if (shape.TryGetProperty("required", out var required))
                {
                    problems.AddRange(required.EnumerateArray().Select(r => r.GetString()!).Where(r => !value.TryGetProperty(r, out _)).Select(r => $"{path}.{r}: required by {shapeName}"));
                }

                break;
            case "list":
                if (value.ValueKind != JsonValueKind.Array)
                {
                    problems.Add($"{path}: {shapeName} must be an array");
                    return;
                }

                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Check(item, shape.GetProperty("member").GetProperty("shape").GetString()!, $"{path}[{index++}]", problems);
                }

                break;
            case "string":
                if (value.ValueKind != JsonValueKind.String)
                {
                    problems.Add($"{path}: {shapeName} must be a string");
                    return;
                }

                var text = value.GetString()!;
                if (shape.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => v.GetString() == text))
                {
                    problems.Add($"{path}: '{text}' is not one of {shapeName}'s values");
                }

                if ((shape.TryGetProperty("min", out var min) && text.Length < min.GetInt32()) || (shape.TryGetProperty("max", out var max) && text.Length > max.GetInt32()))
                {
                    problems.Add($"{path}: '{text}' has a length outside {shapeName}'s bounds");
                }

                // The model writes characters beyond U+FFFF as a range of surrogate pairs, which .NET (UTF-16) reads as surrogates.
                if (shape.TryGetProperty("pattern", out var pattern)
                    && !Regex.IsMatch(text, $"^(?:{pattern.GetString()!.Replace("\\uD800\\uDC00-\\uDBFF\\uDFFF", "\\uD800-\\uDFFF", StringComparison.Ordinal)})$"))
                {
                    problems.Add($"{path}: '{text}' does not match {shapeName}'s pattern");
                }

                break;
            case "integer" or "long" or "double":
                if (value.ValueKind != JsonValueKind.Number || (type != "double" && !value.TryGetInt64(out _)))
                {
                    problems.Add($"{path}: {shapeName} must be a {type}");
                    return;
                }

                var number = value.GetDouble();
                if ((shape.TryGetProperty("min", out var low) && number < low.GetDouble()) || (shape.TryGetProperty("max", out var high) && number > high.GetDouble()))
                {
                    problems.Add($"{path}: {number} is outside {shapeName}'s bounds");
                }

                break;
            case "boolean":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    problems.Add($"{path}: {shapeName} must be true or false");
                }

                break;
            case "timestamp":
                // botocore reads a timestamp from epoch seconds or from ISO 8601 text.
                if (value.ValueKind != JsonValueKind.Number && !(value.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(value.GetString(), System.Globalization.CultureInfo.InvariantCulture, out _)))
                {
                    problems.Add($"{path}: {shapeName} must be epoch seconds or ISO 8601 text");
                }

                break;
            default:
                problems.Add($"{path}: {shapeName} is a {type}, which this check does not know");
                break;
        }
    }

    private static JsonElement? Load()
    {
        var roots = new List<string> { "/usr/lib/python3/dist-packages/botocore", "/usr/share/python3-botocore/botocore" };
        var pyenv = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".pyenv", "versions");
        if (Directory.Exists(pyenv))
        {
            roots.AddRange(Directory.EnumerateDirectories(pyenv).SelectMany(v => Directory.EnumerateDirectories(Path.Combine(v, "lib"), "python3*"))
                .Select(p => Path.Combine(p, "site-packages", "botocore")));
        }

        foreach (var root in roots.Where(r => Directory.Exists(Path.Combine(r, "data", "glue"))))
        {
            var folder = Directory.EnumerateDirectories(Path.Combine(root, "data", "glue")).Order(StringComparer.Ordinal).Last();
            var plain = Path.Combine(folder, "service-2.json");
            using var stream = File.Exists(plain) ? File.OpenRead(plain) : (Stream)new GZipStream(File.OpenRead(plain + ".gz"), CompressionMode.Decompress);
            using var document = JsonDocument.Parse(stream);
            return document.RootElement.GetProperty("shapes").Clone();
        }

        return null;
    }
}

/// <summary>A test that needs botocore's Glue service model; skipped, with the reason, when it is not installed.</summary>
internal sealed class GlueModelFactAttribute : FactAttribute
{
    public GlueModelFactAttribute()
    {
        Skip = GlueServiceModel.Missing;
    }
}
