using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.Frames;
using DevEndpoint.Loading;
using DevEndpoint.MachineLearning.Internals;
using DevEndpoint.Writing;
using Microsoft.Data.Analysis;

namespace DevEndpoint.MachineLearning;

public sealed partial class FindMatchesTransform
{
    /// <summary>How errors name the existing matches when they are a DataFrame.</summary>
    internal const string ExistingFrameSource = "The existing matches DataFrame";

    /// <summary>How errors name the new records when they are a DataFrame.</summary>
    internal const string IncrementalFrameSource = "The new records DataFrame";

    /// <summary>
    /// Glue's FindIncrementalMatches: matches <paramref name="incremental"/> (new records with the source table's columns)
    /// against <paramref name="existing"/> (an earlier find-matches output: the table's columns plus <c>match_id</c>) and
    /// returns every record, existing first, with <c>match_id</c>. Existing records keep their ids and their entities are
    /// never split or merged; a new record joins the existing entity it matches best, or a new entity of new records whose
    /// id is above every existing one. Trains the model first when the transform is not READY.
    /// </summary>
    public Task<DataFrame> FindIncrementalMatchesAsync(DataFrame existing, DataFrame incremental, CancellationToken cancellationToken = default) =>
        FindIncrementalMatchesAsync(MatchInput.Of(ExistingFrameSource, existing), MatchInput.Of(IncrementalFrameSource, incremental), cancellationToken);

    /// <summary>Incremental matching (see the other overload) of the rows of the catalog table <paramref name="incrementalTable"/> (<c>database.table</c>).</summary>
    public async Task<DataFrame> FindIncrementalMatchesAsync(DataFrame existing, string incrementalTable, CancellationToken cancellationToken = default) =>
        await FindIncrementalMatchesAsync(MatchInput.Of(ExistingFrameSource, existing), await LoadTableAsync(incrementalTable, cancellationToken), cancellationToken);

    /// <summary>
    /// Incremental matching of the catalog table <paramref name="incrementalTable"/> against the CSV file
    /// <paramref name="existingFile"/> an earlier find-matches wrote; writes the result (or one record per entity) to
    /// <paramref name="path"/>. Returns every record with its match_id and the number of existing records.
    /// </summary>
    internal async Task<(DataFrame Matches, long Existing, DataFrame Written)> WriteIncrementalMatchesAsync(
        string path, string existingFile, string incrementalTable, bool onePerEntity, CancellationToken cancellationToken)
    {
        var existing = MatchInput.ReadCsv($"The existing matches file {existingFile}", existingFile);
        var matches = await FindIncrementalMatchesAsync(existing, await LoadTableAsync(incrementalTable, cancellationToken), cancellationToken);
        var written = onePerEntity ? OnePerEntity(matches) : matches;
        FrameCsv.WriteFile(path, written);
        return (matches, existing.Frame.Rows.Count, written);
    }

    /// <summary>Of each entity, only the record with the lowest primary key (see <see cref="FindMatchesAsync"/>).</summary>
    internal DataFrame KeepOnePerEntity(DataFrame matches) => OnePerEntity(matches);

    /// <summary>Writes matches to a CSV file as find-matches does.</summary>
    internal static void WriteMatchesCsv(DataFrame matches, string path) => FrameCsv.WriteFile(path, matches);

    /// <summary>Loads a catalog table as new records for incremental matching.</summary>
    internal async Task<MatchInput> LoadTableAsync(string table, CancellationToken cancellationToken)
    {
        var name = TableName.Parse(table);
        var result = await new TableLoader(catalog).LoadAsync(name.ToString(), new LoadOptions { Strings = StringStorage.Dotnet }, cancellationToken);
        return MatchInput.Of($"The new records table {name}", result.Frame);
    }

    internal async Task<DataFrame> FindIncrementalMatchesAsync(MatchInput existing, MatchInput incremental, CancellationToken cancellationToken)
    {
        var source = Definition.Source;
        var columns = catalog.GetTable(source).AllColumns.ToList();
        var matchId = existing.Column(MatchIdColumn) ?? throw MLErrors.NoMatchIdColumn(existing.Source, Definition);
        existing.CheckColumns(source, columns, MatchIdColumn);
        incremental.CheckColumns(source, columns, null);

        var frame = new DataFrame();
        foreach (var column in columns)
        {
            var builder = ColumnBuilder.For(column, StringStorage.Dotnet);
            existing.AddValues(column, builder);
            incremental.AddValues(column, builder);
            frame.Columns.Add(builder.Build());
        }

        var existingIds = MatchIds(existing, matchId);
        var key = columns.First(c => string.Equals(c.Name, Definition.FindMatches.PrimaryKeyColumnName, StringComparison.OrdinalIgnoreCase)).Name;
        var records = MatchRecords.From(frame, key, columns.FirstOrDefault(c => string.Equals(c.Name, Definition.FindMatches.SourceColumnName, StringComparison.OrdinalIgnoreCase))?.Name);
        CheckKeys(records, existing, incremental, key);

        var matcher = NewMatcher(records);
        var model = KeptModel(matcher) ?? await SourceModelAsync(cancellationToken);
        frame.Columns.Add(new Int64DataFrameColumn(MatchIdColumn, matcher.IncrementalEntities(model, existingIds)));
        return frame;
    }

    /// <summary>The model trained on the labels of the source table's records (kept for the next time).</summary>
    private async Task<PairClassifier> SourceModelAsync(CancellationToken cancellationToken)
    {
        var (_, sourceRecords) = await LoadRecordsAsync(cancellationToken);
        var labels = Labels(sourceRecords);
        var matcher = NewMatcher(sourceRecords);
        if (!matcher.CanTrain(labels))
        {
            throw MLErrors.NeedsLabels(Definition, Definition.LabelCount);
        }

        return Model(matcher, labels);
    }

    private static long[] MatchIds(MatchInput existing, DataFrameColumn column)
    {
        var ids = new long[existing.Frame.Rows.Count];
        for (long row = 0; row < ids.Length; row++)
        {
            var value = column[row];
            ids[row] = value switch
            {
                long id => id,
                int id => id,
                string text when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) => id,
                _ => throw MLErrors.BadMatchId(existing.Where(row), Convert.ToString(value, CultureInfo.InvariantCulture)),
            };
        }

        return ids;
    }

    /// <summary>Every record has a primary key, none shared by two records of either input.</summary>
    private static void CheckKeys(MatchRecords records, MatchInput existing, MatchInput incremental, string key)
    {
        var existingCount = existing.Frame.Rows.Count;
        string Where(long row) => row < existingCount ? existing.Where(row) : incremental.Where(row - existingCount);
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var row = 0; row < records.Count; row++)
        {
            var value = records.Keys[row];
            if (value.Length == 0)
            {
                throw MLErrors.EmptyInputKey(Where(row), key);
            }

            if (!first.TryAdd(value, row))
            {
                throw MLErrors.RepeatedInputKey(key, value, Where(first[value]), Where(row));
            }
        }
    }
}
