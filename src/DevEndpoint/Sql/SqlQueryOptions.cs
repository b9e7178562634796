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
    /// How the result's text columns are held: <see cref="StringStorage.Dotnet"/> as .NET strings (editable; short repeated
    /// values shared), <see cref="StringStorage.Utf8"/> as UTF-8 bytes copied from DuckDB (<see cref="Utf8StringDataFrameColumn"/>:
    /// about half the memory, read-only), <see cref="StringStorage.Auto"/> (default) each column as its first 2,048 rows
    /// say: .NET strings where at least half of their values repeat an earlier one, else UTF-8 bytes, as <c>#!load</c> decides.
    /// A million distinct .NET strings cost the collector more than DuckDB takes to produce them, hence the default.
    /// </summary>
    public StringStorage Strings { get; init; } = StringStorage.Auto;
}
