using DuckDB.NET.Data;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Sql;

/// <summary>Tables of the session's own, for work that reads the same rows several times (a profile): read once, kept until dropped.</summary>
public sealed partial class SqlSession
{
    /// <summary>
    /// Creates table <paramref name="table"/> (a quoted name) holding the rows of <paramref name="select"/>, whose catalog
    /// tables and DataFrames (<paramref name="frames"/>) are set up as for a query; it stays until <see cref="DropKept"/>.
    /// </summary>
    internal async Task KeepAsync(string table, string select, IReadOnlyDictionary<string, DataFrame> frames, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var text = SqlText.Parse(select, select, 0);
            List<(string Schema, string Table)> created;
            try
            {
                created = await PrepareAsync(text, frames, cancellationToken);
            }
            catch (DuckDBException e)
            {
                throw new DevEndpointException(e.Message.Trim(), e);
            }

            try
            {
                Execute($"CREATE OR REPLACE TABLE {table} AS {text.Text}");
            }
            catch (DuckDBException e)
            {
                throw SqlErrors.From(e, text);
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

    /// <summary>Drops a table <see cref="KeepAsync"/> made.</summary>
    internal void DropKept(string table)
    {
        gate.Wait();
        try
        {
            Execute($"DROP TABLE IF EXISTS {table}");
        }
        finally
        {
            gate.Release();
        }
    }
}
