using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using DevEndpoint.Catalog;

namespace DevEndpoint.Formats.Xml;

/// <summary>
/// Takes XML row elements apart into column builders the way the crawler typed them: attributes and child elements
/// are fields by their cleaned local names (attributes first); an element with attributes or child elements is a
/// struct whose fields lead to <c>a.b</c> columns, any other element's value is its text (entities and CDATA
/// resolved), trimmed, empty being null. Repeated elements of an array column, and an element with attributes or
/// children or repeated where the catalog has one value (a choice column), are JSON text. A struct the catalog has
/// but a row repeats takes its first element; fields the catalog does not have are left out.
/// </summary>
internal sealed class XmlRows
{
    private readonly Field root;
    private readonly List<ColumnSink> columns;
    private readonly int[] data;
    private readonly bool[] set;

    public XmlRows(CatalogTable table, List<ColumnSink> columns)
    {
        this.columns = columns;
        (root, data) = Field.Build(table, columns);
        set = new bool[columns.Count];
    }

    /// <summary>A value that does not fit its column, and the line it is on.</summary>
    public sealed record Bad(Column Column, string Value, long Line);

    /// <summary>Adds the row's values; returns what was wrong instead when one does not fit its column (nothing is then added).</summary>
    public Bad? Add(XElement row, ReadPart part)
    {
        Array.Clear(set);
        var bad = Read(row, root);
        part.EndRow(data, set, bad is not null);
        return bad;
    }

    private Bad? Read(XElement element, Field field)
    {
        foreach (var attribute in element.Attributes())
        {
            if (!attribute.IsNamespaceDeclaration && field.Find(attribute.Name.LocalName) is { Column: >= 0 } leaf
                && !set[leaf.Column] && Add(leaf.Column, attribute.Value.Trim(), attribute) is { } bad)
            {
                return bad;
            }
        }

        foreach (var group in element.Elements().GroupBy(e => e.Name.LocalName))
        {
            var inner = field.Find(group.Key);
            if (inner is null)
            {
                continue;
            }

            var first = group.First();
            if (inner.Fields.Count > 0)
            {
                if (Read(first, inner) is { } bad)
                {
                    return bad;
                }
            }
            else if (inner.Column >= 0 && !set[inner.Column])
            {
                var leaf = inner.Leaf!;
                var value = leaf.Json ? JsonText.Write(group.Select(e => Value(e, NestedFields.ArrayElement(leaf.Type))).ToList())
                    : group.Skip(1).Any() ? JsonText.Write(group.Select(e => Value(e, leaf.Type)).ToList())
                    : HasFields(first) ? JsonText.Write(Value(first, leaf.Type)!)
                    : first.Value.Trim();
                if (Add(inner.Column, value, first) is { } bad)
                {
                    return bad;
                }
            }
        }

        return null;
    }

    private Bad? Add(int column, string text, XObject where)
    {
        set[column] = true;
        var builder = columns[column];
        return builder.TryAddText(text.Length == 0 ? null : text, quoted: true) ? null : new Bad(builder.Column, text, ((IXmlLineInfo)where).LineNumber);
    }

    private static bool HasFields(XElement element) => element.HasElements || element.Attributes().Any(a => !a.IsNamespaceDeclaration);

    /// <summary>
    /// An element as a value for JSON text, typed by <paramref name="type"/> where it has one: an object of its
    /// fields (repeated and array fields as lists), or its text as a number or boolean when the type says so and
    /// the text is one, else as text; empty text is null.
    /// </summary>
    private static object? Value(XElement element, string? type)
    {
        if (!HasFields(element))
        {
            return Scalar(element.Value.Trim(), type);
        }

        var types = type is null ? [] : NestedFields.StructFields(type).DistinctBy(f => f.Name).ToDictionary(f => f.Name, f => f.Type);
        var fields = new OrderedDictionary<string, object?>();
        foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration))
        {
            var name = ColumnNames.Clean(attribute.Name.LocalName);
            fields.TryAdd(name, Scalar(attribute.Value.Trim(), types.GetValueOrDefault(name)));
        }

        foreach (var group in element.Elements().GroupBy(e => e.Name.LocalName))
        {
            var name = ColumnNames.Clean(group.Key);
            var fieldType = types.GetValueOrDefault(name);
            fields.TryAdd(
                name,
                fieldType is not null && NestedFields.ArrayElement(fieldType) is { } elementType ? group.Select(e => Value(e, elementType)).ToList()
                : group.Skip(1).Any() ? group.Select(e => Value(e, fieldType)).ToList()
                : Value(group.First(), fieldType));
        }

        return fields;
    }

    private static object? Scalar(string text, string? type)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var lower = type?.ToLowerInvariant();
        return lower switch
        {
            "tinyint" or "smallint" or "int" or "bigint" when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer) => integer,
            "float" or "double" when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
            "boolean" when TextValues.TryParseBoolean(text, out var boolean) => boolean,
            not null when HiveTypes.ParseDecimal(lower) is not null && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact) => exact,
            _ => text,
        };
    }

    /// <summary>A field of the rows: a column (a leaf), or a struct whose fields lead to columns.</summary>
    private sealed class Field : FieldNode<Field>
    {
        /// <summary>Fields by the local names seen in the files, which their cleaned names give.</summary>
        private readonly Dictionary<string, Field?> byLocalName = new(StringComparer.Ordinal);


        public Field? Find(string localName)
        {
            if (!byLocalName.TryGetValue(localName, out var field))
            {
                field = Fields.GetValueOrDefault(ColumnNames.Clean(localName));
                byLocalName[localName] = field;
            }

            return field;
        }
    }
}
