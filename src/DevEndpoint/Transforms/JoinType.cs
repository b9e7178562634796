namespace DevEndpoint.Transforms;

/// <summary>Which rows a <see cref="FrameTransforms.Join(Microsoft.Data.Analysis.DataFrame, Microsoft.Data.Analysis.DataFrame, string, JoinType)"/> keeps.</summary>
public enum JoinType
{
    /// <summary>Rows whose keys match on both sides.</summary>
    Inner,

    /// <summary>Every left row, with the matching right rows or nulls.</summary>
    Left,

    /// <summary>Every right row, with the matching left rows or nulls.</summary>
    Right,

    /// <summary>Every row of both sides, matched where the keys match.</summary>
    Outer,
}
