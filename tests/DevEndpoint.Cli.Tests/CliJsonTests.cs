using System.Text.Json;
using DevEndpoint.Catalog;

namespace DevEndpoint.Cli.Tests;

public sealed class CliJsonTests
{
    [Fact]
    public void The_devendpoint_command_runs_with_reflection_based_json_off()
    {
        // Every --json test runs the real command with this runtimeconfig: a type missing from the generated contexts
        // fails there, as it would print {} in the command compiled ahead of time.
        using var config = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(DevEndpointCommand.DllPath, ".runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(properties.GetProperty("System.Text.Json.JsonSerializer.IsReflectionEnabledByDefault").GetBoolean());
    }

    [Fact]
    public void Every_response_the_command_prints_has_serialization_code_generated_at_build_time()
    {
        var responses = typeof(CliApp).Assembly.GetTypes().Concat(typeof(DataCatalog).Assembly.GetTypes())
            .Where(t => t.Name.EndsWith("Response", StringComparison.Ordinal) && t.Namespace is "DevEndpoint.Cli" or "DevEndpoint.Catalog")
            .ToList();

        Assert.Contains(typeof(TableListResponse), responses);
        Assert.All(responses, t => Assert.NotNull(CliJsonContext.Default.GetTypeInfo(t)));
    }
}
