using System.Reflection;
using Parquet;
using Parquet.Schema;

namespace DevEndpoint.Formats.Parquet;

/// <summary>
/// Assembles a Parquet list column (lists of lists too) from its one leaf's definition and repetition levels, one list
/// per row, keeping null lists, empty lists and null elements apart as the levels tell them.
/// </summary>
internal static class ParquetLists
{
    private static readonly MethodInfo ReadLeafMethod = typeof(ParquetLists).GetMethod(nameof(ReadLeafAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

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
        var read = (Task<object?[]>)ReadLeafMethod.MakeGenericMethod(leaf.ClrType).Invoke(null, [rowGroup, leaf, definitions, repetitions, cancellationToken])!;
        var values = await read;
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
