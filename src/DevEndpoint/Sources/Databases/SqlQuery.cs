using System.Data.Common;
using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.Loading;

namespace DevEndpoint.Sources.Databases;

/// <summary>
/// The conditions of a database read, as SQL text with parameters: column names quoted by the engine, every value a
/// parameter converted to its column's type. No value a user typed is ever pasted into the SQL text.
/// </summary>
internal sealed class SqlQuery(DatabaseEngine engine, TableName table, IReadOnlyList<Column> columns) : ISqlPredicateWriter
{
    private readonly List<(string Name, object Value)> parameters = [];

    public List<string> Conditions { get; } = [];

    public IReadOnlyList<(string Name, object Value)> Parameters => parameters;

    public string Where => Conditions.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", Conditions);

    /// <summary>A copy with the same conditions and parameters, to add a part's own conditions to.</summary>
    public SqlQuery Copy()
    {
        var copy = new SqlQuery(engine, table, columns);
        copy.Conditions.AddRange(Conditions);
        copy.parameters.AddRange(parameters);
        return copy;
    }

    public Column Find(string name, string role) =>
        columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)) ?? throw UnknownColumn(name, role);

    public string Column(string name) => engine.Quote(Find(name, "the predicate").Name);

    public string TextColumn(string name)
    {
        var column = Find(name, "the predicate");
        return engine.TextColumn(engine.Quote(column.Name), column.Parameters?.GetValueOrDefault(DatabaseCrawler.SourceTypeParameter));
    }

    public string Value(string? column, string literal) =>
        Add(column is null ? literal : Typed(Find(column, "the predicate"), literal, "in the predicate"));

    /// <summary>Adds a parameter and returns its placeholder.</summary>
    public string Add(object value)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"p{parameters.Count}");
        parameters.Add((name, value));
        return "@" + name;
    }

    /// <summary>Text converted to the type of <paramref name="column"/>, as the engine compares it.</summary>
    public object Typed(Column column, string text, string where)
    {
        var type = column.Type.ToLowerInvariant();
        var parsed = type switch
        {
            "tinyint" or "smallint" or "int" or "bigint" => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer) ? integer : null,
            "float" or "double" => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null,
            "boolean" => text.Trim().ToLowerInvariant() switch { "true" or "1" => true, "false" or "0" => false, _ => null },
            "date" or "timestamp" when engine is SqliteEngine => text,
            "date" => DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null,
            "timestamp" => DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var timestamp) ? timestamp : null,
            _ when HiveTypes.ParseDecimal(type) is not null => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var exact) ? exact : null,
            _ => (object)text,
        };
        return parsed ?? throw new DevEndpointException(
            $"The value '{text}' {where} is not a value of type {type} for column '{column.Name}' of {table}. Give a value of type {type}, for example {Example(type)}.");
    }

    private static string Example(string type) => type switch
    {
        "boolean" => "true",
        "date" => "'2024-01-31'",
        "timestamp" => "'2024-01-31 12:00:00'",
        "float" or "double" => "1.5",
        _ when HiveTypes.ParseDecimal(type) is not null => "12.50",
        _ => "42",
    };

    private DevEndpointException UnknownColumn(string name, string role)
    {
        var closest = ClosestNames.Find(name, columns.Select(c => c.Name));
        var hint = closest.Count > 0 ? $" Did you mean '{closest[0]}'?" : string.Empty;
        return new DevEndpointException($"Column '{name}' in {role} does not exist in {table}.{hint} Columns: {string.Join(", ", columns.Select(c => c.Name))}.");
    }

    public DbCommand Command(DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
