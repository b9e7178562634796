using DuckDB.NET.Data;

namespace DevEndpoint.Tests.Loading.Parity;

/// <summary>DuckDB in process, in memory: the second reader loaded values are compared with.</summary>
internal static class DuckDb
{
    /// <summary>The rows of a query, each value as DuckDB.NET returns it (<c>null</c> for SQL NULL), and the result's column names.</summary>
    public static (IReadOnlyList<string> Names, List<object?[]> Rows) Query(string sql)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : Owned(reader.GetValue(i))).ToArray());
        }

        return (names, rows);
    }

    /// <summary>A value that outlives the reader: a BLOB is a stream over DuckDB's memory, so its bytes are copied.</summary>
    private static object Owned(object value)
    {
        if (value is not Stream stream)
        {
            return value;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>A path or text as a SQL string literal.</summary>
    public static string Literal(string text) => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'";
}
