using Microsoft.Data.Analysis;

namespace DevEndpoint.Transforms;

/// <summary>Glue's transforms on a <see cref="DataFrame"/>, as extension methods; none changes the frame it is given.</summary>
public static partial class FrameTransforms
{
    /// <summary>A frame of the named columns, in the order named.</summary>
    public static DataFrame SelectFields(this DataFrame frame, params IEnumerable<string> names) =>
        new(FrameColumns.RequireAll(frame, names, nameof(SelectFields)).Select(c => c.Clone()));

    /// <summary>Splits the columns in two frames: the named ones, in the order named (<c>Selected</c>), and the others.</summary>
    public static (DataFrame Selected, DataFrame Others) SplitFields(this DataFrame frame, params IEnumerable<string> names)
    {
        var selected = FrameColumns.RequireAll(frame, names, nameof(SplitFields));
        return (new(selected.Select(c => c.Clone())), new(frame.Columns.Where(c => !selected.Contains(c)).Select(c => c.Clone())));
    }

    /// <summary>The frame without the named columns.</summary>
    public static DataFrame DropFields(this DataFrame frame, params IEnumerable<string> names)
    {
        var dropped = FrameColumns.RequireAll(frame, names, nameof(DropFields)).ToHashSet();
        return new(frame.Columns.Where(c => !dropped.Contains(c)).Select(c => c.Clone()));
    }

    /// <summary>The frame with column <paramref name="oldName"/> called <paramref name="newName"/>.</summary>
    public static DataFrame RenameField(this DataFrame frame, string oldName, string newName)
    {
        var renamed = FrameColumns.Require(frame, oldName, nameof(RenameField));
        if (string.IsNullOrWhiteSpace(newName))
        {
            throw TransformErrors.EmptyName(nameof(RenameField));
        }

        if (newName != oldName && frame.Columns.IndexOf(newName) >= 0)
        {
            throw TransformErrors.RenameExists(newName);
        }

        return new(frame.Columns.Select(c =>
        {
            var copy = c.Clone();
            if (c == renamed)
            {
                copy.SetName(newName);
            }

            return copy;
        }));
    }

    /// <summary>The frame without the columns that hold only nulls (Glue's DropNullFields).</summary>
    public static DataFrame DropNullFields(this DataFrame frame) =>
        new(FrameColumns.RequireFrame(frame, nameof(DropNullFields)).Columns.Where(c => c.NullCount < c.Length || c.Length == 0).Select(c => c.Clone()));
}
