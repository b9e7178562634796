using DevEndpoint.Cli.Tests;

namespace DevEndpoint.Run.Tests;

public sealed class RunExecutableTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public void The_command_ships_the_run_executable_in_its_run_folder()
    {
        var beside = Path.Combine(Path.GetDirectoryName(DevEndpointCommand.DllPath)!, "run");

        Assert.True(File.Exists(Path.Combine(beside, "DevEndpoint.Run.dll")));
        Assert.True(File.Exists(Path.Combine(beside, "DevEndpoint.Run.runtimeconfig.json")));
        Assert.True(File.Exists(Path.Combine(beside, "Microsoft.DotNet.Interactive.CSharp.dll")));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(DevEndpointCommand.DllPath)!, "Microsoft.DotNet.Interactive.dll")));
    }

    [Fact]
    public async Task Run_without_the_run_executable_beside_the_command_says_what_to_reinstall()
    {
        var installed = folder.Combine("tool");
        Directory.CreateDirectory(installed);
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(DevEndpointCommand.DllPath)!))
        {
            File.Copy(file, Path.Combine(installed, Path.GetFileName(file)));
        }

        var result = await DevEndpointCommand.RunAsync(["run", folder.Combine("job.ipynb")], dllPath: Path.Combine(installed, "DevEndpoint.Cli.dll"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            $"error: devendpoint run needs the run executable beside the devendpoint command, and {Path.Combine(installed, "run", "DevEndpoint.Run.dll")} is missing. Reinstall the command (./build.sh cli, or the DevEndpoint.Cli tool package), which ships it in its 'run' folder."
                + Environment.NewLine,
            result.Error);
        Assert.Empty(result.Output);
    }

    public void Dispose() => folder.Dispose();
}
