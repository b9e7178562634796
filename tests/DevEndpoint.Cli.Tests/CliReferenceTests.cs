namespace DevEndpoint.Cli.Tests;

public sealed class CliReferenceTests
{
    [Fact]
    public void The_devendpoint_command_references_no_dotnet_interactive_assembly()
    {
        var names = typeof(CliApp).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("DevEndpoint", names);
        Assert.DoesNotContain(names, n => n.StartsWith("Microsoft.DotNet.Interactive", StringComparison.Ordinal) || n == "DevEndpoint.Interactive");
    }
}
