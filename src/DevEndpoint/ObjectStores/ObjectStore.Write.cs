using Amazon.S3.Model;

namespace DevEndpoint.ObjectStores;

public sealed partial class ObjectStore
{
    /// <summary>
    /// Uploads a local file as one object: with one PUT up to <see cref="ObjectStoreSettings.MultipartThreshold"/>, else
    /// as a multipart upload of <see cref="ObjectStoreSettings.PartSize"/> parts (aborted when a part fails, so no parts
    /// are left behind). The object appears only when the upload completes.
    /// </summary>
    /// <returns>The number of parts uploaded (1 for a single PUT).</returns>
    public async Task<int> UploadAsync(string localPath, S3Path path, CancellationToken cancellationToken = default)
    {
        var size = new FileInfo(localPath).Length;
        if (size <= Settings.MultipartThreshold)
        {
            var put = new PutObjectRequest { BucketName = path.Bucket, Key = path.Key, FilePath = localPath, UseChunkEncoding = false };
            await Call(() => client.PutObjectAsync(put, cancellationToken), "write", path);
            return 1;
        }

        var upload = await Call(
            () => client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = path.Bucket, Key = path.Key }, cancellationToken),
            "write",
            path);
        try
        {
            var parts = new List<PartETag>();
            for (var (number, at) = (1, 0L); at < size; number++, at += Settings.PartSize)
            {
                var part = new UploadPartRequest
                {
                    BucketName = path.Bucket,
                    Key = path.Key,
                    UploadId = upload.UploadId,
                    PartNumber = number,
                    FilePath = localPath,
                    FilePosition = at,
                    PartSize = Math.Min(Settings.PartSize, size - at),
                    IsLastPart = at + Settings.PartSize >= size,
                    UseChunkEncoding = false,
                };
                var uploaded = await Call(() => client.UploadPartAsync(part, cancellationToken), "write", path);
                parts.Add(new PartETag(number, uploaded.ETag));
            }

            await Call(
                () => client.CompleteMultipartUploadAsync(
                    new CompleteMultipartUploadRequest { BucketName = path.Bucket, Key = path.Key, UploadId = upload.UploadId, PartETags = parts },
                    cancellationToken),
                "write",
                path);
            return parts.Count;
        }
        catch
        {
            await client.AbortMultipartUploadAsync(
                new AbortMultipartUploadRequest { BucketName = path.Bucket, Key = path.Key, UploadId = upload.UploadId }, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Uploads every file under a local folder below <paramref name="prefix"/>, keeping their relative paths as keys; returns the objects written.</summary>
    public async Task<IReadOnlyList<S3Path>> UploadFolderAsync(string folder, S3Path prefix, CancellationToken cancellationToken = default)
    {
        var written = new List<S3Path>();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var path = prefix.Combine(Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/'));
            await UploadAsync(file, path, cancellationToken);
            written.Add(path);
        }

        return written;
    }

    /// <summary>Deletes objects, one request each (S3-compatible servers differ in the checksums a batch delete needs).</summary>
    public async Task DeleteAsync(IEnumerable<S3Path> paths, CancellationToken cancellationToken = default)
    {
        foreach (var path in paths)
        {
            await Call(() => client.DeleteObjectAsync(path.Bucket, path.Key, cancellationToken), "delete", path);
        }
    }

    /// <summary>Creates a bucket (for tests, notebooks and samples); a bucket that exists already is left as it is.</summary>
    public async Task CreateBucketAsync(string bucket, CancellationToken cancellationToken = default)
    {
        var path = new S3Path(bucket, string.Empty);
        if (!(await ListBucketsAsync(cancellationToken)).Contains(bucket))
        {
            await Call(() => client.PutBucketAsync(bucket, cancellationToken), "create", path);
        }
    }
}
