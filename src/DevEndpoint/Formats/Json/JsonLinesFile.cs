using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using DevEndpoint.Catalog;

namespace DevEndpoint.Formats.Json;

/// <summary>
/// A JSON lines file read from bytes: each line goes through a <see cref="Utf8JsonReader"/> and its values go straight
/// into the column buffers (no document, no string per value but for string columns). A line feed never falls inside
/// a JSON value, so an uncompressed file of more than two ranges is split at line feeds and its ranges are read at
/// once, each into its own stretch of the final columns.
/// </summary>
internal sealed class JsonLinesFile(string path, CatalogTable table, ReadContext context)
{
    private const int ShownLineLength = 200;
    private readonly string compression = table.Parameter("compressionType") ?? Compression.None;

    public IReadOnlyList<ReadPart> Read(Func<List<ColumnSink>> newColumns, CancellationToken cancellationToken)
    {
        var whole = new ReadPart(newColumns());
        LineRanges.ReadFile(
            path,
            compression,
            whole,
            context,
            (lines, end, part, firstLine) => ReadLines(lines, end, part, firstLine, new JsonRows(table, part.Columns), cancellationToken),
            cancellationToken);
        return [whole];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadLines(LineBlocks lines, long end, ReadPart part, long firstLine, JsonRows rows, CancellationToken cancellationToken)
    {
        var line = firstLine - 1;
        var sample = context.SampleFraction is { } fraction ? Sampling.Threshold(fraction) : ulong.MaxValue;
        while (part.Rows < context.Limit && lines.NextOffset < end)
        {
            var offset = lines.NextOffset;
            if (!lines.Next())
            {
                break;
            }

            line++;
            var text = lines.Line;
            if (text.IndexOfAnyExcept(" \t\r"u8) < 0 || (sample != ulong.MaxValue && Sampling.Hash(offset) >= sample))
            {
                continue;
            }

            if (rows.Add(text, part) is { } bad && !Reject(part, line, bad))
            {
                return;
            }

            if ((part.Rows & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    /// <summary>Deals with a bad line by the load's mode; returns <c>false</c> when the read must stop.</summary>
    private bool Reject(ReadPart part, long line, JsonRows.Bad bad)
    {
        if (context.FailFast)
        {
            throw bad.Column is { } column
                ? FormatReader.BadValue(path, line, column, bad.Value)
                : new DevEndpointException($"{path}: line {line}, column {bad.Position}: invalid JSON. Fix the line, or re-crawl the table if its data changed.");
        }

        var value = bad.Value.Length > ShownLineLength ? bad.Value[..ShownLineLength] + "…" : bad.Value;
        var reason = bad.Column is { } target ? $"cannot read '{bad.Value}' as {target.Type}" : $"invalid JSON at column {bad.Position}";
        return part.SetAside(new BadRecord(path, line, bad.Column?.Name, value, reason), context);
    }
}

/// <summary>
/// Reads one JSON line into column builders: top-level fields by their cleaned names, struct fields down their path,
/// arrays, maps and objects where a value is expected as JSON text. One per thread (it caches field names).
/// </summary>
internal sealed class JsonRows
{
    private readonly Field root;
    private readonly List<ColumnSink> columns;
    private readonly int[] data;
    private readonly bool[] set;
    private byte[] scratch = new byte[256];

    /// <summary>Lines that were not flat objects: past <see cref="MaxFlatMisses"/>, the file's lines go to the reader alone.</summary>
    private const int MaxFlatMisses = 1024;
    private FlatLine.Member[] members = new FlatLine.Member[16];
    private int flatMisses;

    public JsonRows(CatalogTable table, List<ColumnSink> columns)
    {
        this.columns = columns;
        (root, data) = Field.Build(table, columns);
        set = new bool[columns.Count];
    }

    /// <summary>A value that does not fit its column (<see cref="Column"/> set), or a line that is not JSON (the byte it fails at).</summary>
    public sealed record Bad(Column? Column, string Value, long Position);

    /// <summary>Adds the line's values as one row; returns what was wrong instead when it cannot be added (nothing is then added).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Bad? Add(ReadOnlySpan<byte> line, ReadPart part)
    {
        Array.Clear(set);
        if (flatMisses < MaxFlatMisses && FlatLine.TryScan(line, ref members, out var count))
        {
            if (AddFlat(line, count, out var flatBad))
            {
                part.EndRow(data, set, flatBad is not null);
                return flatBad;
            }

            // An escaped string the reader rejects: the reader reads the line again, from its start, to report it.
            part.EndRow(data, set, bad: true);
            Array.Clear(set);
        }
        else
        {
            flatMisses++;
        }

        var reader = new Utf8JsonReader(line);
        Bad? bad;
        try
        {
            reader.Read();
            bad = reader.TokenType == JsonTokenType.StartObject ? ReadObject(ref reader, root, line) : Skip(ref reader);
            if (bad is null && reader.Read())
            {
                throw new JsonException("more than one value on the line", null, 0, reader.TokenStartIndex);
            }
        }
        catch (JsonException e)
        {
            bad = new Bad(null, Encoding.UTF8.GetString(line), (e.BytePositionInLine ?? reader.BytesConsumed) + 1);
        }

        part.EndRow(data, set, bad is not null);
        return bad;
    }

    /// <summary>
    /// Adds the members of a line <see cref="FlatLine"/> scanned, as <see cref="ReadObject"/> would; <c>false</c> when a
    /// key is not one seen before (or an escaped string turns out invalid), for the reader to take the line.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool AddFlat(ReadOnlySpan<byte> line, int count, out Bad? bad)
    {
        bad = null;
        for (var m = 0; m < count; m++)
        {
            ref readonly var member = ref members[m];
            if (!root.TryFindSeen(line.Slice(member.KeyStart, member.KeyLength), out var inner))
            {
                return false;
            }

            if (inner is null || inner.Fields.Count > 0 || inner.Column < 0 || set[inner.Column])
            {
                // Not loaded, or a struct given a scalar (which the reader skips too), or a key seen already on the line.
                continue;
            }

            var builder = columns[inner.Column];
            set[inner.Column] = true;
            bool added;
            switch (member.Kind)
            {
                case FlatLine.Kind.Null:
                    builder.AddNull();
                    continue;
                case FlatLine.Kind.EscapedString:
                    var reader = new Utf8JsonReader(line[member.Start..member.End]);
                    try
                    {
                        reader.Read();
                    }
                    catch (JsonException)
                    {
                        return false;
                    }

                    if (scratch.Length < reader.ValueSpan.Length)
                    {
                        scratch = new byte[reader.ValueSpan.Length * 2];
                    }

                    added = builder.TryAddUtf8(scratch.AsSpan(0, reader.CopyString(scratch)), quoted: true);
                    break;
                default:
                    added = builder.TryAddUtf8(member.Value(line), quoted: member.Kind == FlatLine.Kind.String);
                    break;
            }

            if (!added)
            {
                bad = new Bad(builder.Column, Encoding.UTF8.GetString(line[member.Start..member.End]), member.Start + 1);
                return true;
            }
        }

        return true;
    }

    private static Bad? Skip(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Bad? ReadObject(ref Utf8JsonReader reader, Field field, ReadOnlySpan<byte> line)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var inner = field.Find(ref reader);
            reader.Read();
            if (inner is null)
            {
                reader.Skip();
            }
            else if (inner.Fields.Count > 0)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                }
                else if (ReadObject(ref reader, inner, line) is { } bad)
                {
                    return bad;
                }
            }
            else if (inner.Column < 0 || set[inner.Column])
            {
                reader.Skip();
            }
            else if (AddValue(ref reader, inner.Column, line) is { } bad)
            {
                return bad;
            }
        }

        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Bad? AddValue(ref Utf8JsonReader reader, int column, ReadOnlySpan<byte> line)
    {
        var builder = columns[column];
        set[column] = true;
        var start = (int)reader.TokenStartIndex;
        bool added;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                builder.AddNull();
                return null;
            case JsonTokenType.String when reader.ValueIsEscaped:
                if (scratch.Length < reader.ValueSpan.Length)
                {
                    scratch = new byte[reader.ValueSpan.Length * 2];
                }

                added = builder.TryAddUtf8(scratch.AsSpan(0, reader.CopyString(scratch)), quoted: true);
                break;
            case JsonTokenType.String:
                added = builder.TryAddUtf8(reader.ValueSpan, quoted: true);
                break;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                reader.Skip();
                added = builder.TryAddUtf8(line[start..(int)reader.BytesConsumed], quoted: true);
                break;
            default:
                added = builder.TryAddUtf8(reader.ValueSpan, quoted: false);
                break;
        }

        return added ? null : new Bad(builder.Column, Encoding.UTF8.GetString(line[start..(int)reader.BytesConsumed]), start + 1);
    }

    /// <summary>A field of the records: a column, or a struct whose fields lead to columns.</summary>
    private sealed class Field : FieldNode<Field>
    {
        private readonly List<(byte[] Name, Field? Field)> seen = [];
        private int last;

        /// <summary>
        /// The field a property name leads to, by its cleaned name; names are compared as bytes against those seen
        /// before, starting after the last one found, as records mostly list their fields in the same order.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public Field? Find(ref Utf8JsonReader reader)
        {
            var name = reader.ValueSpan;
            if (!reader.ValueIsEscaped && TryFindSeen(name, out var known))
            {
                return known;
            }

            var text = reader.GetString()!;
            var field = Fields.GetValueOrDefault(ColumnNames.Clean(text));
            if (!reader.ValueIsEscaped && seen.Count < 1024)
            {
                seen.Add((name.ToArray(), field));
                last = seen.Count - 1;
            }

            return field;
        }

        /// <summary>The field an unescaped key leads to, when the key was seen before (<paramref name="field"/> is <c>null</c> for a key of no column).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool TryFindSeen(ReadOnlySpan<byte> name, out Field? field)
        {
            var at = last;
            for (var i = 0; i < seen.Count; i++)
            {
                at = at + 1 == seen.Count ? 0 : at + 1;
                if (name.SequenceEqual(seen[at].Name))
                {
                    last = at;
                    field = seen[at].Field;
                    return true;
                }
            }

            field = null;
            return false;
        }
    }
}
