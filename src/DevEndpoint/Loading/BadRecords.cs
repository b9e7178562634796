using Microsoft.Data.Analysis;

namespace DevEndpoint.Loading;

/// <summary>The rows a load left out, collected per file and safe to fill from one thread at a time.</summary>
internal sealed class BadRecords
{
    private readonly List<BadRecord> kept = [];

    public long Count { get; private set; }

    public void Add(BadRecord record, bool keep)
    {
        Count++;
        if (keep)
        {
            kept.Add(record);
        }
    }

    public void AddRange(BadRecords other)
    {
        Count += other.Count;
        kept.AddRange(other.kept);
    }

    /// <summary>The kept rows as a frame with the columns <c>file</c>, <c>line</c>, <c>column</c>, <c>value</c> and <c>reason</c>.</summary>
    public DataFrame ToFrame() => new(
        new StringDataFrameColumn("file", kept.Select(r => r.File)),
        new Int64DataFrameColumn("line", kept.Select(r => r.Line)),
        new StringDataFrameColumn("column", kept.Select(r => r.Column)),
        new StringDataFrameColumn("value", kept.Select(r => r.Value)),
        new StringDataFrameColumn("reason", kept.Select(r => r.Reason)));
}

/// <summary>One row a load left out: where it is and why.</summary>
internal sealed record BadRecord(string File, long Line, string? Column, string? Value, string Reason);
