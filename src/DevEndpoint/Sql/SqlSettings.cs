namespace DevEndpoint.Sql;

/// <summary>One option of <c>sql</c>: its name and help text, shared by the command line and the magic.</summary>
public sealed record SqlSetting(string Option, string Description);

/// <summary>The options of <c>#!sql</c> and <c>devendpoint sql</c>.</summary>
public static class SqlSettings
{
    /// <summary>The variable <c>#!sql</c> puts its result in when no <c>--as</c> is given.</summary>
    public const string DefaultVariable = "sql_result";

    public static SqlSetting As { get; } = new(
        "--as",
        $"The name of the C# variable that receives the result as a DataFrame (default {DefaultVariable}).");

    public static SqlSetting Save { get; } = new(
        "--save",
        "Keep this query under a name for later queries of the session to use with --with (it runs too).");

    public static SqlSetting With { get; } = new(
        "--with",
        "Saved queries (comma-separated) to put before the query as common table expressions, each named as it was saved.");

    public static SqlSetting Limit { get; } = new(
        "--limit",
        "Keep at most this many rows of the result.");

    public static SqlSetting Param { get; } = new(
        "--param",
        "A value for {{name}} in the query, as name=value; it is bound as a query parameter, never pasted into the SQL text. Repeat for each name.");

    public static SqlSetting Csv { get; } = new(
        "--csv",
        "Print the result as CSV (RFC 4180, a header row, empty for null).");

    public static SqlSetting Json { get; } = new(
        "--json",
        "Print the result as JSON: {\"Columns\":[{\"Name\":...,\"Type\":...}],\"Rows\":[[...],...]}.");

    /// <summary>The help text of the query itself.</summary>
    public const string QueryDescription =
        "DuckDB SQL. Catalog tables are <database>.<table>, read where their files lie; {{name}} binds a value as a parameter.";
}
