using System.Data.Common;
using MySqlConnector;

namespace DevEndpoint.Sources.Databases;

internal sealed partial class MySqlEngine
{
    public override IReadOnlyList<string> PathParts { get; } = ["database", "table"];

    private protected override int QualifiedParts => 2;

    public override bool IsMissingTable(Exception exception) => exception is MySqlException { ErrorCode: MySqlErrorCode.NoSuchTable };

    public override async Task<List<SourceTable>> ListTablesAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, """
            SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE = 'VIEW', TABLE_COMMENT, TABLE_ROWS
            FROM information_schema.TABLES
            WHERE TABLE_SCHEMA NOT IN ('mysql', 'information_schema', 'performance_schema', 'sys')
            ORDER BY 1, 2
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tables = new List<SourceTable>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var view = Flag(reader, 2);
            var comment = Text(reader, 3);
            tables.Add(new SourceTable([reader.GetString(0), reader.GetString(1)], view, view && comment == "VIEW" ? null : comment, view ? null : Number(reader, 4)));
        }

        return tables;
    }

    public override async Task<(List<SourceColumn> Columns, List<string> PrimaryKey)> DescribeAsync(DbConnection connection, SourceTable table, CancellationToken cancellationToken)
    {
        var columns = new List<SourceColumn>();
        var key = new List<(long Position, string Name)>();
        await using var command = Command(
            connection,
            """
            SELECT c.COLUMN_NAME, c.DATA_TYPE, c.COLUMN_TYPE, c.IS_NULLABLE = 'YES', c.COLUMN_COMMENT, k.ORDINAL_POSITION
            FROM information_schema.COLUMNS c
            LEFT JOIN information_schema.KEY_COLUMN_USAGE k
              ON k.CONSTRAINT_NAME = 'PRIMARY' AND k.TABLE_SCHEMA = c.TABLE_SCHEMA AND k.TABLE_NAME = c.TABLE_NAME AND k.COLUMN_NAME = c.COLUMN_NAME
            WHERE c.TABLE_SCHEMA = @database AND c.TABLE_NAME = @table
            ORDER BY c.ORDINAL_POSITION
            """,
            ("database", table.Path[0]),
            ("table", table.Path[1]));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var name = reader.GetString(0);
            var columnType = reader.GetString(2);
            columns.Add(new SourceColumn(name, columnType, DatabaseTypes.MySql(reader.GetString(1), columnType), Flag(reader, 3), Text(reader, 4)));
            if (Number(reader, 5) is { } position)
            {
                key.Add((position, name));
            }
        }

        return (columns, key.OrderBy(k => k.Position).Select(k => k.Name).ToList());
    }

    public override string Server(string url) => $"mysql://{HostAndPort(new MySqlConnectionStringBuilder(url))}";
}
