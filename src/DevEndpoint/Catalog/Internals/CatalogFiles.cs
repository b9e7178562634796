using System.Runtime.InteropServices;

namespace DevEndpoint.Catalog.Internals;

/// <summary>What the operating system lets the current user do with a catalog file.</summary>
internal static partial class CatalogFiles
{
    private const int WriteOk = 2;

    /// <summary>
    /// Whether the current user may write <paramref name="path"/> and its folder (where SQLite keeps its WAL files), by
    /// the operating system's own check: on Unix <c>access(2)</c>, which never opens the file (closing a descriptor of a
    /// SQLite file would drop the locks SQLite holds on it in this process).
    /// </summary>
    public static bool CanWrite(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return (File.GetAttributes(path) & FileAttributes.ReadOnly) == 0;
        }

        var folder = Path.GetDirectoryName(path);
        return Access(path, WriteOk) == 0 && (string.IsNullOrEmpty(folder) || Access(folder, WriteOk) == 0);
    }

    [LibraryImport("libc", EntryPoint = "access", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Access(string path, int mode);
}
