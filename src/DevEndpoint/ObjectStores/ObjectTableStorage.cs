using System.Collections.Concurrent;
using DevEndpoint.Formats;

namespace DevEndpoint.ObjectStores;

/// <summary>
/// The files of table-format tables in an object store, by <c>s3://bucket/key</c> path: folders are key prefixes listed
/// with a delimiter (each folder once; whether a file exists is answered from its folder's listing), files are read by
/// ranged GETs (<see cref="ObjectRangeStream"/>), and sizes and times come from the listings (one HEAD request for an
/// object not listed). A reader that needs a local file gets a downloaded copy.
/// </summary>
internal sealed class ObjectTableStorage(ObjectStore store) : TableStorage
{
    private static readonly string[] OtherSchemes = ["s3a://", "s3n://"];

    private readonly ConcurrentDictionary<string, StoredFile> known = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<StoredFile>> folders = new(StringComparer.Ordinal);

    public ObjectStore Store { get; } = store;

    public override string Root(string path)
    {
        var parsed = S3Path.Parse(path);
        return new S3Path(parsed.Bucket, parsed.Key.TrimEnd('/')).ToString().TrimEnd('/');
    }

    public override IReadOnlyList<StoredFile> ListFiles(string folder) =>
        folders.GetOrAdd(Root(folder), f => List(S3Path.Parse(f), inFolder: true));

    public override IReadOnlyList<StoredFile> ListTree(string folder) => List(S3Path.Parse(Root(folder) + "/"), inFolder: false);

    public override bool Exists(string path) =>
        known.ContainsKey(path) || (Parent(path) is { } folder && ListFiles(folder).Any(f => f.Path == path));

    public override Stream OpenRead(string path) => Store.OpenRanges(S3Path.Parse(path), Length(path));

    public override DateTimeOffset LastModified(string path) => Info(path).LastModified;

    public override long Length(string path) => Info(path).Size;

    public override string Resolve(string folder, string path)
    {
        if (S3Path.IsS3(path))
        {
            return path;
        }

        if (OtherSchemes.FirstOrDefault(s => path.StartsWith(s, StringComparison.OrdinalIgnoreCase)) is { } scheme)
        {
            return S3Path.Scheme + path[scheme.Length..];
        }

        while (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path[2..];
        }

        return Combine(folder, path);
    }

    public override bool IsOwnAddress(string path) =>
        S3Path.IsS3(path) || OtherSchemes.Any(s => path.StartsWith(s, StringComparison.OrdinalIgnoreCase));

    public override string? Parent(string path)
    {
        var parsed = S3Path.Parse(path);
        var key = parsed.Key.TrimEnd('/');
        return key.Length == 0 ? null : Root(new S3Path(parsed.Bucket, key.LastIndexOf('/') is var slash and >= 0 ? key[..slash] : string.Empty).ToString());
    }

    public override async Task<LocalCopy> CopyAsync(string path, CancellationToken cancellationToken)
    {
        var local = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"devendpoint-{Guid.NewGuid():N}-{Name(path)}");
        await Store.DownloadAsync(S3Path.Parse(path), local, cancellationToken);
        return new LocalCopy(path, local);
    }

    private List<StoredFile> List(S3Path prefix, bool inFolder) =>
        Task.Run(async () =>
        {
            var files = new List<StoredFile>();
            await foreach (var stored in Store.ListAsync(prefix, inFolder))
            {
                var file = new StoredFile(stored.Path.ToString(), stored.Size, stored.LastModified);
                known[file.Path] = file;
                files.Add(file);
            }

            return files;
        }).GetAwaiter().GetResult();

    private StoredFile Info(string path) =>
        known.GetOrAdd(path, p =>
        {
            var stored = Task.Run(() => Store.GetInfoAsync(S3Path.Parse(p))).GetAwaiter().GetResult();
            return new StoredFile(p, stored.Size, stored.LastModified);
        });
}
