using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DevEndpoint.Frames;

/// <summary>
/// Bytes outside the managed heap, for the UTF-8 text a string column's builder collects. The builder's text is copied
/// once into the column's array at the end; managed buffers would stay behind as garbage until a full collection (as
/// much again as the column's text, at the load's peak, and more for buffers outgrown on the way), while these are freed
/// the moment they are copied. Only builders use one, and only while they are reachable; a builder dropped part-way (a
/// load that failed) has its buffer freed by the finalizer.
/// </summary>
internal sealed unsafe class NativeBuffer : IDisposable
{
    private byte* pointer;
    private int capacity;

    public NativeBuffer(int capacity)
    {
        pointer = (byte*)NativeMemory.Alloc((nuint)Math.Max(1, capacity));
        this.capacity = capacity;
        GC.AddMemoryPressure(Math.Max(1, capacity));
    }

    ~NativeBuffer()
    {
        Free();
    }

    public int Capacity => capacity;

    public Span<byte> Span
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        get
        {
            ObjectDisposedException.ThrowIf(pointer is null, this);
            return new Span<byte>(pointer, capacity);
        }
    }

    /// <summary>Moves the bytes into a block of <paramref name="newCapacity"/> bytes; spans taken before no longer hold them.</summary>
    public void Resize(int newCapacity)
    {
        ObjectDisposedException.ThrowIf(pointer is null, this);
        pointer = (byte*)NativeMemory.Realloc(pointer, (nuint)Math.Max(1, newCapacity));
        GC.RemoveMemoryPressure(Math.Max(1, capacity));
        GC.AddMemoryPressure(Math.Max(1, newCapacity));
        capacity = newCapacity;
    }

    public void Dispose()
    {
        Free();
        GC.SuppressFinalize(this);
    }

    private void Free()
    {
        if (pointer is not null)
        {
            NativeMemory.Free(pointer);
            pointer = null;
            GC.RemoveMemoryPressure(Math.Max(1, capacity));
            capacity = 0;
        }
    }
}
