using Parquet;
using Parquet.Schema;

namespace DevEndpoint.Formats.Parquet;

/// <summary>
/// Assembles a Parquet list column (lists of lists too) from its one leaf's definition and repetition levels, one list
/// per row, keeping null lists, empty lists and null elements apart as the levels tell them.
/// </summary>
internal static class ParquetLists
{
    /// <summary>
    /// The levels of a list field whose items are lists or values, outermost first, and its leaf; <c>null</c> when an
    /// item is a struct or a map (more than one leaf).
    /// </summary>
    public static (IReadOnlyList<int> ElementLevels, DataField Leaf)? Shape(Field field)
    {
        var levels = new List<int>();
        while (field is ListField list)
        {
            // Parquet.Net gives a list the definition level of its repeated group: an element is there from that level on.
            levels.Add(list.MaxDefinitionLevel);
            field = list.Item;
        }

        if (field is not DataField leaf)
        {
            return null;
        }

        if (leaf.IsArray)
        {
            levels.Add(leaf.MaxDefinitionLevel);
        }

        return levels.Count == leaf.MaxRepetitionLevel ? (levels, leaf) : null;
    }

    /// <summary>One value per row of the row group: a (nested) list of the leaf's values, or <c>null</c> for a null list.</summary>
    public static async Task<object?[]> ReadAsync(ParquetRowGroupReader rowGroup, IReadOnlyList<int> elementLevels, DataField leaf, CancellationToken cancellationToken)
    {
        var count = (int)rowGroup.GetMetadata(leaf)!.MetaData!.NumValues;
        var definitions = new int[count];
        var repetitions = new int[count];
        var values = await ReadLeafAsync(rowGroup, leaf, definitions, repetitions, cancellationToken);
        var rows = new List<object?>((int)rowGroup.RowCount);
        var lists = new List<object?>[elementLevels.Count];
        var next = 0;
        for (var i = 0; i < count; i++)
        {
            var (repetition, definition) = (repetitions[i], definitions[i]);
            var complete = true;
            for (var level = repetition; level < elementLevels.Count; level++)
            {
                // A list starts at this level: null below its own level, empty below its element's.
                object? list = definition < elementLevels[level] - 1 ? null : lists[level] = [];
                if (level == 0)
                {
                    rows.Add(list);
                }
                else
                {
                    lists[level - 1].Add(list);
                }

                if (definition < elementLevels[level])
                {
                    complete = false;
                    break;
                }
            }

            if (complete)
            {
                lists[^1].Add(definition == leaf.MaxDefinitionLevel ? values[next++] : null);
            }
        }

        return [.. rows];
    }

    /// <summary>
    /// The leaf's levels (into <paramref name="definitions"/> and <paramref name="repetitions"/>) and its defined values, in order,
    /// read as its own type (a switch, not a generic method made at run time: no code to generate ahead of time).
    /// </summary>
    internal static Task<object?[]> ReadLeafAsync(ParquetRowGroupReader rowGroup, DataField leaf, int[] definitions, int[] repetitions, CancellationToken cancellationToken)
    {
        var type = leaf.ClrType;
        return type switch
        {
            _ when type == typeof(ReadOnlyMemory<char>) || type == typeof(string) => ReadLeafAsync<ReadOnlyMemory<char>>(rowGroup, leaf, definitions, repetitions, cancellationToken),
            _ when type == typeof(ReadOnlyMemory<byte>) || type == typeof(byte[]) => ReadLeafAsync<ReadOnlyMemory<byte>>(rowGroup, leaf, definitions, repetitions, cancellationToken),
            _ when type == typeof(bool) => ReadLeafAsync<bool>(rowGroup, leaf, definitions, repetitions, cancellationToken),
            _ when type == typeof(sbyte) => ReadLeafAsync<sbyte>(rowGroup, leaf, definitions, repetitions, cancellationToken),
            _ when type == typeof(byte) => ReadLeafAsync<byte>(rowGroup, leaf, definitions, repetitions, cancellationToken),
            _ when type == typeof(short) => ReadLeafAsync<short>(rowGroup, leaf, definitions, repetitions, cancellationToken),
            _ when type == typeof(ushort) => ReadLeafAsync<ushort>(rowGroup, leaf, definitions, repetitions, cancellationToken),
            _ when type == typeof(int) => ReadLeafAsync<int>(rowGroup, leaf, definitions, repetitions, cancellationToken),
            _ when type == typeof(uint) => ReadLeafAsync<uint>(rowGroup, leaf, definitions, repetitions, cancellationToken),
            _ when type == typeof(long) => ReadLeafAsync<long>(rowGroup, leaf, definitions, repetitions, cancellationToken),
            _ when type == typeof(ulong) => ReadLeafAsync<ulong>(rowGroup, leaf, definitions, repetitions, cancellationToken),
            _ when type == typeof(float) => ReadLeafAsync<float>(rowGroup, leaf, definitions, repetitions, cancellationToken),
            _ when type == typeof(double) => ReadLeafAsync<double>(rowGroup, leaf, definitions, repetitions, cancellationToken),
            _ when type == typeof(decimal) => ReadLeafAsync<decimal>(rowGroup, leaf, definitions, repetitions, cancellationToken),
            _ when type == typeof(DateTime) => ReadLeafAsync<DateTime>(rowGroup, leaf, definitions, repetitions, cancellationToken),
            _ when type == typeof(DateTimeOffset) => ReadLeafAsync<DateTimeOffset>(rowGroup, leaf, definitions, repetitions, cancellationToken),
            _ when type == typeof(DateOnly) => ReadLeafAsync<DateOnly>(rowGroup, leaf, definitions, repetitions, cancellationToken),
            _ when type == typeof(TimeSpan) => ReadLeafAsync<TimeSpan>(rowGroup, leaf, definitions, repetitions, cancellationToken),
            _ when type == typeof(TimeOnly) => ReadLeafAsync<TimeOnly>(rowGroup, leaf, definitions, repetitions, cancellationToken),
            _ when type == typeof(Guid) => ReadLeafAsync<Guid>(rowGroup, leaf, definitions, repetitions, cancellationToken),
            _ => throw new DevEndpointException($"Column '{leaf.Name}' is a list of the Parquet type {type.Name}, which cannot be loaded yet. Leave it out with --columns."),
        };
    }

    private static async Task<object?[]> ReadLeafAsync<T>(ParquetRowGroupReader rowGroup, DataField leaf, int[] definitions, int[] repetitions, CancellationToken cancellationToken)
        where T : struct
    {
        var values = new T[definitions.Length];
        await rowGroup.ReadRawAsync(leaf, values.AsMemory(), definitions.AsMemory(), repetitions.AsMemory(), cancellationToken);
        return values.Select(v => v switch
        {
            ReadOnlyMemory<char> text => text.ToString(),
            ReadOnlyMemory<byte> bytes => bytes.ToArray(),
            _ => (object?)v,
        }).ToArray();
    }
}
