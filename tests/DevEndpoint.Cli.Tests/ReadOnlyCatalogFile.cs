using System.Runtime.Versioning;

namespace DevEndpoint.Cli.Tests;

/// <summary>
/// Makes a catalog file that the command, run through <see cref="RunAs"/>, may read but not write. Root may write any
/// file, so as root the command runs as user nobody (through <c>setpriv</c>) on a file and folder only root may write;
/// as another user, the file and its folder lose their write permission until disposed.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal sealed class ReadOnlyCatalogFile : IDisposable
{
    internal const string SetPriv = "/usr/bin/setpriv";

    private readonly string folder;
    private readonly bool chmodded;

    public ReadOnlyCatalogFile(string path)
    {
        folder = Path.GetDirectoryName(path)!;
        if (Environment.UserName == "root")
        {
            // Others may read the file and enter its folder, but write neither.
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
            File.SetUnixFileMode(path, (UnixFileMode)0b110_100_100);
            RunAs = [SetPriv, "--reuid=65534", "--regid=65534", "--clear-groups"];
        }
        else
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            File.SetUnixFileMode(folder, (UnixFileMode)0b101_101_101);
            chmodded = true;
            RunAs = null;
        }
    }

    /// <summary>The command line that starts the command as a user who may not write the file; <c>null</c> for the current user.</summary>
    public IReadOnlyList<string>? RunAs { get; }

    public void Dispose()
    {
        if (chmodded)
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        }
    }
}

/// <summary>A fact that needs a catalog file the command may read but not write; skipped, with the reason, when none can be made.</summary>
internal sealed class ReadOnlyCatalogFactAttribute : FactAttribute
{
    public ReadOnlyCatalogFactAttribute()
    {
        Skip = OperatingSystem.IsWindows() ? "The test makes a read-only catalog with Unix permissions; this is Windows."
            : Environment.UserName == "root" && !File.Exists(ReadOnlyCatalogFile.SetPriv) ? $"Running as root, who may write any file, the test runs the command as user nobody with {ReadOnlyCatalogFile.SetPriv}, which is missing."
            : null;
    }
}
