using Microsoft.Data.Analysis;

namespace DevEndpoint.Transforms;

public static partial class FrameTransforms
{
    /// <summary>
    /// Renames, casts and selects at once, as Glue's ApplyMapping: the result holds one column per mapping, in order,
    /// named and typed as the mapping's target. A value that does not convert becomes a null and an error record.
    /// </summary>
    public static TransformResult ApplyMapping(this DataFrame frame, params IEnumerable<FieldMapping> mappings)
    {
        const string transform = nameof(ApplyMapping);
        var errors = new RowErrors(transform);
        var columns = new List<DataFrameColumn>();
        foreach (var mapping in mappings)
        {
            var source = FrameColumns.Require(frame, mapping.SourceName, transform);
            var sourceType = FrameColumns.RequireType(mapping.SourceType, transform);
            var targetType = FrameColumns.RequireType(mapping.TargetType, transform);
            if (!FrameColumns.Holds(source, sourceType))
            {
                throw new DevEndpointException(
                    $"{transform}: column '{source.Name}' holds {source.DataType.Name} values, not {sourceType}; fix the mapping's source type.");
            }

            if (columns.Any(c => c.Name == mapping.TargetName))
            {
                throw new DevEndpointException($"{transform}: two mappings target column '{mapping.TargetName}'.");
            }

            columns.Add(FrameColumns.Cast(source, mapping.TargetName, targetType, errors));
        }

        if (columns.Count == 0)
        {
            throw new DevEndpointException($"{transform}: no mappings given; list at least one (source, source type, target, target type).");
        }

        return errors.Result(new DataFrame(columns));
    }
}
