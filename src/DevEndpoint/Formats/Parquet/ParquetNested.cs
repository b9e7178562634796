using Parquet;
using Parquet.Schema;

namespace DevEndpoint.Formats.Parquet;

/// <summary>
/// Assembles nested Parquet values (structs, lists and maps within one another, to any depth) from the definition and
/// repetition levels of their leaves, one value per row: a struct as its fields by name (nulls kept), a list as its
/// items, a map as its entries by key. Each leaf is read once; a row's value takes from each leaf exactly the levels
/// the row holds, so null structs, null lists, empty lists and null items stay apart as the levels tell them.
/// </summary>
internal sealed class ParquetNested
{
    private readonly Dictionary<DataField, Leaf> leaves;

    private ParquetNested(Dictionary<DataField, Leaf> leaves)
    {
        this.leaves = leaves;
    }

    /// <summary>The values of <paramref name="field"/> in the row group, one a row (<c>null</c> for a null).</summary>
    public static async Task<object?[]> ReadAsync(ParquetRowGroupReader rowGroup, Field field, CancellationToken cancellationToken)
    {
        var leaves = new Dictionary<DataField, Leaf>();
        foreach (var data in DataFields(field))
        {
            var count = (int)rowGroup.GetMetadata(data)!.MetaData!.NumValues;
            var definitions = new int[count];
            var repetitions = new int[count];
            var values = await ParquetLists.ReadLeafAsync(rowGroup, data, definitions, repetitions, cancellationToken);
            leaves[data] = new Leaf(definitions, repetitions, values);
        }

        var assembler = new ParquetNested(leaves);
        var rows = new object?[rowGroup.RowCount];
        for (var row = 0; row < rows.Length; row++)
        {
            rows[row] = assembler.Read(field, repetition: 0);
        }

        return rows;
    }

    /// <summary>The leaves under a field, depth first.</summary>
    private static IEnumerable<DataField> DataFields(Field field) => field switch
    {
        DataField data => [data],
        StructField structure => structure.Fields.SelectMany(DataFields),
        ListField list => DataFields(list.Item),
        MapField map => DataFields(map.Key).Concat(DataFields(map.Value)),
        _ => throw new InvalidDataException($"the field '{field.Name}' is of the Parquet kind {field.SchemaType}, which is not assembled"),
    };

    /// <summary>One value of <paramref name="field"/>, whose repeated ancestors repeat at levels up to <paramref name="repetition"/>.</summary>
    private object? Read(Field field, int repetition)
    {
        var first = leaves[DataFields(field).First()];
        var definition = first.Definition;
        switch (field)
        {
            case DataField { IsArray: false } data:
                return leaves[data].Take(data.MaxDefinitionLevel);
            case DataField data:
                // A repeated value outside a LIST group: a list that is empty or not, never null.
                return definition < data.MaxDefinitionLevel ? Skipped(field, new List<object?>()) : Items(field, () => leaves[data].Take(data.MaxDefinitionLevel), repetition);
            case StructField structure when definition < structure.MaxDefinitionLevel:
                return Skipped(field, null);
            case StructField structure:
                var record = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var member in structure.Fields)
                {
                    record[member.Name] = Read(member, repetition);
                }

                return record;
            case ListField list:
                // Parquet.Net gives a list the definition level of its repeated group: an item is there from that level on.
                return definition < list.MaxDefinitionLevel - 1 ? Skipped(field, null)
                    : definition < list.MaxDefinitionLevel ? Skipped(field, new List<object?>())
                    : Items(field, () => Read(list.Item, repetition + 1), repetition);
            case MapField map:
                // A map's keys are required: they are there exactly from the level of its repeated key_value group on.
                var entries = map.Key.MaxDefinitionLevel;
                return definition < entries - 1 ? Skipped(field, null)
                    : definition < entries ? Skipped(field, new Dictionary<object, object?>())
                    : Entries(map, repetition);
            default:
                throw new InvalidDataException($"the field '{field.Name}' is of the Parquet kind {field.SchemaType}, which is not assembled");
        }
    }

    /// <summary>The items of a list: one, then one more for every level of the first leaf that repeats this list.</summary>
    private List<object?> Items(Field field, Func<object?> item, int repetition)
    {
        var first = leaves[DataFields(field).First()];
        var items = new List<object?>();
        do
        {
            items.Add(item());
        }
        while (first.Repeats(repetition + 1));
        return items;
    }

    private Dictionary<object, object?> Entries(MapField map, int repetition)
    {
        var first = leaves[DataFields(map).First()];
        var entries = new Dictionary<object, object?>();
        do
        {
            var key = Read(map.Key, repetition + 1) ?? throw new InvalidDataException($"the map '{map.Name}' has a null key");
            entries[key] = Read(map.Value, repetition + 1);
        }
        while (first.Repeats(repetition + 1));
        return entries;
    }

    /// <summary>Passes over a field that is null or empty (each of its leaves holds one level for it); returns <paramref name="value"/>.</summary>
    private object? Skipped(Field field, object? value)
    {
        foreach (var data in DataFields(field))
        {
            leaves[data].Take(data.MaxDefinitionLevel);
        }

        return value;
    }

    /// <summary>A leaf's levels and its values (only those defined at its deepest level), with how far a reading has come.</summary>
    private sealed class Leaf(int[] definitions, int[] repetitions, object?[] values)
    {
        private int next;
        private int nextValue;

        public int Definition => next < definitions.Length ? definitions[next] : throw new InvalidDataException("a leaf ends before its rows do");

        /// <summary>Whether the next level continues a list repeated at <paramref name="level"/>.</summary>
        public bool Repeats(int level) => next < definitions.Length && repetitions[next] == level;

        /// <summary>Takes the next level: its value when it is defined at <paramref name="maxDefinition"/>, else <c>null</c>.</summary>
        public object? Take(int maxDefinition)
        {
            var defined = Definition == maxDefinition;
            next++;
            return defined ? values[nextValue++] : null;
        }
    }
}
