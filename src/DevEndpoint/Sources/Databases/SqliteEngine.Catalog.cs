using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace DevEndpoint.Sources.Databases;

internal sealed partial class SqliteEngine
{
    public override IReadOnlyList<string> PathParts { get; } = ["schema", "table"];

    private protected override int QualifiedParts => 2;

    public override bool IsMissingTable(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 1 } && exception.Message.Contains("no such table", StringComparison.Ordinal);

    public override async Task<List<SourceTable>> ListTablesAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var schemas = new List<string>();
        await using (var list = Command(connection, "SELECT name FROM pragma_database_list WHERE name <> 'temp' ORDER BY seq"))
        {
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                schemas.Add(reader.GetString(0));
            }
        }

        var tables = new List<SourceTable>();
        foreach (var schema in schemas)
        {
            var found = new List<(string Name, bool View)>();
            await using (var command = Command(connection, $"SELECT name, type = 'view' FROM {Quote(schema)}.sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"))
            {
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    found.Add((reader.GetString(0), Flag(reader, 1)));
                }
            }

            foreach (var (name, view) in found)
            {
                long? rows = null;
                if (!view)
                {
                    await using var count = Command(connection, $"SELECT count(*) FROM {Quote(schema)}.{Quote(name)}");
                    rows = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
                }

                tables.Add(new SourceTable([schema, name], view, null, rows));
            }
        }

        return tables;
    }

    public override async Task<(List<SourceColumn> Columns, List<string> PrimaryKey)> DescribeAsync(DbConnection connection, SourceTable table, CancellationToken cancellationToken)
    {
        var columns = new List<SourceColumn>();
        var key = new List<(long Position, string Name)>();
        await using var command = Command(
            connection,
            "SELECT name, type, \"notnull\", pk FROM pragma_table_info(@table, @schema) ORDER BY cid",
            ("table", table.Path[1]),
            ("schema", table.Path[0]));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var name = reader.GetString(0);
            var declared = reader.GetString(1);
            columns.Add(new SourceColumn(name, declared, DatabaseTypes.Sqlite(declared), !Flag(reader, 2), null));
            if (Number(reader, 3) is { } position && position > 0)
            {
                key.Add((position, name));
            }
        }

        return (columns, key.OrderBy(k => k.Position).Select(k => k.Name).ToList());
    }

    public override string Server(string url) => $"sqlite://{new SqliteConnectionStringBuilder(url).DataSource}";
}
