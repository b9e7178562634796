using System.Runtime.CompilerServices;
using System.Text;

namespace DevEndpoint.Frames;

/// <summary>
/// Shares the strings of short repeated UTF-8 values: a value seen before returns the same string object, so a column
/// of categories holds one string per category. A direct-mapped cache: each value has one slot, by its hash, holding
/// the last value that went there. Values longer than <see cref="MaxLength"/> bytes get their own string, and a column
/// whose values rarely repeat (timestamps or ids kept as text) stops looking them up after <see cref="Trial"/> values.
/// Not thread-safe: one pool per column builder.
/// </summary>
internal sealed class Utf8Pool
{
    public const int MaxLength = 32;

    /// <summary>How many values are looked up before the pool decides whether sharing pays (at least half of them found).</summary>
    public const int Trial = 16_384;

    private const int Slots = 4096;
    private readonly byte[]?[] keys = new byte[Slots][];
    private readonly string[] texts = new string[Slots];
    private int lookups;
    private int found;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength || (lookups == Trial && found < Trial / 2))
        {
            return Encoding.UTF8.GetString(utf8);
        }

        if (lookups < Trial)
        {
            lookups++;
        }

        var hash = new HashCode();
        hash.AddBytes(utf8);
        var slot = hash.ToHashCode() & (Slots - 1);
        if (keys[slot] is { } key && utf8.SequenceEqual(key))
        {
            found += lookups < Trial ? 1 : 0;
            return texts[slot];
        }

        var text = Encoding.UTF8.GetString(utf8);
        keys[slot] = utf8.ToArray();
        texts[slot] = text;
        return text;
    }
}
