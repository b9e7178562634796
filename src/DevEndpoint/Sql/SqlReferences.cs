using System.Text.Json;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;

namespace DevEndpoint.Sql;

/// <summary>A table a query names: <c>schema.table</c> (a catalog table when the schema is a catalog database) or a bare name.</summary>
internal sealed record TableReference(string Schema, string Table, string Catalog);

/// <summary>
/// The tables a query names, found by DuckDB's own parser: <c>json_serialize_sql</c> gives the statement's tree, whose
/// <c>BASE_TABLE</c> nodes are the tables read and whose <c>cte_map</c> keys the names of its common table expressions.
/// DuckDB serializes SELECT statements only; for others (CREATE TABLE ... AS, INSERT, COPY) the names are found in the
/// text as <c>a.b</c>, which only a catalog database's name makes a catalog table.
/// </summary>
internal static partial class SqlReferences
{
    /// <summary>The tables the statements of <paramref name="sql"/> name, and the names of their common table expressions.</summary>
    public static (IReadOnlyList<TableReference> Tables, IReadOnlySet<string> CommonTables) Find(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        // DuckDB takes the text as a constant only, so it is a literal here (its quotes doubled).
        command.CommandText = $"SELECT json_serialize_sql({SqlText.Literal(sql)})";
        var json = (string)command.ExecuteScalar()!;
        using var tree = JsonDocument.Parse(json);
        var tables = new List<TableReference>();
        var ctes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (tree.RootElement.TryGetProperty("error", out var error) && error.GetBoolean())
        {
            return (Qualified(sql), ctes);
        }

        Walk(tree.RootElement, tables, ctes);
        return (tables, ctes);
    }

    private static void Walk(JsonElement node, List<TableReference> tables, HashSet<string> ctes)
    {
        if (node.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in node.EnumerateArray())
            {
                Walk(item, tables, ctes);
            }

            return;
        }

        if (node.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (node.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "BASE_TABLE")
        {
            tables.Add(new TableReference(Text(node, "schema_name"), Text(node, "table_name"), Text(node, "catalog_name")));
        }

        if (node.TryGetProperty("cte_map", out var map) && map.TryGetProperty("map", out var entries))
        {
            foreach (var entry in entries.EnumerateArray())
            {
                ctes.Add(entry.GetProperty("key").GetString()!);
            }
        }

        foreach (var property in node.EnumerateObject())
        {
            Walk(property.Value, tables, ctes);
        }
    }

    private static string Text(JsonElement node, string property) =>
        node.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;

    /// <summary>The <c>a.b</c> names of a statement DuckDB does not serialize, outside its strings and comments.</summary>
    private static List<TableReference> Qualified(string sql) =>
        QualifiedName().Matches(Code().Replace(sql, " "))
            .Select(m => new TableReference(Unquote(m.Groups["schema"].Value), Unquote(m.Groups["table"].Value), string.Empty))
            .ToList();

    private static string Unquote(string name) => name.StartsWith('"') ? name[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : name;

    [GeneratedRegex("""(?<![\w."])(?<schema>"(?:[^"]|"")+"|[A-Za-z_]\w*)\s*\.\s*(?<table>"(?:[^"]|"")+"|[A-Za-z_]\w*)(?![\w."(])""")]
    private static partial Regex QualifiedName();

    /// <summary>String literals and comments, which name no table.</summary>
    [GeneratedRegex(@"'(?:[^']|'')*'|--[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Code();
}
