using System.Text.RegularExpressions;
using DevEndpoint.Catalog;
using DevEndpoint.Frames;
using DuckDB.NET.Data;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Sql;

/// <summary>
/// SQL over the catalog: an embedded, in-memory DuckDB in which every catalog table is <c>&lt;database&gt;.&lt;table&gt;</c>
/// (a DuckDB schema per catalog database), read where its files lie by the catalog's reading rules, and DataFrames are
/// tables by their names. Only the tables a query names are set up, when it runs. Results come back as DataFrames.
/// Saved queries live as long as the session. One query runs at a time.
/// </summary>
public sealed partial class SqlSession : IDisposable
{
    private readonly DuckDBConnection connection;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<string, string> saved = new(StringComparer.OrdinalIgnoreCase);

    public SqlSession(DataCatalog catalog)
    {
        Catalog = catalog;
        connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
    }

    public DataCatalog Catalog { get; }

    /// <summary>The saved queries by name, as they run (with the saved queries they were composed with).</summary>
    public IReadOnlyDictionary<string, string> SavedQueries => saved;

    /// <summary>Runs <paramref name="sql"/> and returns the result of its last statement as a DataFrame (empty when it returns no rows).</summary>
    public async Task<DataFrame> QueryAsync(string sql, SqlQueryOptions? options = null, CancellationToken cancellationToken = default) =>
        (await RunAsync(sql, options, cancellationToken)).Frame;

    /// <summary>Runs <paramref name="sql"/>: the result of its last statement, with DuckDB's type of each column.</summary>
    internal async Task<SqlResult> RunAsync(string sql, SqlQueryOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SqlQueryOptions();
        CheckName(options.Save, "--save");
        await gate.WaitAsync(cancellationToken);
        try
        {
            var (composed, prefixLines) = SqlText.Compose(sql, options.With.Select(w => (w, Saved(w))).ToList());
            var text = SqlText.Parse(sql, composed, prefixLines);
            var values = text.Parameters.Select(p => Value(p, options.Parameters)).ToList();
            List<(string Schema, string Table)> created;
            try
            {
                created = await PrepareAsync(text, options.Frames, cancellationToken);
            }
            catch (DuckDBException e)
            {
                // Setting up a table failed in DuckDB (a DataFrame's column it cannot hold): its message, without a stack trace.
                throw new DevEndpointException(e.Message.Trim(), e);
            }

            try
            {
                var result = Execute(text, values, options.Limit, options.Strings, cancellationToken);
                if (options.Save is { } name)
                {
                    saved[name] = TrailingSemicolons().Replace(composed, string.Empty);
                }

                return result;
            }
            finally
            {
                Drop(created);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private SqlResult Execute(SqlText text, List<object?> values, long? limit, StringStorage strings, CancellationToken cancellationToken)
    {
        if (ChunkResults.TryRead(connection, text.Text, values, limit, strings, cancellationToken) is { } chunked)
        {
            return chunked;
        }

        using var command = connection.CreateCommand();
        command.CommandText = text.Text;
        foreach (var value in values)
        {
            command.Parameters.Add(new DuckDBParameter(value ?? DBNull.Value));
        }

        using var cancel = cancellationToken.Register(command.Cancel);
        try
        {
            using var reader = command.ExecuteReader();
            var result = ResultFrames.Read(reader, limit, cancellationToken);
            while (reader.NextResult())
            {
                result = ResultFrames.Read(reader, limit, cancellationToken);
            }

            return strings == StringStorage.Dotnet ? result : result with { Frame = ResultFrames.Store(result.Frame, strings) };
        }
        catch (DuckDBException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw SqlErrors.From(e, text);
        }
    }

    private string Saved(string name)
    {
        if (saved.TryGetValue(name, out var query))
        {
            return query;
        }

        throw new DevEndpointException(saved.Count == 0
            ? $"There is no saved query '{name}': no query is saved in this session yet. Save one with --save {name}, then use it with --with {name}."
            : $"There is no saved query '{name}'. Saved queries: {string.Join(", ", saved.Keys.Order(StringComparer.Ordinal).Select(k => $"'{k}'"))}.");
    }

    private static object? Value(string name, IReadOnlyDictionary<string, object?> parameters)
    {
        if (!parameters.TryGetValue(name, out var value))
        {
            throw new DevEndpointException(
                $"The query's {{{{{name}}}}} has no value. Give it one: a C# variable {name} in a notebook, --param {name}=<value> on the command line.");
        }

        return value switch
        {
            null or string or bool or sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal
                or DateTime or DateOnly or TimeOnly or DateTimeOffset or TimeSpan or Guid => value,
            _ => throw new DevEndpointException(
                $"The query's {{{{{name}}}}} is a {value.GetType().Name}, which a query parameter cannot hold: give it a number, text, boolean, date or time."),
        };
    }

    /// <summary>The error for a name of a saved query that is not a SQL identifier, or none.</summary>
    private static void CheckName(string? name, string option)
    {
        if (name is not null && !Identifier().IsMatch(name))
        {
            throw new DevEndpointException($"'{name}' is not a name {option} can take. Use letters, digits and underscores, starting with a letter.");
        }
    }

    public void Dispose()
    {
        connection.Dispose();
        gate.Dispose();
    }

    [GeneratedRegex(@"[\s;]+$")]
    private static partial Regex TrailingSemicolons();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
