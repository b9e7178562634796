using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DevEndpoint.Cli.Tests;

/// <summary>
/// Glue's API shapes from botocore's service model (Debian package python3-botocore, which CI installs), to check that
/// <c>--json</c> output has Glue's member names, types, enums, lengths and sizes, and no member Glue does not know but
/// DevEndpoint's documented additions (<see cref="Additions"/>).
/// </summary>
internal static class GlueServiceModel
{
    /// <summary>Where Debian's python3-botocore puts Glue's model (the newest dated folder under it is read).</summary>
    public const string Folder = "/usr/lib/python3/dist-packages/botocore/data/glue";

    private static readonly Lazy<JsonElement?> Shapes = new(Load);

    /// <summary>
    /// The members DevEndpoint adds beside Glue's, by shape, each with the Glue shape its value has (checked as such), or
    /// <c>null</c> for a value of DevEndpoint's own. Every entry is documented in docs/catalog.md.
    /// </summary>
    private static readonly Dictionary<(string Shape, string Member), string?> Additions = new()
    {
        // job status and job list --json: the machine and process that runs the job (host:pid), whose heartbeat LastModifiedOn is.
        [("JobRun", "Coordinator")] = null,

        // job status and job list --json: the run's tasks, those done, those sent again after their worker left, and those done per worker.
        [("JobRun", "Tasks")] = "NonNegativeInteger",
        [("JobRun", "TasksSucceeded")] = "NonNegativeInteger",
        [("JobRun", "TasksRetried")] = "NonNegativeInteger",
        [("JobRun", "TasksByWorker")] = null,

        // connection list: the connection's kind in DevEndpoint's words (postgres, mysql, sqlite, s3).
        [("Connection", "Type")] = null,

        // connection list: the ADO.NET connection string or endpoint as given (never with a password).
        [("Connection", "Url")] = null,

        // connection list: where the secret comes from at run time (env VAR, file PATH [profile], AWS credential chain, none).
        [("Connection", "SecretSource")] = null,

        // connection list: the region of an s3 connection.
        [("Connection", "Region")] = null,

        // connection list: further settings by name.
        [("Connection", "Parameters")] = "ParametersMap",

        // catalog runs and crawl --json: the database the crawl wrote into, and the path or connection it read.
        [("CrawlerHistory", "DatabaseName")] = "NameString",
        [("CrawlerHistory", "Location")] = null,

        // catalog runs and crawl --json: the run's duration in seconds (EndTime - StartTime).
        [("CrawlerHistory", "DurationSeconds")] = "NonNegativeDouble",

        // catalog runs and crawl --json: the crawl's SampleFiles setting, when it sampled files per folder.
        [("CrawlerHistory", "SampleFiles")] = "NonNegativeInteger",

        // catalog runs and crawl --json: the run's counts of files, bytes, tables and partitions.
        [("CrawlerHistory", "Metrics")] = null,

        // catalog runs and crawl --json: the files and folders the crawl skipped, with reasons.
        [("CrawlerHistory", "Errors")] = null,

        // catalog runs: Glue's GetCrawlerMetrics answer beside ListCrawls', one entry per database crawled.
        [("ListCrawlsResponse", "CrawlerMetricsList")] = "CrawlerMetricsList",
    };

    /// <summary>Why the model cannot be used, or <c>null</c>.</summary>
    public static string? Missing => Shapes.Value is null
        ? $"botocore's Glue service model ({Folder}/<date>/service-2.json[.gz]) is not installed: apt-get install python3-botocore."
        : null;

    /// <summary>The problems of <paramref name="value"/> as an instance of the named shape (none when it conforms); fails when the model is missing.</summary>
    public static List<string> Problems(JsonElement value, string shape)
    {
        Assert.True(Missing is null, Missing);
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
                    else if (Additions.TryGetValue((shapeName, property.Name), out var addition))
                    {
                        if (addition is not null)
                        {
                            Check(property.Value, addition, $"{path}.{property.Name}", problems);
                        }
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

                CheckSize(shape, shapeName, value.GetArrayLength(), path, problems);
                break;
            case "map":
                if (value.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"{path}: {shapeName} must be an object");
                    return;
                }

                var count = 0;
                foreach (var entry in value.EnumerateObject())
                {
                    count++;
                    using var key = JsonDocument.Parse(JsonSerializer.Serialize(entry.Name));
                    Check(key.RootElement, shape.GetProperty("key").GetProperty("shape").GetString()!, $"{path} key '{entry.Name}'", problems);
                    Check(entry.Value, shape.GetProperty("value").GetProperty("shape").GetString()!, $"{path}.{entry.Name}", problems);
                }

                CheckSize(shape, shapeName, count, path, problems);
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
                    problems.Add($"{path}: '{Shortened(text)}' is not one of {shapeName}'s values");
                }

                if ((shape.TryGetProperty("min", out var min) && text.Length < min.GetInt32()) || (shape.TryGetProperty("max", out var max) && text.Length > max.GetInt32()))
                {
                    problems.Add($"{path}: '{Shortened(text)}' has {text.Length} characters, outside {shapeName}'s bounds");
                }

                // The model writes characters beyond U+FFFF as a range of surrogate pairs, which .NET (UTF-16) reads as surrogates.
                if (shape.TryGetProperty("pattern", out var pattern)
                    && !Regex.IsMatch(text, $"^(?:{pattern.GetString()!.Replace("\\uD800\\uDC00-\\uDBFF\\uDFFF", "\\uD800-\\uDFFF", StringComparison.Ordinal)})$"))
                {
                    problems.Add($"{path}: '{Shortened(text)}' does not match {shapeName}'s pattern");
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

    private static void CheckSize(JsonElement shape, string shapeName, int count, string path, List<string> problems)
    {
        if ((shape.TryGetProperty("min", out var min) && count < min.GetInt32()) || (shape.TryGetProperty("max", out var max) && count > max.GetInt32()))
        {
            problems.Add($"{path}: {count} entries, outside {shapeName}'s bounds");
        }
    }

    private static string Shortened(string text) => text.Length <= 80 ? text : $"{text[..80]}...";

    private static JsonElement? Load()
    {
        if (!Directory.Exists(Folder))
        {
            return null;
        }

        var folder = Directory.EnumerateDirectories(Folder).Order(StringComparer.Ordinal).Last();
        var plain = Path.Combine(folder, "service-2.json");
        using var stream = File.Exists(plain) ? File.OpenRead(plain) : (Stream)new GZipStream(File.OpenRead(plain + ".gz"), CompressionMode.Decompress);
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("shapes").Clone();
    }
}
