using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using System.Xml.Linq;

namespace DevEndpoint.Libraries.Internals;

/// <summary>
/// Restores NuGet packages, with everything they depend on, for the running .NET, and lists the assemblies each brings.
/// </summary>
/// <remarks>
/// It writes a throw-away project with one PackageReference per package into <c>&lt;library cache&gt;/restore/</c>, runs
/// <c>dotnet restore</c> on it, reads the resolved graph and each package's runtime assemblies for the running framework
/// from <c>obj/project.assets.json</c>, and deletes the project.
/// This, rather than the NuGet client libraries, because it is NuGet's own full restore (version ranges, the nearest-wins
/// rule, framework compatibility, the user's NuGet.Config sources and credentials, the packages folder and its locks) with
/// no code of ours to keep in step; the .NET SDK it needs is the one the kernel already runs on, and .NET Interactive's
/// <c>#r "nuget:..."</c> restores the same way. The core takes no dependency on NuGet's packages.
/// </remarks>
internal static class PackageRestore
{
    public const string RestoreFolderName = "restore";

    /// <summary>A restored package: its id, resolved version, folder in the packages folder, and runtime assemblies.</summary>
    public sealed record Restored(string Id, string Version, string Folder, IReadOnlyList<string> Assemblies);

    /// <summary>The target framework moniker of the running .NET, e.g. <c>net10.0</c>.</summary>
    public static string Framework => $"net{Environment.Version.Major}.{Environment.Version.Minor}";

    /// <summary>Restores <paramref name="packages"/> (for the library <paramref name="source"/>, as errors name it) and every package they depend on.</summary>
    public static IReadOnlyList<Restored> Restore(string source, IReadOnlyList<PackageRequest> packages, LibraryOptions options, Action<string>? restoring)
    {
        restoring?.Invoke($"{source}: restoring {string.Join(", ", packages)} for {Framework} from the NuGet sources...");
        var folder = Path.Combine(options.CacheFolder, RestoreFolderName, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var project = Path.Combine(folder, "restore.csproj");
            File.WriteAllText(project, ProjectXml(packages).ToString());
            var (exitCode, output) = Run(source, packages, project, options);
            var assets = Path.Combine(folder, "obj", "project.assets.json");
            if (!File.Exists(assets))
            {
                throw LibraryErrors.RestoreFailed(source, packages, OutputErrors(output));
            }

            using var document = JsonDocument.Parse(File.ReadAllBytes(assets));
            var errors = LoggedErrors(document.RootElement);
            if (errors.Count > 0 || exitCode != 0)
            {
                throw LibraryErrors.RestoreFailed(source, packages, errors.Count > 0 ? errors : OutputErrors(output));
            }

            return ReadPackages(document.RootElement);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left behind; the cache pruning removes it once it is old.
            }
        }
    }

    private static XElement ProjectXml(IReadOnlyList<PackageRequest> packages) =>
        new(
            "Project",
            new XAttribute("Sdk", "Microsoft.NET.Sdk"),
            new XElement(
                "PropertyGroup",
                new XElement("TargetFramework", Framework),
                new XElement("EnableDefaultItems", "false"),
                new XElement("NuGetAudit", "false")),
            new XElement("ItemGroup", packages.Select(p => new XElement("PackageReference", new XAttribute("Include", p.Id), new XAttribute("Version", p.Version)))));

    private static (int ExitCode, string Output) Run(string source, IReadOnlyList<PackageRequest> packages, string project, LibraryOptions options)
    {
        var start = new ProcessStartInfo(DotnetPath())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(project)!,
        };
        string[] arguments =
        [
            "restore", project, "--packages", options.PackagesFolder, "--nologo", "-verbosity:quiet", "-nodeReuse:false",

            // The cache lives wherever the DevEndpoint home is: build files around it are not the restore's business.
            "-p:ImportDirectoryBuildProps=false", "-p:ImportDirectoryBuildTargets=false", "-p:ImportDirectoryPackagesProps=false",
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (options.NuGetConfigFile is { } config)
        {
            start.ArgumentList.Add("--configfile");
            start.ArgumentList.Add(Path.GetFullPath(config));
        }

        // A host that runs under MSBuild (a test run) passes its MSBuild down; the restore must use its own SDK's.
        foreach (var variable in new[] { "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly" })
        {
            start.Environment.Remove(variable);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";

        Process process;
        try
        {
            process = Process.Start(start) ?? throw LibraryErrors.RestoreCannotStart(source, packages, "no process was started");
        }
        catch (Win32Exception e)
        {
            throw LibraryErrors.RestoreCannotStart(source, packages, e.Message);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(options.RestoreTimeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                throw LibraryErrors.RestoreTimedOut(source, packages, options.RestoreTimeout);
            }

            process.WaitForExit();
            return (process.ExitCode, output.GetAwaiter().GetResult() + error.GetAwaiter().GetResult());
        }
    }

    /// <summary>The <c>dotnet</c> of the running .NET (the runtime folder is <c>&lt;root&gt;/shared/Microsoft.NETCore.App/&lt;version&gt;</c>), else the one on PATH.</summary>
    private static string DotnetPath()
    {
        var root = Path.GetFullPath(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var dotnet = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(dotnet) ? dotnet : "dotnet";
    }

    private static List<(string Code, string Message)> LoggedErrors(JsonElement assets) =>
        assets.TryGetProperty("logs", out var logs)
            ? logs.EnumerateArray()
                .Where(l => l.GetProperty("level").GetString() == "Error")
                .Select(l => (l.GetProperty("code").GetString() ?? "NU0000", l.GetProperty("message").GetString() ?? string.Empty))
                .Distinct()
                .ToList()
            : [];

    /// <summary>The error lines of restore's output (when it wrote no assets file to read them from).</summary>
    private static List<(string Code, string Message)> OutputErrors(string output)
    {
        var errors = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.IndexOf("error ", StringComparison.Ordinal) is var at and >= 0 ? line[(at + 6)..] : null)
            .OfType<string>()
            .Select(line => line.IndexOf(": ", StringComparison.Ordinal) is var colon and > 0 ? (line[..colon], line[(colon + 2)..]) : ("error", line))
            .Distinct()
            .ToList();
        return errors.Count > 0 ? errors : [("error", output.Trim())];
    }

    private static List<Restored> ReadPackages(JsonElement assets)
    {
        var packagesFolder = assets.GetProperty("packageFolders").EnumerateObject().First().Name;
        var libraries = assets.GetProperty("libraries");
        var result = new List<Restored>();
        foreach (var package in assets.GetProperty("targets").GetProperty(Framework).EnumerateObject())
        {
            if (package.Value.GetProperty("type").GetString() != "package")
            {
                continue;
            }

            var slash = package.Name.IndexOf('/', StringComparison.Ordinal);
            var folder = Path.GetFullPath(Path.Combine(packagesFolder, libraries.GetProperty(package.Name).GetProperty("path").GetString()!));
            var assemblies = package.Value.TryGetProperty("runtime", out var runtime)
                ? runtime.EnumerateObject()
                    .Select(a => a.Name)
                    .Where(a => a.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                    .Select(a => Path.Combine(folder, a.Replace('/', Path.DirectorySeparatorChar)))
                    .ToList()
                : [];
            result.Add(new Restored(package.Name[..slash], package.Name[(slash + 1)..], folder, assemblies));
        }

        return result;
    }
}
