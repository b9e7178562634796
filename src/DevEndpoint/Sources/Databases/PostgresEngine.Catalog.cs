using System.Data.Common;
using Npgsql;

namespace DevEndpoint.Sources.Databases;

internal sealed partial class PostgresEngine
{
    public override IReadOnlyList<string> PathParts { get; } = ["database", "schema", "table"];

    private protected override int QualifiedParts => 2;

    public override string TextColumn(string quoted, string? sourceType) =>
        sourceType is not null && (sourceType.StartsWith("text", StringComparison.Ordinal) || sourceType.StartsWith("character", StringComparison.Ordinal))
            ? quoted
            : $"CAST({quoted} AS text)";

    public override bool IsMissingTable(Exception exception) => exception is PostgresException { SqlState: "42P01" };

    public override string UrlFor(string url, IReadOnlyList<string> path) =>
        new NpgsqlConnectionStringBuilder(url) { Database = path[0] }.ConnectionString;

    public override async Task<List<SourceTable>> ListTablesAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, """
            SELECT current_database(), n.nspname, c.relname, c.relkind IN ('v', 'm'), obj_description(c.oid, 'pg_class'),
                   CASE WHEN c.relkind IN ('r', 'm') AND c.reltuples >= 0 THEN c.reltuples::bigint END
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition
              AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp%'
            ORDER BY 2, 3
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tables = new List<SourceTable>();
        while (await reader.ReadAsync(cancellationToken))
        {
            tables.Add(new SourceTable([reader.GetString(0), reader.GetString(1), reader.GetString(2)], reader.GetBoolean(3), Text(reader, 4), Number(reader, 5)));
        }

        return tables;
    }

    public override async Task<(List<SourceColumn> Columns, List<string> PrimaryKey)> DescribeAsync(DbConnection connection, SourceTable table, CancellationToken cancellationToken)
    {
        var columns = new List<SourceColumn>();
        await using (var command = Command(
            connection,
            """
            SELECT a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull, col_description(a.attrelid, a.attnum)
            FROM pg_attribute a
            WHERE a.attrelid = (SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = @schema AND c.relname = @table)
              AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attnum
            """,
            ("schema", table.Path[1]),
            ("table", table.Path[2])))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var declared = reader.GetString(1);
                columns.Add(new SourceColumn(reader.GetString(0), declared, DatabaseTypes.Postgres(declared), reader.GetBoolean(2), Text(reader, 3)));
            }
        }

        var key = new List<string>();
        await using (var command = Command(
            connection,
            """
            SELECT a.attname
            FROM pg_index i
            JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position)
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
            WHERE n.nspname = @schema AND c.relname = @table AND i.indisprimary
            ORDER BY k.position
            """,
            ("schema", table.Path[1]),
            ("table", table.Path[2])))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                key.Add(reader.GetString(0));
            }
        }

        return (columns, key);
    }

    public override string Server(string url)
    {
        var builder = new NpgsqlConnectionStringBuilder(url);
        return $"postgresql://{builder.Host ?? "localhost"}:{builder.Port}";
    }
}
