namespace DevEndpoint.Transforms;

/// <summary>What <see cref="FrameTransforms.FillMissingValues"/> puts in a column's nulls.</summary>
public enum FillMethod
{
    /// <summary>The mean of the column's values (numeric columns; integers rounded half away from zero).</summary>
    Mean,

    /// <summary>The median of the column's values (numeric columns; the mean of the middle two for an even count, rounded as for the mean).</summary>
    Median,

    /// <summary>The most frequent value (ties go to the value seen first).</summary>
    Mode,

    /// <summary>A value given.</summary>
    Constant,
}
