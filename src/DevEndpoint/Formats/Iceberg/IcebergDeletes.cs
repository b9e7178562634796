using System.Globalization;
using System.Text;

namespace DevEndpoint.Formats.Iceberg;

/// <summary>
/// The delete files of a snapshot, read once, and which of them apply to a data file, by the spec's rules: a position
/// delete (a Parquet file of file_path and pos, or a v3 deletion vector) applies to the data file it names when the data
/// file's sequence number is not above the delete's; an equality delete applies to a data file of a strictly lower
/// sequence number in the same partition (same spec and tuple), or in every partition when the delete's spec is unpartitioned.
/// </summary>
internal sealed class IcebergDeletes
{
    private const int FilePathId = 2147483546;
    private const int PosId = 2147483545;

    private static readonly IcebergField FilePath = new(FilePathId, "file_path", Required: true, "string", InitialDefault: null);
    private static readonly IcebergField Pos = new(PosId, "pos", Required: true, "long", InitialDefault: null);
    private static readonly Dictionary<string, int> PositionNames = new(StringComparer.Ordinal) { ["file_path"] = FilePathId, ["pos"] = PosId };

    private readonly Dictionary<string, List<(long Sequence, HashSet<long> Positions)>> positions = new(StringComparer.Ordinal);
    private readonly List<EqualityDelete> equalities = [];

    private IcebergDeletes()
    {
    }

    /// <summary>The rows an equality-delete file removes: the values of its equality fields, as keys.</summary>
    internal sealed record EqualityDelete(IReadOnlyList<IcebergField> Fields, HashSet<string> Keys, IcebergFile File, bool Global);

    public bool IsEmpty => positions.Count == 0 && equalities.Count == 0;

    public static async Task<IcebergDeletes> ReadAsync(
        IEnumerable<IcebergFile> files, IcebergTable table, Func<int, IcebergField?> field, CancellationToken cancellationToken)
    {
        var (metadata, paths, storage) = (table.Metadata, table.Paths, table.Storage);
        var deletes = new IcebergDeletes();
        foreach (var file in files)
        {
            if (!storage.Exists(file.Path))
            {
                throw IcebergErrors.MissingFile(file.Path, "delete file", "a manifest of the snapshot");
            }

            try
            {
                if (file is { Content: IcebergContent.PositionDeletes, IsDeletionVector: true })
                {
                    var target = paths.Local(file.ReferencedDataFile ?? throw new InvalidDataException("its deletion vector names no data file"));
                    deletes.AddPositions(target, file.SequenceNumber, IcebergDeletionVector.Read(storage, file.Path, file.ContentOffset ?? 0, file.ContentSize ?? 0));
                }
                else if (file.Content == IcebergContent.PositionDeletes)
                {
                    var (rows, columns) = await IcebergParquet.ReadAsync(storage, file.Path, [FilePath, Pos], PositionNames, cancellationToken);
                    if (columns[0] is not { } targets || columns[1] is not { } positions)
                    {
                        throw new InvalidDataException("it has no file_path and pos columns");
                    }

                    foreach (var group in Enumerable.Range(0, (int)rows).GroupBy(r => (string)targets[r]!))
                    {
                        deletes.AddPositions(paths.Local(group.Key), file.SequenceNumber, group.Select(r => (long)positions[r]!).ToHashSet());
                    }
                }
                else
                {
                    var fields = file.EqualityIds.Select(id => field(id) ?? throw IcebergErrors.Unsupported(file.Path, $"an equality delete on field id {id}, which no schema has")).ToList();
                    var (rows, columns) = await IcebergParquet.ReadAsync(storage, file.Path, fields, null, cancellationToken);
                    var keys = new HashSet<string>(StringComparer.Ordinal);
                    for (var row = 0; row < rows; row++)
                    {
                        keys.Add(Key(columns.Select(c => c?[row])));
                    }

                    var global = !metadata.PartitionSpecs.TryGetValue(file.SpecId, out var spec) || spec.Fields.Count == 0;
                    deletes.equalities.Add(new EqualityDelete(fields, keys, file, global));
                }
            }
            catch (Exception e) when (e is InvalidDataException or InvalidCastException or IOException || e.GetType().Namespace?.StartsWith("Parquet", StringComparison.Ordinal) == true)
            {
                throw IcebergErrors.BadFile(file.Path, "delete file", e.Message);
            }
        }

        return deletes;
    }

    /// <summary>The row positions deleted from a data file, or <c>null</c> when none are.</summary>
    public HashSet<long>? PositionsFor(IcebergFile data)
    {
        if (!positions.TryGetValue(data.Path, out var lists))
        {
            return null;
        }

        var applying = lists.Where(l => data.SequenceNumber <= l.Sequence).ToList();
        return applying.Count switch
        {
            0 => null,
            1 => applying[0].Positions,
            _ => applying.SelectMany(l => l.Positions).ToHashSet(),
        };
    }

    /// <summary>The equality deletes that apply to a data file.</summary>
    public IReadOnlyList<EqualityDelete> EqualityFor(IcebergFile data) => equalities
        .Where(e => data.SequenceNumber < e.File.SequenceNumber && (e.Global || (e.File.SpecId == data.SpecId && SamePartition(e.File, data))))
        .ToList();

    /// <summary>A key that is equal for equal values of Iceberg's types (and for nulls: an equality delete of NULL deletes NULLs).</summary>
    public static string Key(IEnumerable<object?> values)
    {
        var key = new StringBuilder();
        foreach (var value in values)
        {
            key.Append(value switch
            {
                null => "\u0000",
                byte[] bytes => "b" + Convert.ToHexString(bytes),
                DateTime time => "t" + time.Ticks.ToString(CultureInfo.InvariantCulture),
                decimal number => "d" + (number / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
                IFormattable formattable => "v" + formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => "s" + value,
            }).Append('\u0001');
        }

        return key.ToString();
    }

    private static bool SamePartition(IcebergFile a, IcebergFile b) =>
        a.Partition.Count == b.Partition.Count && a.Partition.All(p => b.Partition.TryGetValue(p.Key, out var v) && Key([p.Value]) == Key([v]));

    private void AddPositions(string dataFile, long sequence, HashSet<long> deleted)
    {
        if (!positions.TryGetValue(dataFile, out var lists))
        {
            positions[dataFile] = lists = [];
        }

        lists.Add((sequence, deleted));
    }
}
