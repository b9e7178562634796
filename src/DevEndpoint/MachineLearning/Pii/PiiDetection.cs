using Microsoft.Data.Analysis;

namespace DevEndpoint.MachineLearning.Pii;

/// <summary>An entity found in a cell: its column, its row (from 0), where it is in the value (UTF-16 offset and length) and its type.</summary>
public sealed record PiiEntity(string Column, long Row, int Offset, int Length, string EntityType);

/// <summary>
/// A column classified as holding an entity type: <paramref name="MatchedValues"/> of its <paramref name="SampledValues"/>
/// sampled non-null values hold an entity of that type, a <paramref name="Fraction"/> at or above the threshold.
/// </summary>
public sealed record PiiColumn(string Column, string EntityType, double Fraction, int SampledValues, int MatchedValues);

/// <summary>What sensitive-data detection found in a frame: the columns it classified, and every entity in every row.</summary>
public sealed record PiiDetection
{
    /// <summary>The rows scanned (every row of the frame).</summary>
    public required long Rows { get; init; }

    /// <summary>The rows whose values classified the columns.</summary>
    public required int SampledRows { get; init; }

    /// <summary>Column classifications, in column order, then by falling fraction.</summary>
    public required IReadOnlyList<PiiColumn> Columns { get; init; }

    /// <summary>Every entity of the types asked for, by row, then column, then offset.</summary>
    public required IReadOnlyList<PiiEntity> Entities { get; init; }

    /// <summary>The entity types each column is classified as, comma-separated in order of falling fraction (the column parameter <c>pii.entityTypes</c>).</summary>
    public IReadOnlyDictionary<string, string> ColumnEntityTypes() =>
        Columns.GroupBy(c => c.Column).ToDictionary(g => g.Key, g => string.Join(",", g.Select(c => c.EntityType)), StringComparer.Ordinal);

    /// <summary>The detection in one sentence, as the command line and the magic report it.</summary>
    public string Describe(string source, double thresholdFraction)
    {
        var types = Entities.Select(e => e.EntityType).Distinct().Count();
        return string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"Scanned {Rows} rows of {source}: {Entities.Count} entities of {types} types; columns classified from {SampledRows} sampled rows at threshold {thresholdFraction:0.###}.");
    }

    /// <summary>The entities as a frame: <c>column</c>, <c>row</c>, <c>offset</c>, <c>length</c>, <c>entity_type</c>.</summary>
    public DataFrame EntitiesFrame() => new(
        new StringDataFrameColumn("column", Entities.Select(e => e.Column)),
        new Int64DataFrameColumn("row", Entities.Select(e => e.Row)),
        new Int32DataFrameColumn("offset", Entities.Select(e => e.Offset)),
        new Int32DataFrameColumn("length", Entities.Select(e => e.Length)),
        new StringDataFrameColumn("entity_type", Entities.Select(e => e.EntityType)));
}
