using System.Runtime.CompilerServices;

namespace DevEndpoint.Formats;

/// <summary>Rows of a file read into their own column sinks, and the rows left out of them.</summary>
internal sealed class ReadPart(List<ColumnSink> columns)
{
    private long[]? starts;

    public List<ColumnSink> Columns { get; } = columns;

    public long Rows { get; set; }

    /// <summary>The ranges of the file these rows were read from at once (1 when read in order).</summary>
    public int Ranges { get; set; } = 1;

    public BadRecords Bad { get; } = new();

    /// <summary>
    /// Ends a row read field by field into the columns <paramref name="filled"/> lists: a bad row has the cells it added
    /// taken back; a good one gets a null in each of those columns it did not <paramref name="set"/>, and is counted.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void EndRow(int[] filled, bool[] set, bool bad)
    {
        foreach (var i in filled)
        {
            if (bad)
            {
                Columns[i].Truncate(Rows);
            }
            else if (!set[i])
            {
                Columns[i].AddNull();
            }
        }

        Rows += bad ? 0 : 1;
    }

    /// <summary>
    /// Parts that write straight into stretches of this part's columns, one per range of a file read at once, sized
    /// for at most <paramref name="rows"/> rows each (a part keeps its validity bitmap apart, so that parts never share a
    /// byte of one). A column that cannot <see cref="ColumnSink.Slice"/> (UTF-8 text) gets an empty builder
    /// of its own in each part instead. <see cref="Gather"/> joins them.
    /// </summary>
    public ReadPart[] Split(IReadOnlyList<long> rows)
    {
        starts = new long[rows.Count];
        for (var k = 1; k < rows.Count; k++)
        {
            starts[k] = starts[k - 1] + rows[k - 1];
        }

        foreach (var column in Columns.Where(c => c.CanSlice))
        {
            column.Reserve(starts[^1] + rows[^1]);
        }

        return rows.Select((count, k) => new ReadPart(Columns.Select(c => c.CanSlice ? c.Slice(starts[k], count) : Fresh(c, count)).ToList())).ToArray();

        static ColumnSink Fresh(ColumnSink column, long rows)
        {
            var builder = column.NewEmpty();
            builder.Reserve(rows);
            return builder;
        }
    }

    /// <summary>Makes this part hold the rows its <see cref="Split"/> parts read: the stretches closed up in order, their rows and bad rows added up.</summary>
    public void Gather(IReadOnlyList<ReadPart> ranges, ParallelOptions options)
    {
        var at = starts ?? throw new InvalidOperationException("Gather joins the parts of Split; this part was not split.");
        Parallel.For(0, Columns.Count, options, c =>
            Columns[c].Gather(Enumerable.Range(0, ranges.Count).Select(k => (ranges[k].Columns[c], at[k])).ToList()));
        Ranges = ranges.Count;
        foreach (var range in ranges)
        {
            Rows += range.Rows;
            Bad.AddRange(range.Bad);
        }
    }

    /// <summary>Keeps only the rows numbered in <paramref name="rows"/> (ascending), in every column.</summary>
    public void Keep(ReadOnlySpan<int> rows)
    {
        foreach (var column in Columns)
        {
            column.Keep(rows);
        }

        Rows = rows.Length;
    }

    /// <summary>Keeps the first <paramref name="rows"/> rows, in every column.</summary>
    public void Truncate(long rows)
    {
        if (rows >= Rows)
        {
            return;
        }

        foreach (var column in Columns)
        {
            column.Truncate(rows);
        }

        Rows = Math.Min(rows, Rows);
    }

    /// <summary>Keeps a bad row aside by the load's mode (counted, and kept when permissive); <c>false</c> when there are more than the threshold.</summary>
    public bool SetAside(BadRecord record, ReadContext context)
    {
        Bad.Add(record, keep: context.KeepBad);
        return context.ErrorThreshold is not { } threshold || Bad.Count <= threshold;
    }
}
