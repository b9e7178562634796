using System.Xml;
using System.Xml.Linq;
using DevEndpoint.Catalog;

namespace DevEndpoint.Formats.Xml;

/// <summary>XML files whose records are the elements named by the table's row tag.</summary>
internal sealed class XmlRowReader(string rowTag) : FormatReader
{
    public override bool SamplesRows => true;

    protected override Task<IReadOnlyList<ReadPart>> ReadPartsAsync(
        string path, CatalogTable table, Func<List<ColumnSink>> newColumns, ReadContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ReadPart>>([new XmlFile(path, table, rowTag, context).Read(newColumns(), cancellationToken)]);
}

/// <summary>
/// One XML file, read with a streaming <see cref="XmlReader"/>: its rows are found as the crawler found them — the
/// root's child elements named by the row tag, or, for a custom classifier's row tag, the elements of that name at
/// any depth — and each row element alone is read into a small tree (never the whole document) that
/// <see cref="XmlRows"/> takes apart into the columns. A sampled load keeps rows by a hash of their number in the file.
/// </summary>
internal sealed class XmlFile(string path, CatalogTable table, string rowTag, ReadContext context)
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>Whether rows are the row tag's elements at any depth (a custom classifier's), rather than the root's children.</summary>
    private readonly bool anyDepth = table.Parameter(FileSchema.ClassifierParameter) is not null;

    public ReadPart Read(List<ColumnSink> columns, CancellationToken cancellationToken)
    {
        var part = new ReadPart(columns);
        var rows = new XmlRows(table, columns);
        var sample = context.SampleFraction is { } fraction ? Sampling.Threshold(fraction) : ulong.MaxValue;
        using var stream = Compression.OpenRead(path, table.Parameter("compressionType") ?? Compression.None);
        using var reader = XmlReader.Create(stream, Settings);
        try
        {
            if (reader.MoveToContent() != XmlNodeType.Element)
            {
                return part;
            }

            for (var index = 0L; part.Rows < context.Limit && NextRow(reader); index++)
            {
                var row = ReadRow(reader);
                if (sample != ulong.MaxValue && Sampling.Hash(index) >= sample)
                {
                    continue;
                }

                if (rows.Add(row, part) is { } bad && !Reject(part, bad))
                {
                    break;
                }

                if ((index & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
        }
        catch (XmlException e)
        {
            RejectMalformed(part, e);
        }

        return part;
    }

    /// <summary>Moves to the start of the next row element; <c>false</c> at the end of the document.</summary>
    private bool NextRow(XmlReader reader)
    {
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && (anyDepth ? reader.Name == rowTag : reader.Depth == 1 && reader.LocalName == rowTag))
            {
                return true;
            }

            if (!anyDepth && reader.NodeType == XmlNodeType.Element && reader.Depth == 1)
            {
                reader.Skip();
            }
            else
            {
                reader.Read();
            }
        }

        return false;
    }

    /// <summary>The row element the reader is on, with line numbers, leaving the reader after it.</summary>
    private static XElement ReadRow(XmlReader reader)
    {
        XElement row;
        using (var subtree = reader.ReadSubtree())
        {
            row = XElement.Load(subtree, System.Xml.Linq.LoadOptions.SetLineInfo);
        }

        reader.Read();
        return row;
    }

    /// <summary>Deals with a bad row by the load's mode; returns <c>false</c> when the read must stop.</summary>
    private bool Reject(ReadPart part, XmlRows.Bad bad) =>
        context.FailFast
            ? throw FormatReader.BadValue(path, bad.Line, bad.Column, bad.Value)
            : part.SetAside(new BadRecord(path, bad.Line, bad.Column.Name, bad.Value, $"cannot read '{bad.Value}' as {bad.Column.Type}"), context);

    /// <summary>
    /// XML that is not well formed ends the file's rows where it goes wrong: a fail-fast load stops; otherwise the rows
    /// before it are kept and the rest of the file is one bad record.
    /// </summary>
    private void RejectMalformed(ReadPart part, XmlException e)
    {
        var reason = $"not well-formed XML ({e.Message.Split(". Line ")[0].TrimEnd('.')})";
        if (context.FailFast)
        {
            throw new DevEndpointException(
                $"{path}: line {e.LineNumber}, column {e.LinePosition}: {reason}. Fix the file, or leave it out with --exclude and crawl again.", e);
        }

        part.SetAside(new BadRecord(path, e.LineNumber, null, null, $"{reason} at column {e.LinePosition}; the rest of the file was not read"), context);
    }
}
