using System.Buffers;
using System.Runtime.CompilerServices;

namespace DevEndpoint.Formats;

/// <summary>
/// Reads a stream in large pooled blocks for a reader that takes it apart in pieces (records, lines): what is left of a
/// block moves to the front before the next is read, and the buffer grows for a piece longer than it. Tracks the stream
/// offset of the next piece.
/// </summary>
internal abstract class StreamBlocks(Stream stream, long startOffset) : IDisposable
{
    private const int BlockSize = 1 << 20;
    private long offset = startOffset;

    /// <summary>The stream offset where the next piece starts.</summary>
    public long NextOffset => offset + Position;

    protected byte[] Buffer { get; private set; } = ArrayPool<byte>.Shared.Rent(BlockSize);

    /// <summary>How many bytes of <see cref="Buffer"/> hold data.</summary>
    protected int Filled { get; private set; }

    /// <summary>Where the next piece starts in <see cref="Buffer"/>.</summary>
    protected int Position { get; set; }

    /// <summary>Whether the stream has no more to read.</summary>
    protected bool Ended { get; private set; }

    /// <summary>The bytes not taken yet.</summary>
    protected ReadOnlySpan<byte> Rest
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        get => Buffer.AsSpan(Position, Filled - Position);
    }

    /// <summary>Skips a UTF-8 byte order mark at the start of the stream.</summary>
    public void SkipByteOrderMark()
    {
        while (Filled - Position < 3 && !Ended)
        {
            Fill();
        }

        if (Rest.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            Position += 3;
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(Buffer);
        Buffer = [];
    }

    /// <summary>Reads more of the stream behind what is left, moving it to the front first; sets <see cref="Ended"/> at its end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected void Fill()
    {
        if (Position > 0)
        {
            Rest.CopyTo(Buffer);
            offset += Position;
            Filled -= Position;
            Position = 0;
        }

        if (Filled == Buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Buffer.Length * 2);
            Buffer.AsSpan(0, Filled).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(Buffer);
            Buffer = larger;
        }

        var read = stream.Read(Buffer, Filled, Buffer.Length - Filled);
        Filled += read;
        Ended = read == 0;
    }
}
