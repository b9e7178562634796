using System.Runtime.CompilerServices;
using Amazon.S3.Model;

namespace DevEndpoint.ObjectStores;

public sealed partial class ObjectStore
{
    /// <summary>
    /// The objects whose keys start with <paramref name="prefix"/>'s key, in key order, a page of
    /// <see cref="ObjectStoreSettings.PageSize"/> keys per request. With <paramref name="folder"/>, only the objects directly in the
    /// "folder" the prefix names (the key taken as a folder, keys holding no further slash). Keys ending with a slash
    /// (folder markers) are left out.
    /// </summary>
    public async IAsyncEnumerable<StoredObject> ListAsync(S3Path prefix, bool folder = false, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = new ListObjectsV2Request
        {
            BucketName = prefix.Bucket,
            Prefix = folder ? prefix.FolderPrefix : prefix.Key,
            Delimiter = folder ? "/" : null,
            MaxKeys = Settings.PageSize,
        };
        do
        {
            var page = await Call(() => client.ListObjectsV2Async(request, cancellationToken), "list", prefix);
            Interlocked.Increment(ref listPages);
            foreach (var item in page.S3Objects ?? [])
            {
                if (!item.Key.EndsWith('/'))
                {
                    yield return new StoredObject(new S3Path(prefix.Bucket, item.Key), item.Size ?? 0, item.LastModified is { } modified ? new DateTimeOffset(modified.ToUniversalTime()) : default);
                }
            }

            request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);
    }

    /// <summary>
    /// One level below <paramref name="prefix"/> (its key taken as is, usually ending with a slash): the objects directly
    /// under it and the prefixes of its "subfolders" (keys up to their next slash, ending with it), each in key order.
    /// Folder markers are left out of the objects. Listed without a delimiter (some S3-compatible servers leave out the
    /// common prefixes of keys more than one level down): a page's last subfolder is skipped with <c>StartAfter</c>, so a
    /// page of small folders names up to a page of them and a big folder costs about one request.
    /// </summary>
    internal async Task<(List<StoredObject> Objects, List<string> Folders)> ListLevelAsync(S3Path prefix, CancellationToken cancellationToken = default)
    {
        var request = new ListObjectsV2Request { BucketName = prefix.Bucket, Prefix = prefix.Key, MaxKeys = Settings.PageSize };
        var objects = new List<StoredObject>();
        var folders = new List<string>();
        while (true)
        {
            var page = await Call(() => client.ListObjectsV2Async(request, cancellationToken), "list", prefix);
            Interlocked.Increment(ref listPages);
            string? last = null;
            foreach (var item in page.S3Objects ?? [])
            {
                last = item.Key;
                var slash = item.Key.IndexOf('/', prefix.Key.Length);
                if (slash >= 0)
                {
                    var folder = item.Key[..(slash + 1)];
                    if (folders.Count == 0 || folders[^1] != folder)
                    {
                        folders.Add(folder);
                    }
                }
                else if (!item.Key.EndsWith('/'))
                {
                    objects.Add(new StoredObject(new S3Path(prefix.Bucket, item.Key), item.Size ?? 0, item.LastModified is { } modified ? new DateTimeOffset(modified.ToUniversalTime()) : default));
                }
            }

            if (page.IsTruncated != true || last is null)
            {
                break;
            }

            var lastSlash = last.IndexOf('/', prefix.Key.Length);
            var past = lastSlash < 0 ? last : last[..(lastSlash + 1)] + "\U0010FFFF";
            request.StartAfter = string.CompareOrdinal(past, last) > 0 ? past : last;
        }

        return (objects, folders.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>The names of the buckets the credentials own, in name order.</summary>
    public async Task<IReadOnlyList<string>> ListBucketsAsync(CancellationToken cancellationToken = default)
    {
        var answer = await Call(() => client.ListBucketsAsync(cancellationToken), "list", default, "the buckets");
        return (answer.Buckets ?? []).Select(b => b.BucketName).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether any object's key starts with the folder prefix of <paramref name="prefix"/>.</summary>
    public async Task<bool> HoldsObjectsAsync(S3Path prefix, CancellationToken cancellationToken = default)
    {
        var page = await Call(
            () => client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = prefix.Bucket, Prefix = prefix.FolderPrefix, MaxKeys = 1 }, cancellationToken),
            "list",
            prefix);
        Interlocked.Increment(ref listPages);
        return page.S3Objects is { Count: > 0 };
    }

    /// <summary>The size and last-modified time of one object.</summary>
    public async Task<StoredObject> GetInfoAsync(S3Path path, CancellationToken cancellationToken = default)
    {
        var head = await Call(() => client.GetObjectMetadataAsync(path.Bucket, path.Key, cancellationToken), "read", path);
        return new StoredObject(path, head.ContentLength, head.LastModified is { } modified ? new DateTimeOffset(modified.ToUniversalTime()) : default);
    }
}
