using System.Globalization;
using System.Text.RegularExpressions;

namespace DevEndpoint.Sources.Databases;

/// <summary>
/// How each engine's column types are catalogued as Hive types (the mapping tables are in docs/sources.md).
/// What has no exact Hive counterpart (arrays, JSON, intervals, times of day, UUIDs, enums) becomes <c>string</c>.
/// </summary>
internal static partial class DatabaseTypes
{
    /// <summary>The Hive type of a PostgreSQL type as <c>format_type</c> writes it (<c>numeric(10,2)</c>, <c>text[]</c>).</summary>
    public static string Postgres(string declared)
    {
        var type = declared.ToLowerInvariant();
        if (type.EndsWith("[]", StringComparison.Ordinal))
        {
            return "string";
        }

        if (type.StartsWith("numeric", StringComparison.Ordinal))
        {
            return Decimal(type);
        }

        return Unsized(type) switch
        {
            "smallint" => "smallint",
            "integer" => "int",
            "bigint" => "bigint",
            "real" => "float",
            "double precision" => "double",
            "boolean" => "boolean",
            "date" => "date",
            "timestamp without time zone" or "timestamp with time zone" => "timestamp",
            "bytea" => "binary",
            "money" => "decimal(19,2)",
            _ => "string",
        };
    }

    /// <summary>The Hive type of a MySQL/MariaDB column from <c>information_schema.COLUMNS</c>' DATA_TYPE and COLUMN_TYPE.</summary>
    public static string MySql(string dataType, string columnType)
    {
        var unsigned = columnType.Contains("unsigned", StringComparison.OrdinalIgnoreCase);
        return dataType.ToLowerInvariant() switch
        {
            "tinyint" when columnType.StartsWith("tinyint(1)", StringComparison.OrdinalIgnoreCase) => "boolean",
            "tinyint" => unsigned ? "smallint" : "tinyint",
            "smallint" => unsigned ? "int" : "smallint",
            "mediumint" => "int",
            "int" or "integer" => unsigned ? "bigint" : "int",
            "bigint" => unsigned ? "decimal(20,0)" : "bigint",
            "decimal" or "numeric" => Decimal(columnType.ToLowerInvariant()),
            "float" => "float",
            "double" or "real" => "double",
            "bit" => columnType.Equals("bit(1)", StringComparison.OrdinalIgnoreCase) ? "boolean" : "bigint",
            "year" => "int",
            "date" => "date",
            "datetime" or "timestamp" => "timestamp",
            "binary" or "varbinary" or "tinyblob" or "blob" or "mediumblob" or "longblob" => "binary",
            _ => "string",
        };
    }

    /// <summary>The Hive type of a SQLite column by its declared type, following SQLite's type affinity rules.</summary>
    public static string Sqlite(string declared)
    {
        var type = declared.ToUpperInvariant();
        return type switch
        {
            _ when type.StartsWith("BOOL", StringComparison.Ordinal) => "boolean",
            _ when type.Contains("INT", StringComparison.Ordinal) => "bigint",
            _ when type.Contains("CHAR", StringComparison.Ordinal) || type.Contains("CLOB", StringComparison.Ordinal) || type.Contains("TEXT", StringComparison.Ordinal) => "string",
            _ when type.Contains("BLOB", StringComparison.Ordinal) => "binary",
            _ when type.Contains("REAL", StringComparison.Ordinal) || type.Contains("FLOA", StringComparison.Ordinal) || type.Contains("DOUB", StringComparison.Ordinal) => "double",
            _ when type.StartsWith("DECIMAL(", StringComparison.Ordinal) || type.StartsWith("NUMERIC(", StringComparison.Ordinal) => Decimal(type.ToLowerInvariant()),
            "DATE" => "date",
            "DATETIME" or "TIMESTAMP" => "timestamp",
            "NUMERIC" or "DECIMAL" => "double",
            _ => "string",
        };
    }

    /// <summary><c>decimal(p,s)</c> for a precision Hive holds (38 digits), <c>string</c> beyond; unconstrained: <c>decimal(38,18)</c>.</summary>
    private static string Decimal(string type)
    {
        var match = PrecisionScale().Match(type);
        if (!match.Success)
        {
            return "decimal(38,18)";
        }

        var precision = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var scale = match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
        return precision <= 38 ? string.Create(CultureInfo.InvariantCulture, $"decimal({precision},{scale})") : "string";
    }

    /// <summary>A type without its size or precision: <c>timestamp(3) with time zone</c> is <c>timestamp with time zone</c>.</summary>
    private static string Unsized(string type) => Size().Replace(type, string.Empty);

    [GeneratedRegex(@"\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\)")]
    private static partial Regex PrecisionScale();

    [GeneratedRegex(@"\(\d+(?:,\d+)?\)")]
    private static partial Regex Size();
}
