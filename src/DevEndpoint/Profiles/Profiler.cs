using DevEndpoint.Catalog;
using DevEndpoint.Frames;
using DevEndpoint.Sql;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Profiles;

/// <summary>
/// Profiles catalog tables and DataFrames through DuckDB (<see cref="SqlSession"/>): the rows (or a sample of them) are read
/// once into a DuckDB table, whose columns DuckDB then summarises in a few passes: one for counts, distinct values,
/// extremes, means, deviations, quantiles, lengths and correlations (and, above <see cref="ProfileOptions.ExactDistinctRows"/>,
/// duplicate rows and candidates for the most frequent values), one for the most frequent values, one for the histograms and,
/// up to <see cref="ProfileOptions.ExactDistinctRows"/>, one for duplicate rows.
/// </summary>
public sealed partial class Profiler(DataCatalog catalog)
{
    private const int Steps = 5;

    /// <summary>The name a DataFrame has in the profile's queries.</summary>
    private const string FrameTable = "profiled_frame";

    /// <summary>Profiles the catalog table <paramref name="table"/> (<c>&lt;database&gt;.&lt;table&gt;</c>), read where its files lie.</summary>
    public async Task<TableProfile> ProfileTableAsync(
        string table, ProfileOptions? options = null, IProgress<ProfileProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new ProfileOptions();
        ProfileErrors.Check(options);
        var name = TableName.Parse(table);
        var columns = NestedColumns.Expand(catalog.GetTable(name).AllColumns).Select(c => (c.Name, (string?)c.Type)).ToList();
        var source = $"{SqlText.Quote(name.Database)}.{SqlText.Quote(name.Table)}";
        return await ProfileAsync(name.ToString(), $"Table {name}", source, columns, new Dictionary<string, DataFrame>(), options, progress, cancellationToken);
    }

    /// <summary>Profiles <paramref name="frame"/>, named <paramref name="name"/> in the profile and its messages.</summary>
    public async Task<TableProfile> ProfileFrameAsync(
        DataFrame frame, string name, ProfileOptions? options = null, IProgress<ProfileProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new ProfileOptions();
        ProfileErrors.Check(options);
        var columns = frame.Columns.Select(c => (c.Name, (string?)null)).ToList();
        return await ProfileAsync(
            name, $"DataFrame {name}", SqlText.Quote(FrameTable), columns!, new Dictionary<string, DataFrame> { [FrameTable] = frame }, options, progress, cancellationToken);
    }

    private async Task<TableProfile> ProfileAsync(
        string label,
        string what,
        string source,
        List<(string Name, string? Type)> columns,
        IReadOnlyDictionary<string, DataFrame> frames,
        ProfileOptions options,
        IProgress<ProfileProgress>? progress,
        CancellationToken cancellationToken)
    {
        var chosen = Choose(what, columns, options.Columns);
        using var session = new SqlSession(catalog);
        var name = $"profile_{Guid.NewGuid():N}";
        var table = SqlText.Quote(name);
        progress?.Report(new ProfileProgress(0, Steps, $"Reading {label}"));
        var sample = options.Sample is { } n ? $" USING SAMPLE reservoir({n} ROWS) REPEATABLE (42)" : string.Empty;
        await session.KeepAsync(table, $"SELECT {string.Join(", ", chosen.Select(c => SqlText.Quote(c.Name)))} FROM {source}{sample}", frames, cancellationToken);
        try
        {
            var query = new ProfileQueries(session, name, options, cancellationToken);
            var rows = await query.RowsAsync();
            if (rows == 0)
            {
                throw ProfileErrors.Empty(what, frames.Count == 0);
            }

            return await ProfileKeptAsync(session, query, chosen, rows, name, label, options, progress);
        }
        finally
        {
            session.DropKept(table);
        }
    }

    /// <summary>Profiles the rows kept in the session: column kinds, the summary pass, top values, histograms, duplicates.</summary>
    private static async Task<TableProfile> ProfileKeptAsync(
        SqlSession session,
        ProfileQueries query,
        List<(string Name, string? Type)> chosen,
        long rows,
        string name,
        string label,
        ProfileOptions options,
        IProgress<ProfileProgress>? progress)
    {
        var kinds = await query.KindsAsync();
        var profiled = chosen.Select(c => new ProfiledColumn(c.Name, c.Type ?? kinds[c.Name].DuckType.ToLowerInvariant(), kinds[c.Name].Kind)
        {
            Floating = kinds[c.Name].DuckType is "FLOAT" or "DOUBLE",
        }).ToList();
        progress?.Report(new ProfileProgress(1, Steps, "Counting values, extremes, means, deviations, quantiles, lengths and correlations"));
        var summary = await query.SummaryAsync(profiled, rows, $"{name}_summary");
        try
        {
            progress?.Report(new ProfileProgress(2, Steps, "Finding the most frequent values"));
            var top = await query.TopValuesAsync(profiled, summary.Candidates);
            progress?.Report(new ProfileProgress(3, Steps, "Counting histogram bins"));
            var histograms = await query.HistogramsAsync(profiled, summary.Bounds);
            progress?.Report(new ProfileProgress(4, Steps, "Counting duplicate rows"));
            var duplicates = summary.Duplicates ?? rows - await query.DistinctRowsAsync();
            progress?.Report(new ProfileProgress(5, Steps, "Done"));
            var profiles = profiled.Select((c, i) => summary.Figures[i] with
            {
                TopValues = top[i],
                Histogram = histograms[i],
            }).ToList();
            return new TableProfile(label, rows, duplicates, options.Sample is not null, profiles, summary.Correlations);
        }
        finally
        {
            if (summary.Candidates is { } candidates)
            {
                session.DropKept(SqlText.Quote(candidates));
            }
        }
    }

    /// <summary>The columns to profile: all, or those <paramref name="wanted"/> names, as the source spells them.</summary>
    private static List<(string Name, string? Type)> Choose(string what, List<(string Name, string? Type)> columns, IReadOnlyList<string>? wanted)
    {
        if (wanted is null || wanted.Count == 0)
        {
            return columns;
        }

        return wanted.Select(w => columns.FirstOrDefault(c => string.Equals(c.Name, w.Trim(), StringComparison.OrdinalIgnoreCase)) is { Name: not null } found
                ? found
                : throw ProfileErrors.UnknownColumn(what, w.Trim(), columns.Select(c => c.Name)))
            .DistinctBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>A column being profiled: its name, its type as reported, and the kind its DuckDB type makes it.</summary>
    internal sealed record ProfiledColumn(string Name, string Type, ProfileKind Kind)
    {
        /// <summary>Whether DuckDB holds it as FLOAT or DOUBLE, which can hold NaN and infinities.</summary>
        public bool Floating { get; init; }
    }
}
