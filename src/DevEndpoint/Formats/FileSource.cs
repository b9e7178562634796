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

    /// <summary>
    /// The first <paramref name="count"/> bytes of a file (fewer when the file is shorter), its size, and all its bytes
    /// when it holds no more than <paramref name="wholeUpTo"/> and the source reads them at no extra cost (else <c>null</c>).
    /// </summary>
    public virtual (byte[] Head, long Length, byte[]? Whole) ReadStart(string path, int count, int wholeUpTo) => (ReadHead(path, count), Length(path), null);

    private sealed class LocalFiles : FileSource
    {
        public override Stream OpenRead(string path, int bufferSize = 4096) =>
            new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize);

        public override byte[] ReadHead(string path, int count) => Compression.ReadHead(path, count);

        public override long Length(string path) => new FileInfo(path).Length;

        /// <summary>All from one opening of the file, read without a stream; a small file is read whole.</summary>
        public override (byte[] Head, long Length, byte[]? Whole) ReadStart(string path, int count, int wholeUpTo)
        {
            using var handle = File.OpenHandle(path);
            var length = RandomAccess.GetLength(handle);
            var whole = length <= wholeUpTo;
            var bytes = new byte[whole ? length : Math.Min(count, length)];
            var total = 0;
            int read;
            while (total < bytes.Length && (read = RandomAccess.Read(handle, bytes.AsSpan(total), total)) > 0)
            {
                total += read;
            }

            // A file that shrank while it was read is not taken whole: a later reading sees what it holds then.
            var head = total <= count && total == bytes.Length ? bytes : bytes[..Math.Min(total, count)];
            return (head, length, whole && total == bytes.Length ? bytes : null);
        }
    }
}
