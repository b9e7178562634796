using System.Xml;
using System.Xml.Linq;

namespace DevEndpoint.Formats.Xml;

/// <summary>The row elements of an XML sample: their tag, how many were read, and the merged type of their fields.</summary>
internal sealed class XmlSample
{
    private XmlSample(string? tag, long count, List<KeyValuePair<string, InferredType>> fields)
    {
        Tag = tag;
        Count = count;
        Fields = fields;
    }

    /// <summary>The row element's name; <c>null</c> when the root holds no child elements.</summary>
    public string? Tag { get; }

    public long Count { get; }

    public IReadOnlyList<KeyValuePair<string, InferredType>> Fields { get; }

    /// <summary>
    /// Reads the root's child elements; a sample cut short (a large file) ends at the last whole element. Text with no
    /// root element (markup-like prose, such as Markdown opening with an HTML comment) has no rows; XML that goes wrong
    /// after its root element opened throws <see cref="XmlException"/>. The row tag is <paramref name="rowTag"/> when given
    /// (its elements at any depth; no rows when there is none), else the root's child element that repeats most.
    /// </summary>
    public static XmlSample Read(string text, bool complete, int maxRecords, string? rowTag = null)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreComments = true, IgnoreProcessingInstructions = true };
        using var reader = XmlReader.Create(new StringReader(text), settings);
        var children = new List<XElement>();
        try
        {
            if (reader.MoveToContent() != XmlNodeType.Element)
            {
                return new XmlSample(null, 0, []);
            }
        }
        catch (XmlException)
        {
            return new XmlSample(null, 0, []);
        }

        try
        {
            if (rowTag is null)
            {
                ReadChildren(reader, children, maxRecords);
            }
            else
            {
                ReadTagged(reader, rowTag, children, maxRecords);
            }

            if (complete && children.Count < maxRecords)
            {
                while (reader.Read())
                {
                }
            }
        }
        catch (XmlException) when (!complete)
        {
            // The sample ends inside an element: the whole elements before it are the sample.
        }

        var tag = rowTag is not null ? children.Select(c => c.Name.LocalName).FirstOrDefault(n => n == rowTag) : children.GroupBy(c => c.Name.LocalName).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        var rows = children.Where(c => c.Name.LocalName == tag).ToList();
        var fields = new List<KeyValuePair<string, InferredType>>();
        foreach (var row in rows)
        {
            InferredType.MergeFields(fields, FieldsOf(row));
        }

        return new XmlSample(tag, rows.Count, fields);
    }

    /// <summary>The root's child elements.</summary>
    private static void ReadChildren(XmlReader reader, List<XElement> children, int maxRecords)
    {
        reader.Read();
        while (children.Count < maxRecords && !reader.EOF && reader.Depth >= 1)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                children.Add((XElement)XNode.ReadFrom(reader));
            }
            else
            {
                reader.Read();
            }
        }
    }

    /// <summary>The elements named <paramref name="rowTag"/> at any depth (not inside one another).</summary>
    private static void ReadTagged(XmlReader reader, string rowTag, List<XElement> rows, int maxRecords)
    {
        while (rows.Count < maxRecords && ((reader.NodeType == XmlNodeType.Element && reader.LocalName == rowTag) || reader.ReadToFollowing(rowTag)))
        {
            rows.Add((XElement)XNode.ReadFrom(reader));
        }
    }

    private static InferredType Infer(XElement element)
    {
        var fields = FieldsOf(element).ToList();
        return fields.Count == 0 ? TextValues.Infer(element.Value.Trim()) : new InferredType(TypeKind.Struct, Fields: InferredType.MergeFields([], fields));
    }

    /// <summary>An element's attributes then its child elements; a child that repeats is an array.</summary>
    private static IEnumerable<KeyValuePair<string, InferredType>> FieldsOf(XElement element)
    {
        foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration))
        {
            yield return new(ColumnNames.Clean(attribute.Name.LocalName), TextValues.Infer(attribute.Value.Trim()));
        }

        foreach (var group in element.Elements().GroupBy(e => e.Name.LocalName))
        {
            var type = group.Select(Infer).Aggregate(InferredType.Null, (a, b) => a.Widen(b));
            yield return new(ColumnNames.Clean(group.Key), group.Count() > 1 ? new InferredType(TypeKind.Array, Element: type) : type);
        }
    }
}
