using System.Text.RegularExpressions;
using DevEndpoint.Catalog;
using DevEndpoint.Frames;
using DevEndpoint.Loading;
using DevEndpoint.MachineLearning.Internals;
using Microsoft.Data.Analysis;

namespace DevEndpoint.MachineLearning;

/// <summary>
/// A FindMatches transform kept in the catalog (Glue's <c>MLTransform</c>): it learns from labelled sets of records which
/// records of a table are one real-world entity, estimates its quality from the labels, and adds a <c>match_id</c> to the
/// table's rows. Create it, generate a labelling set, label it, import the labels, evaluate, find matches.
/// </summary>
public sealed partial class FindMatchesTransform
{
    /// <summary>The seed of the random choices when none is given.</summary>
    public const int DefaultSeed = 42;

    private readonly DataCatalog catalog;

    private FindMatchesTransform(DataCatalog catalog, MLTransform definition)
    {
        this.catalog = catalog;
        Definition = definition;
    }

    /// <summary>The transform as the catalog holds it now.</summary>
    public MLTransform Definition { get; private set; }

    public string Name => Definition.Name;

    /// <summary>
    /// Creates a transform over <paramref name="sourceTable"/> (<c>database.table</c>) whose records
    /// <paramref name="primaryKey"/> identifies; it checks that the column exists and holds a unique value on every row,
    /// and that the <see cref="FindMatchesOptions.SourceColumn"/>, when given, exists and names at least two sources.
    /// </summary>
    public static async Task<FindMatchesTransform> CreateAsync(
        DataCatalog catalog, string name, string sourceTable, string primaryKey, FindMatchesOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FindMatchesOptions();
        if (name.Length is 0 or > 255 || !Regex.IsMatch(name, "^[A-Za-z0-9_.-]+$"))
        {
            throw MLErrors.BadName(name);
        }

        Check("--precision-recall", options.PrecisionRecallTradeoff);
        Check("--accuracy-cost", options.AccuracyCostTradeoff);
        var source = TableName.Parse(sourceTable);
        var table = catalog.GetTable(source);
        var column = table.AllColumns.FirstOrDefault(c => string.Equals(c.Name, primaryKey, StringComparison.OrdinalIgnoreCase))
            ?? throw MLErrors.UnknownColumn(source, primaryKey, table.AllColumns.Select(c => c.Name));
        var sourceColumn = options.SourceColumn is null ? null
            : table.AllColumns.FirstOrDefault(c => string.Equals(c.Name, options.SourceColumn, StringComparison.OrdinalIgnoreCase))
                ?? throw MLErrors.UnknownColumn(source, options.SourceColumn, table.AllColumns.Select(c => c.Name), "the source column");
        var now = DateTimeOffset.UtcNow;
        var definition = new MLTransform
        {
            TransformId = $"tfm-{Guid.NewGuid():N}",
            Name = name,
            Description = options.Description,
            CreatedOn = now,
            LastModifiedOn = now,
            InputRecordTables = [new GlueTable(source.Database, source.Table)],
            Parameters = new TransformParameters(
                MLTransform.FindMatchesType,
                new FindMatchesParameters(column.Name, options.PrecisionRecallTradeoff, options.AccuracyCostTradeoff, options.EnforceProvidedLabels, options.SemanticBlocking, sourceColumn?.Name)),
            Schema = table.AllColumns.Select(c => new SchemaColumn(c.Name, c.Type)).ToList(),
        };
        var transform = new FindMatchesTransform(catalog, definition);
        await transform.LoadRecordsAsync(cancellationToken);
        catalog.Update(u => u.PutMLTransform(definition));
        return transform;
    }

    /// <summary>The named transform; a <see cref="DevEndpointException"/> naming the closest ones when there is none.</summary>
    public static FindMatchesTransform Open(DataCatalog catalog, string name) => new(catalog, catalog.GetMLTransform(name));

    /// <summary>Deletes the named transform with its labels and model; returns it as it was.</summary>
    public static MLTransform Delete(DataCatalog catalog, string name)
    {
        MLTransform? deleted = null;
        catalog.Update(u => deleted = u.DeleteMLTransform(name));
        return deleted!;
    }

    private static void Check(string parameter, double value)
    {
        if (!(value >= 0 && value <= 1))
        {
            throw MLErrors.OutOfRange(parameter, value);
        }
    }

    /// <summary>
    /// The source table's rows (strings as .NET strings) and the records prepared for matching; checks the primary key, and
    /// that the source column of a record-linkage transform names a source on every record and at least two sources.
    /// </summary>
    private async Task<(DataFrame Frame, MatchRecords Records)> LoadRecordsAsync(CancellationToken cancellationToken)
    {
        var source = Definition.Source;
        var result = await new TableLoader(catalog).LoadAsync(source.ToString(), new LoadOptions { Strings = StringStorage.Dotnet }, cancellationToken);
        var frame = result.Frame;
        var keyColumn = FrameColumnFor(frame, Definition.FindMatches.PrimaryKeyColumnName, "the primary key");
        var sourceColumn = Definition.FindMatches.SourceColumnName is { } sourceName ? FrameColumnFor(frame, sourceName, "the source column") : null;
        var records = MatchRecords.From(frame, keyColumn.Name, sourceColumn?.Name);
        if (keyColumn.NullCount > 0)
        {
            throw MLErrors.NotAPrimaryKey(source, keyColumn.Name, null);
        }

        if (records.RowOfKey.Count < records.Count)
        {
            var repeated = records.Keys.GroupBy(k => k, StringComparer.Ordinal).First(g => g.Count() > 1).Key;
            throw MLErrors.NotAPrimaryKey(source, keyColumn.Name, repeated);
        }

        if (sourceColumn is not null && records.SourceNames is { } names)
        {
            var unnamed = Array.IndexOf(names, string.Empty);
            if (unnamed >= 0)
            {
                throw MLErrors.MissingSource(source, sourceColumn.Name, records.Keys[Array.IndexOf(records.Sources!, unnamed)]);
            }

            if (names.Length == 1)
            {
                throw MLErrors.OneSource(source, sourceColumn.Name, names[0]);
            }
        }

        return (frame, records);
    }

    private DataFrameColumn FrameColumnFor(DataFrame frame, string name, string role) =>
        frame.Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw MLErrors.UnknownColumn(Definition.Source, name, frame.Columns.Select(c => c.Name), role);

    private Matcher NewMatcher(MatchRecords records, int seed = DefaultSeed) => new(records, Definition.FindMatches, seed);

    /// <summary>The stored labels of records still in the table.</summary>
    private List<LabelledRecord> Labels(MatchRecords records) =>
        catalog.GetMLTransformLabels(Definition.TransformId)
            .Where(l => records.RowOfKey.ContainsKey(l.RecordKey))
            .Select(l => new LabelledRecord(l.LabelingSetId, l.Label, records.RowOfKey[l.RecordKey]))
            .ToList();

    private void Store(MLTransform changed)
    {
        var stored = changed with { LastModifiedOn = DateTimeOffset.UtcNow };
        catalog.Update(u => u.UpdateMLTransform(stored));
        Definition = stored;
    }
}
