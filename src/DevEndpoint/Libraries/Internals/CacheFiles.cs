namespace DevEndpoint.Libraries.Internals;

/// <summary>Writes into the library cache so that a reader never sees half a file, even with two kernels building at once.</summary>
internal static class CacheFiles
{
    public static void WriteAtomically(string path, byte[] content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }
}
