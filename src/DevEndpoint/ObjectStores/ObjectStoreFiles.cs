using System.Collections.Concurrent;
using DevEndpoint.Formats;

namespace DevEndpoint.ObjectStores;

/// <summary>
/// The objects of a store as files for classifiers and readers, by <c>s3://bucket/key</c> path: the first bytes by
/// one ranged GET, the whole object as a seekable stream that fetches only the ranges read. Sizes come from the
/// listing that found the objects (one HEAD request for an object not listed).
/// </summary>
internal sealed class ObjectStoreFiles(ObjectStore store) : FileSource
{
    private readonly ConcurrentDictionary<string, long> sizes = new(StringComparer.Ordinal);

    public ObjectStore Store { get; } = store;

    /// <summary>Remembers the size of a listed object, so that reading it needs no HEAD request.</summary>
    public void Listed(StoredObject stored) => sizes[stored.Path.ToString()] = stored.Size;

    public override Stream OpenRead(string path, int bufferSize = 4096) => Store.OpenRanges(S3Path.Parse(path), Length(path));

    public override byte[] ReadHead(string path, int count) =>
        Store.ReadRangeAsync(S3Path.Parse(path), 0, (int)Math.Min(count, Length(path))).GetAwaiter().GetResult();

    public override long Length(string path) =>
        sizes.GetOrAdd(path, p => Store.GetInfoAsync(S3Path.Parse(p)).GetAwaiter().GetResult().Size);
}
