using Amazon.S3.Model;

namespace DevEndpoint.ObjectStores;

public sealed partial class ObjectStore
{
    /// <summary>Reads <paramref name="count"/> bytes from <paramref name="offset"/> with one ranged GET (fewer at the object's end).</summary>
    public async Task<byte[]> ReadRangeAsync(S3Path path, long offset, int count, CancellationToken cancellationToken = default)
    {
        if (count == 0)
        {
            return [];
        }

        var request = new GetObjectRequest { BucketName = path.Bucket, Key = path.Key, ByteRange = new ByteRange(offset, offset + count - 1) };
        using var response = await Call(() => client.GetObjectAsync(request, cancellationToken), "read", path);
        var buffer = new byte[Math.Min(count, response.ContentLength)];
        var total = 0;
        try
        {
            int read;
            while (total < buffer.Length && (read = await response.ResponseStream.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
            {
                total += read;
            }
        }
        finally
        {
            Fetched(total);
        }

        return total == buffer.Length ? buffer : buffer[..total];
    }

    /// <summary>Opens an object for reading from start to end, as one streaming GET; the bytes come as they are read.</summary>
    public async Task<Stream> OpenReadAsync(S3Path path, CancellationToken cancellationToken = default)
    {
        var response = await Call(() => client.GetObjectAsync(new GetObjectRequest { BucketName = path.Bucket, Key = path.Key }, cancellationToken), "read", path);
        return new CountingStream(response, this);
    }

    /// <summary>
    /// Opens an object as a seekable stream of <paramref name="length"/> bytes that fetches what is read by ranged GETs,
    /// a window at a time (growing while reads go on in order): for readers that seek, such as footer readers.
    /// </summary>
    public Stream OpenRanges(S3Path path, long length) => new ObjectRangeStream(this, path, length);

    /// <summary>Downloads an object into a local file, streaming it to a temporary file beside it that is renamed into place.</summary>
    public async Task DownloadAsync(S3Path path, string localPath, CancellationToken cancellationToken = default)
    {
        var temporary = $"{localPath}.{Guid.NewGuid():N}.downloading";
        try
        {
            await using (var source = await OpenReadAsync(path, cancellationToken))
            await using (var target = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await Call(() => source.CopyToAsync(target, 1 << 20, cancellationToken), "read", path);
            }

            File.Move(temporary, localPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>A GET's body that counts the bytes read through it and disposes the response with it.</summary>
    private sealed class CountingStream(GetObjectResponse response, ObjectStore store) : Stream
    {
        private readonly Stream body = response.ResponseStream;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => response.ContentLength;

        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = body.Read(buffer);
            Count(read);
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await body.ReadAsync(buffer, cancellationToken);
            Count(read);
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                response.Dispose();
            }

            base.Dispose(disposing);
        }

        private void Count(int read)
        {
            Position += read;
            store.Fetched(read);
        }
    }
}
