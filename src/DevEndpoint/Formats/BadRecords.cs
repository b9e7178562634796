namespace DevEndpoint.Formats;

/// <summary>The rows a load left out, collected per file and safe to fill from one thread at a time.</summary>
internal sealed class BadRecords
{
    /// <summary>The most bad rows kept for the error frame; more are only counted.</summary>
    public const int MaxKept = 10_000;

    private readonly List<BadRecord> kept = [];

    public long Count { get; private set; }

    /// <summary>The first bad row, kept or not.</summary>
    public BadRecord? First { get; private set; }

    public void Add(BadRecord record, bool keep)
    {
        Count++;
        First ??= record;
        if (keep && kept.Count < MaxKept)
        {
            kept.Add(record);
        }
    }

    /// <summary>Moves every kept row's line by <paramref name="lines"/>: a range of a file read before the lines ahead of it were counted.</summary>
    public void ShiftLines(long lines)
    {
        for (var i = 0; i < kept.Count; i++)
        {
            kept[i] = kept[i] with { Line = kept[i].Line + lines };
        }

        First = First is null ? null : First with { Line = First.Line + lines };
    }

    /// <summary>Names another file in every row read from <paramref name="from"/>: the object a downloaded copy was read for.</summary>
    public void RenameFile(string from, string to)
    {
        for (var i = 0; i < kept.Count; i++)
        {
            kept[i] = kept[i].File == from ? kept[i] with { File = to } : kept[i];
        }

        First = First is not null && First.File == from ? First with { File = to } : First;
    }

    public void AddRange(BadRecords other)
    {
        Count += other.Count;
        First ??= other.First;
        kept.AddRange(other.kept.Take(MaxKept - kept.Count));
    }

    /// <summary>The bad rows kept, in the order they were found (at most <see cref="MaxKept"/>).</summary>
    public IReadOnlyList<BadRecord> Kept => kept;
}

/// <summary>One row a load left out: where it is and why.</summary>
internal sealed record BadRecord(string File, long Line, string? Column, string? Value, string Reason);
