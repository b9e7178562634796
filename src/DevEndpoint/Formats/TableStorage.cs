namespace DevEndpoint.Formats;

/// <summary>
/// Where the files of a table format's table (<see cref="ITableFormat"/>) are: a local folder (<see cref="Local"/>), or
/// an object store, whose files are <c>s3://bucket/key</c> paths. The formats find and read their logs, metadata and
/// data files only through it: they list a folder, open a file as a seekable stream (an object store then fetches
/// only the ranges read), and ask when a file was written. Paths are joined with <c>/</c>.
/// </summary>
internal abstract class TableStorage
{
    /// <summary>Files on the local file system, by path.</summary>
    public static TableStorage Local { get; } = new LocalTableStorage();

    /// <summary>A table's root as this storage names it: a full local path, or an object path, without a trailing slash.</summary>
    public abstract string Root(string path);

    /// <summary>The files directly in <paramref name="folder"/> (not in its sub-folders), in name order; none when there is no such folder.</summary>
    public abstract IReadOnlyList<StoredFile> ListFiles(string folder);

    /// <summary>Every file below <paramref name="folder"/>, at any depth, in path order.</summary>
    public abstract IReadOnlyList<StoredFile> ListTree(string folder);

    /// <summary>Whether a file exists.</summary>
    public abstract bool Exists(string path);

    /// <summary>Opens a file as a seekable stream.</summary>
    public abstract Stream OpenRead(string path);

    /// <summary>When a file was last written.</summary>
    public abstract DateTimeOffset LastModified(string path);

    /// <summary>A file's size in bytes.</summary>
    public abstract long Length(string path);

    /// <summary>
    /// The file a path written in a table's log names: a path of this storage as it is (its scheme's other spellings,
    /// such as <c>s3a://</c>, made its own), a relative one under <paramref name="folder"/>.
    /// </summary>
    public abstract string Resolve(string folder, string path);

    /// <summary>Whether a path written in a table's metadata is an absolute address in this storage's own scheme (<c>s3://</c>), readable as written.</summary>
    public abstract bool IsOwnAddress(string path);

    /// <summary>The folder holding <paramref name="path"/>; <c>null</c> at the top (the file system's root, a bucket).</summary>
    public abstract string? Parent(string path);

    /// <summary>
    /// A local file with the bytes of <paramref name="path"/>, for readers that need one (Parquet's column reader): the
    /// file itself, or a copy downloaded for the read and deleted when the copy is disposed.
    /// </summary>
    public abstract Task<LocalCopy> CopyAsync(string path, CancellationToken cancellationToken);

    /// <summary>The name of a file: the last part of its path.</summary>
    public static string Name(string path) => path[(path.TrimEnd('/').LastIndexOf('/') + 1)..].TrimEnd('/');

    /// <summary><paramref name="relative"/> (<c>/</c>-separated) below <paramref name="folder"/>.</summary>
    public static string Combine(string folder, string relative) => $"{folder.TrimEnd('/')}/{relative.TrimStart('/')}";

    /// <summary>The path of <paramref name="path"/> below <paramref name="folder"/>, with <c>/</c> separators.</summary>
    public static string Relative(string folder, string path) => path[(folder.TrimEnd('/').Length + 1)..];

    private sealed class LocalTableStorage : TableStorage
    {
        public override string Root(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

        public override IReadOnlyList<StoredFile> ListFiles(string folder) =>
            Directory.Exists(folder) ? Files(new DirectoryInfo(folder).EnumerateFiles()) : [];

        public override IReadOnlyList<StoredFile> ListTree(string folder) =>
            Directory.Exists(folder) ? Files(new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories)) : [];

        public override bool Exists(string path) => File.Exists(path);

        public override Stream OpenRead(string path) => File.OpenRead(path);

        public override DateTimeOffset LastModified(string path) => new(File.GetLastWriteTimeUtc(path));

        public override long Length(string path) => new FileInfo(path).Length;

        public override string Resolve(string folder, string path) =>
            path.StartsWith('/') ? path : Path.GetFullPath(Path.Combine(folder, path));

        public override bool IsOwnAddress(string path) => false;

        public override string? Parent(string path) => Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(path));

        public override Task<LocalCopy> CopyAsync(string path, CancellationToken cancellationToken) => Task.FromResult(new LocalCopy(path, null));

        private static List<StoredFile> Files(IEnumerable<FileInfo> files) =>
            files.Select(f => new StoredFile(f.FullName, f.Length, new DateTimeOffset(f.LastWriteTimeUtc))).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
    }
}

/// <summary>A file found by a listing: its full path, size in bytes and last-modified time.</summary>
internal sealed record StoredFile(string Path, long Size, DateTimeOffset LastModified);

/// <summary>A local file holding the bytes of a table's file: the file itself, or a downloaded copy that disposing deletes.</summary>
internal sealed class LocalCopy(string path, string? temporary) : IDisposable
{
    /// <summary>The local file to read.</summary>
    public string Path { get; } = temporary ?? path;

    /// <summary>The file's name in the table, for messages: <see cref="Path"/> in them is replaced by it.</summary>
    public string Name { get; } = path;

    /// <summary>A message about the local file, naming the table's file instead.</summary>
    public string Rename(string message) => message.Replace(Path, Name, StringComparison.Ordinal);

    public void Dispose()
    {
        if (temporary is not null)
        {
            File.Delete(temporary);
        }
    }
}
