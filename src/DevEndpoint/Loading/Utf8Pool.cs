using System.Text;

namespace DevEndpoint.Loading;

/// <summary>
/// Shares the strings of short repeated UTF-8 values: a value seen before returns the same string object, so a column
/// of categories holds one string per category. Values longer than <see cref="MaxLength"/> bytes, and new values once
/// <see cref="MaxEntries"/> are held, get their own string. Not thread-safe: one pool per column builder.
/// </summary>
internal sealed class Utf8Pool
{
    public const int MaxLength = 32;
    public const int MaxEntries = 4096;
    private const int Slots = MaxEntries * 2;
    private readonly int[] slots = new int[Slots];
    private readonly List<(byte[] Utf8, string Text)> entries = [];

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        var hash = new HashCode();
        hash.AddBytes(utf8);
        var slot = (int)((uint)hash.ToHashCode() % Slots);
        while (slots[slot] != 0)
        {
            var entry = entries[slots[slot] - 1];
            if (utf8.SequenceEqual(entry.Utf8))
            {
                return entry.Text;
            }

            slot = (slot + 1) % Slots;
        }

        var text = Encoding.UTF8.GetString(utf8);
        if (entries.Count < MaxEntries)
        {
            entries.Add((utf8.ToArray(), text));
            slots[slot] = entries.Count;
        }

        return text;
    }
}
