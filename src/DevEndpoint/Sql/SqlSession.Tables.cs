using DevEndpoint.Catalog;
using DevEndpoint.Frames;
using DevEndpoint.Loading;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Sql;

/// <summary>
/// The tables a query names, set up before it runs: a catalog table as a view over its files (see <see cref="TableViews"/>),
/// or, where DuckDB cannot read it as catalogued, as a table filled from DevEndpoint's loader; a DataFrame as a table
/// filled from its columns. The filled tables are dropped after the query, so a later one never reads stale rows, except
/// loaded catalog tables whose version and files are unchanged, which the session keeps (see <see cref="KeepKey"/>).
/// </summary>
public sealed partial class SqlSession
{
    /// <summary>Schemas DuckDB has of its own, which are never catalog databases.</summary>
    private static readonly HashSet<string> DuckSchemas = new(StringComparer.OrdinalIgnoreCase) { "main", "temp", "information_schema", "pg_catalog" };

    private async Task<List<(string Schema, string Table)>> PrepareAsync(SqlText text, IReadOnlyDictionary<string, DataFrame> frames, CancellationToken cancellationToken)
    {
        var (tables, ctes) = SqlReferences.Find(connection, text.Text);
        var created = new List<(string Schema, string Table)>();
        try
        {
            var databases = Catalog.GetDatabases().Select(d => d.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var done = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var reference in tables.Where(t => t.Catalog.Length == 0))
            {
                if (!done.Add($"{reference.Schema}.{reference.Table}"))
                {
                    continue;
                }

                if (reference.Schema.Length > 0)
                {
                    if (databases.Contains(reference.Schema) || (!DuckSchemas.Contains(reference.Schema) && !SchemaExists(reference.Schema)))
                    {
                        await CatalogTableAsync(new TableName(TableName.Normalize(reference.Schema), TableName.Normalize(reference.Table)), created, cancellationToken);
                    }
                }
                else if (frames.FirstOrDefault(f => string.Equals(f.Key, reference.Table, StringComparison.OrdinalIgnoreCase)) is { Value: { } frame } named)
                {
                    FrameTables.Create(connection, "main", named.Key, frame);
                    created.Add(("main", named.Key));
                }
                else if (!ctes.Contains(reference.Table) && !TableExists(reference.Table))
                {
                    throw UnknownTable(reference.Table, frames.Keys);
                }
            }
        }
        catch
        {
            Drop(created);
            throw;
        }

        return created;
    }

    /// <summary>Sets up a catalog table: a view over its files, or a table its load fills (added to <paramref name="created"/>).</summary>
    private async Task CatalogTableAsync(TableName name, List<(string Schema, string Table)> created, CancellationToken cancellationToken)
    {
        var table = Catalog.GetTable(name);
        Execute($"CREATE SCHEMA IF NOT EXISTS {SqlText.Quote(name.Database)}");
        var qualified = $"{SqlText.Quote(name.Database)}.{SqlText.Quote(name.Table)}";
        if (TableViews.Select(Catalog, table) is { } select)
        {
            Forget(name);
            try
            {
                Execute($"CREATE OR REPLACE VIEW {qualified} AS {select}");
            }
            catch (DuckDB.NET.Data.DuckDBException e)
            {
                throw new DevEndpointException(
                    $"Table {name} cannot be read as the catalog describes it ({e.Message.Trim().Split('\n')[0].TrimEnd('.', '!')}). Crawl its folder again if its files changed.", e);
            }

            return;
        }

        var key = KeepKey(table);
        if (Kept(name, key))
        {
            return;
        }

        Forget(name);
        var loaded = await new TableLoader(Catalog).LoadAsync(name.ToString(), new LoadOptions { Strings = StringStorage.Dotnet }, cancellationToken);
        Execute($"DROP VIEW IF EXISTS {qualified}");
        var types = NestedColumns.Expand(table.AllColumns)
            .Where(c => c.Type == "date" || HiveTypes.ParseDecimal(c.Type) is not null)
            .ToDictionary(c => c.Name, c => TableViews.DuckType(c.Type));
        FrameTables.Create(connection, name.Database, name.Table, loaded.Frame, types);
        if (key is null)
        {
            created.Add((name.Database, name.Table));
        }
        else
        {
            kept[name] = key;
        }
    }

    private DevEndpointException UnknownTable(string name, IEnumerable<string> frames)
    {
        var tables = Catalog.GetDatabases().SelectMany(d => Catalog.GetTables(d.Name)).Select(t => $"{t.DatabaseName}.{t.Name}").ToList();
        var candidates = tables.Concat(frames).ToList();
        var closest = ClosestNames.Find(name, candidates).ToList();
        closest.AddRange(tables.Where(t => string.Equals(t[(t.IndexOf('.') + 1)..], name, StringComparison.OrdinalIgnoreCase) && !closest.Contains(t)));
        var hint = closest.Count > 0
            ? $" Did you mean {string.Join(", ", closest.Select(c => $"'{c}'"))}?"
            : " Name a catalog table as <database>.<table>, or a DataFrame variable by its name.";
        return new DevEndpointException($"Table '{name}' is neither a catalog table nor a DataFrame variable.{hint}");
    }

    private bool SchemaExists(string schema) => Exists("SELECT 1 FROM duckdb_schemas() WHERE lower(schema_name) = lower(?)", schema);

    private bool TableExists(string table) => Exists("SELECT 1 FROM information_schema.tables WHERE table_schema = 'main' AND lower(table_name) = lower(?)", table);

    private bool Exists(string sql, params string[] names)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter(name));
        }

        return command.ExecuteScalar() is not null;
    }

    private void Drop(List<(string Schema, string Table)> created)
    {
        foreach (var (schema, table) in created)
        {
            Execute($"DROP TABLE IF EXISTS {SqlText.Quote(schema)}.{SqlText.Quote(table)}");
        }
    }

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
