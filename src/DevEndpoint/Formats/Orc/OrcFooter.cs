using System.Globalization;
using System.Text;
using DevEndpoint.Catalog;

namespace DevEndpoint.Formats.Orc;

/// <summary>An ORC footer's type tree (type 0 is the row struct; each type lists its children by index) and row count.</summary>
internal sealed record OrcFooter(IReadOnlyList<OrcFooter.OrcType> Types, long Rows)
{
    public static OrcFooter Parse(ReadOnlySpan<byte> bytes)
    {
        var reader = new ProtobufReader(bytes);
        var types = new List<OrcType>();
        var rows = 0L;
        while (reader.Next(out var field, out var wireType))
        {
            switch (field)
            {
                case 4 when wireType == 2: types.Add(OrcType.Parse(reader.ReadBytes())); break;
                case 6 when wireType == 0: rows = (long)reader.ReadVarint(); break;
                default: reader.Skip(wireType); break;
            }
        }

        return new OrcFooter(types, rows);
    }

    /// <summary>The table columns: the fields of the row struct.</summary>
    public IReadOnlyList<Column> Columns()
    {
        if (Types.Count == 0 || Types[0].Kind != 12)
        {
            throw new InvalidDataException("its footer's first type is not the row struct");
        }

        return Fields(Types[0]).Select(f => new Column(ColumnNames.Clean(f.Name), HiveType(f.Type, 0))).ToList();
    }

    private IEnumerable<(string Name, int Type)> Fields(OrcType type) =>
        type.Subtypes.Select((t, i) => (i < type.FieldNames.Count ? type.FieldNames[i] : $"_col{i}", t));

    private string HiveType(int index, int depth)
    {
        if (index < 0 || index >= Types.Count || depth > 100)
        {
            throw new InvalidDataException($"its footer refers to type {index}, which it does not define");
        }

        var type = Types[index];
        string Child(int i) => i < type.Subtypes.Count ? HiveType(type.Subtypes[i], depth + 1) : throw new InvalidDataException($"type {index} lacks its element types");
        return type.Kind switch
        {
            0 => "boolean",
            1 => "tinyint",
            2 => "smallint",
            3 => "int",
            4 => "bigint",
            5 => "float",
            6 => "double",
            7 => "string",
            8 => "binary",
            9 or 18 => "timestamp",
            10 => $"array<{Child(0)}>",
            11 => $"map<{Child(0)},{Child(1)}>",
            12 => $"struct<{string.Join(",", Fields(type).Select(f => $"{ColumnNames.Clean(f.Name)}:{HiveType(f.Type, depth + 1)}"))}>",
            13 => "string",
            14 when type.Precision == 0 => "decimal(38,18)",
            14 => string.Create(CultureInfo.InvariantCulture, $"decimal({type.Precision},{type.Scale})"),
            15 => "date",
            16 => string.Create(CultureInfo.InvariantCulture, $"varchar({type.MaximumLength})"),
            17 => string.Create(CultureInfo.InvariantCulture, $"char({type.MaximumLength})"),
            _ => throw new InvalidDataException($"its footer has the unknown type kind {type.Kind}"),
        };
    }

    /// <summary>One node of the type tree: its kind (ORC's enum), children, field names, and length, precision and scale.</summary>
    internal sealed record OrcType(int Kind, IReadOnlyList<int> Subtypes, IReadOnlyList<string> FieldNames, int MaximumLength, int Precision, int Scale)
    {
        public static OrcType Parse(ReadOnlySpan<byte> bytes)
        {
            var reader = new ProtobufReader(bytes);
            var (kind, length, precision, scale) = (0, 0, 0, 0);
            var subtypes = new List<int>();
            var names = new List<string>();
            while (reader.Next(out var field, out var wireType))
            {
                switch (field, wireType)
                {
                    case (1, 0): kind = (int)reader.ReadVarint(); break;
                    case (2, 0): subtypes.Add((int)reader.ReadVarint()); break;
                    case (2, 2):
                        var packed = new ProtobufReader(reader.ReadBytes());
                        while (!packed.AtEnd)
                        {
                            subtypes.Add((int)packed.ReadVarint());
                        }

                        break;
                    case (3, 2): names.Add(Encoding.UTF8.GetString(reader.ReadBytes())); break;
                    case (4, 0): length = (int)reader.ReadVarint(); break;
                    case (5, 0): precision = (int)reader.ReadVarint(); break;
                    case (6, 0): scale = (int)reader.ReadVarint(); break;
                    default: reader.Skip(wireType); break;
                }
            }

            return new OrcType(kind, subtypes, names, length, precision, scale);
        }
    }
}
