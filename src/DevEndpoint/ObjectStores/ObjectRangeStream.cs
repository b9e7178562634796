namespace DevEndpoint.ObjectStores;

/// <summary>
/// A seekable, read-only view of one object that fetches bytes by ranged GETs: a read outside the bytes held fetches
/// what it asks for, at least a window (64 KiB, so that small reads after a seek, such as a block header's, cost one
/// GET); the window doubles while reads continue in order (up to 8 MiB) and starts small again after a seek elsewhere.
/// A range never goes past the object's end, so a read of a footer fetches the footer and what follows it, no more.
/// Synchronous reads wait for the GET (classifiers and footer readers read synchronously).
/// </summary>
internal sealed class ObjectRangeStream(ObjectStore store, S3Path path, long length) : Stream
{
    private const int MinWindow = 64 << 10;
    private const int MaxWindow = 8 << 20;

    private byte[] held = [];
    private long heldAt;
    private long position;
    private int window = MinWindow;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (!Holds(position) && position < length)
        {
            Fill(buffer.Length, CancellationToken.None).GetAwaiter().GetResult();
        }

        return CopyHeld(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!Holds(position) && position < length)
        {
            await Fill(buffer.Length, cancellationToken);
        }

        return CopyHeld(buffer.Span);
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => position + offset,
            _ => length + offset,
        };
        if (target < 0)
        {
            throw new IOException($"Cannot seek before the start of {path}.");
        }

        if (!Holds(target) && target != heldAt + held.Length)
        {
            window = MinWindow;
        }

        position = target;
        return position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private bool Holds(long at) => at >= heldAt && at < heldAt + held.Length;

    private async Task Fill(int wanted, CancellationToken cancellationToken)
    {
        var inOrder = position == heldAt + held.Length && held.Length > 0;
        if (inOrder)
        {
            window = Math.Min(MaxWindow, window * 2);
        }

        var count = (int)Math.Min(length - position, Math.Max(wanted, window));
        held = await store.ReadRangeAsync(path, position, count, cancellationToken);
        heldAt = position;
        if (held.Length == 0)
        {
            throw new IOException($"{path} ended at byte {position}, before its listed length of {length} bytes: it changed while it was read. Crawl or load again.");
        }
    }

    private int CopyHeld(Span<byte> buffer)
    {
        if (!Holds(position))
        {
            return 0;
        }

        var available = (int)(heldAt + held.Length - position);
        var count = Math.Min(available, buffer.Length);
        held.AsSpan((int)(position - heldAt), count).CopyTo(buffer);
        position += count;
        return count;
    }
}
