namespace DevEndpoint.Cli;

/// <summary>The <c>dotnet</c> host that starts the executables shipped beside the command (<c>run</c>, <c>jit</c>).</summary>
internal static class DotnetHost
{
    /// <summary>The dotnet host running this command, else the one <c>DOTNET_HOST_PATH</c> or <c>DOTNET_ROOT</c> names, else <c>dotnet</c> on the PATH.</summary>
    public static string Path()
    {
        if (Environment.ProcessPath is { } current && System.IO.Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }

        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        return Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root && File.Exists(System.IO.Path.Combine(root, "dotnet"))
            ? System.IO.Path.Combine(root, "dotnet")
            : "dotnet";
    }
}
