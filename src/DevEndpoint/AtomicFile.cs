namespace DevEndpoint;

/// <summary>Writes files that other kernels or processes may read at any moment: a reader never sees half a file.</summary>
internal static class AtomicFile
{
    public static void Write(string path, byte[] content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }
}
