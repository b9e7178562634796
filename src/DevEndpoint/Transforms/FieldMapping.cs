namespace DevEndpoint.Transforms;

/// <summary>One line of an ApplyMapping: the source column and its Hive type, and the column it becomes.</summary>
public sealed record FieldMapping(string SourceName, string SourceType, string TargetName, string TargetType)
{
    public static implicit operator FieldMapping((string SourceName, string SourceType, string TargetName, string TargetType) mapping) =>
        new(mapping.SourceName, mapping.SourceType, mapping.TargetName, mapping.TargetType);
}
