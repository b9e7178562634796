using Microsoft.Data.Analysis;

namespace DevEndpoint.Transforms;

public static partial class FrameTransforms
{
    /// <summary>
    /// Renames, casts and selects at once, as Glue's ApplyMapping: the result holds one column per mapping, in order,
    /// named and typed as the mapping's target. Each mapping is Glue's tuple <c>("source", "source type", "target",
    /// "target type")</c> with Hive type names; the source type is the column's type or one it widens to (a
    /// <c>bigint</c> column maps as <c>double</c>). Casts follow Spark (see docs/transforms-and-writing.md): a value that does not cast
    /// becomes a null and an error record.
    /// </summary>
    public static TransformResult ApplyMapping(this DataFrame frame, params IEnumerable<FieldMapping> mappings)
    {
        const string transform = nameof(ApplyMapping);
        FrameColumns.RequireFrame(frame, transform);
        FrameColumns.RequireArgument(mappings, transform, "the list of mappings", "(source, source type, target, target type) tuples");
        var errors = new RowErrors(transform);
        var columns = new List<DataFrameColumn>();
        foreach (var mapping in mappings)
        {
            FrameColumns.RequireArgument(mapping, transform, "a mapping", "a (source, source type, target, target type) tuple");
            var source = FrameColumns.Require(frame, mapping.SourceName, transform);
            var sourceType = FrameColumns.RequireType(mapping.SourceType, transform);
            var targetType = FrameColumns.RequireType(mapping.TargetType, transform);
            var targetName = FrameColumns.RequireArgument(mapping.TargetName, transform, "a mapping's target name", "the name of the column it makes");
            if (!FrameColumns.Holds(source, sourceType) && FrameColumns.HiveType(source) is var holds && !HiveCasts.Widens(holds, sourceType))
            {
                throw TransformErrors.WrongSourceType(source.Name, holds, sourceType);
            }

            if (!HiveCasts.CanCast(HiveCasts.Family(sourceType), HiveCasts.Family(targetType)))
            {
                throw TransformErrors.NoCast(transform, source.Name, sourceType, targetType);
            }

            if (columns.Any(c => c.Name == targetName))
            {
                throw TransformErrors.TargetTwice(targetName);
            }

            columns.Add(FrameColumns.Cast(source, sourceType, targetName, targetType, errors));
        }

        if (columns.Count == 0)
        {
            throw TransformErrors.NoMappings();
        }

        return errors.Result(new DataFrame(columns));
    }
}
