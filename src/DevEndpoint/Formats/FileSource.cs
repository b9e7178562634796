namespace DevEndpoint.Formats;

/// <summary>
/// Where a crawled file's bytes come from: the local file system (<see cref="Local"/>), or an object store, whose
/// files are <c>s3://bucket/key</c> paths. Classifiers read through it: the first bytes, or the whole file as a
/// seekable stream that a footer reader seeks in (an object store then fetches only the ranges read).
/// </summary>
internal abstract class FileSource
{
    /// <summary>Files on the local file system, by path.</summary>
    public static FileSource Local { get; } = new LocalFiles();

    /// <summary>Opens a file as a seekable stream; <paramref name="bufferSize"/> is a hint for how much a read fetches at once.</summary>
    public abstract Stream OpenRead(string path, int bufferSize = 4096);

    /// <summary>Reads the first <paramref name="count"/> bytes of a file (fewer when the file is shorter).</summary>
    public abstract byte[] ReadHead(string path, int count);

    /// <summary>A file's size in bytes.</summary>
    public abstract long Length(string path);

    /// <summary>The first <paramref name="count"/> bytes of a file (fewer when the file is shorter), and its size.</summary>
    public virtual (byte[] Head, long Length) ReadHeadAndLength(string path, int count) => (ReadHead(path, count), Length(path));

    private sealed class LocalFiles : FileSource
    {
        public override Stream OpenRead(string path, int bufferSize = 4096) =>
            new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize);

        public override byte[] ReadHead(string path, int count) => Compression.ReadHead(path, count);

        public override long Length(string path) => new FileInfo(path).Length;

        /// <summary>Both from one opening of the file, read without a stream.</summary>
        public override (byte[] Head, long Length) ReadHeadAndLength(string path, int count)
        {
            using var handle = File.OpenHandle(path);
            var length = RandomAccess.GetLength(handle);
            var head = new byte[Math.Min(count, length)];
            var total = 0;
            int read;
            while (total < head.Length && (read = RandomAccess.Read(handle, head.AsSpan(total), total)) > 0)
            {
                total += read;
            }

            return (total == head.Length ? head : head[..total], length);
        }
    }
}
