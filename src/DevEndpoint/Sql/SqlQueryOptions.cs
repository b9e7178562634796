using DevEndpoint.Frames;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Sql;

/// <summary>What a query runs with besides its text.</summary>
public sealed record SqlQueryOptions
{
    /// <summary>The values of the query's <c>{{name}}</c> parameters, by name: numbers, text, booleans, dates, times or null.</summary>
    public IReadOnlyDictionary<string, object?> Parameters { get; init; } = new Dictionary<string, object?>();

    /// <summary>DataFrames the query may name as tables, by name (a notebook's DataFrame variables).</summary>
    public IReadOnlyDictionary<string, DataFrame> Frames { get; init; } = new Dictionary<string, DataFrame>();

    /// <summary>Saved queries to put before the query as common table expressions.</summary>
    public IReadOnlyList<string> With { get; init; } = [];

    /// <summary>Keep the query under this name for later queries' <see cref="With"/>.</summary>
    public string? Save { get; init; }

    /// <summary>Keep at most this many rows of the result.</summary>
    public long? Limit { get; init; }

    /// <summary>
    /// How the result's text columns are held: <see cref="StringStorage.Utf8"/> as UTF-8 bytes copied from DuckDB
    /// (<see cref="Utf8StringDataFrameColumn"/>: faster for long text that rarely repeats, read-only); otherwise .NET strings.
    /// </summary>
    public StringStorage Strings { get; init; } = StringStorage.Dotnet;
}
