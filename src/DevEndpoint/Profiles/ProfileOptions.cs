namespace DevEndpoint.Profiles;

/// <summary>What a profile covers and how finely.</summary>
public sealed record ProfileOptions
{
    /// <summary>Profile only these columns (default: all); duplicate rows and correlations are then of these columns.</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>Profile a random sample of this many rows (reservoir sampling, the same sample each time) instead of every row (default: every row).</summary>
    public long? Sample { get; init; }

    /// <summary>How many of the most frequent values to keep per column (default 10).</summary>
    public int TopValues { get; init; } = 10;

    /// <summary>How many bins a histogram has (default 20).</summary>
    public int Bins { get; init; } = 20;

    /// <summary>Count distinct values exactly up to this many rows, and estimate them (HyperLogLog) above it (default 100,000).</summary>
    public long ExactDistinctRows { get; init; } = 100_000;
}

/// <summary>How far a profile is: <paramref name="Step"/> of <paramref name="Steps"/> done, and what runs now.</summary>
public sealed record ProfileProgress(int Step, int Steps, string Activity);
