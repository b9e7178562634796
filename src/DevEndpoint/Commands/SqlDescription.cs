namespace DevEndpoint.Commands;

/// <summary>
/// <c>#!sql</c> and <c>devendpoint sql</c>. A notebook's query is the rest of its cell and its result a DataFrame
/// variable; the command line takes the query as its argument and prints the result.
/// </summary>
internal static class SqlDescription
{
    /// <summary>The variable <c>#!sql</c> puts its result in when no <c>--as</c> is given.</summary>
    public const string DefaultVariable = "sql_result";

    public static OptionDescription Query { get; } = new("--query", "DuckDB SQL. Catalog tables are <database>.<table>, read where their files lie; {{name}} binds a value as a parameter.")
    {
        Positional = true,
        Required = true,
        Fronts = Fronts.Cli,
    };

    public static OptionDescription As { get; } = new("--as", $"The name of the C# variable that receives the result as a DataFrame (default {DefaultVariable}).")
    {
        Fronts = Fronts.Magic,
    };

    public static OptionDescription Save { get; } = new("--save", "Keep this query under a name for later queries of the session to use with --with (it runs too).")
    {
        Fronts = Fronts.Magic,
    };

    public static OptionDescription With { get; } = new("--with", "Saved queries (comma-separated) to put before the query as common table expressions, each named as it was saved.")
    {
        Fronts = Fronts.Magic,
    };

    public static OptionDescription Param { get; } = new("--param", "A value for {{name}} in the query, as name=value; it is bound as a query parameter, never pasted into the SQL text. Repeat for each name.")
    {
        Value = OptionValue.List,
        Fronts = Fronts.Cli,
    };

    public static OptionDescription Limit { get; } = new("--limit", "Keep at most this many rows of the result.") { Value = OptionValue.Number };

    public static OptionDescription Strings { get; } = new("--strings", "How the result's text columns are held: auto (default: per column, .NET strings where at least half of its first 2,048 values repeat, else UTF-8 bytes), dotnet (.NET strings, editable) or utf8 (UTF-8 bytes copied from DuckDB: faster and about half the memory for text that rarely repeats; read-only).")
    {
        Fronts = Fronts.Magic,
    };

    public static OptionDescription Json { get; } = new("--json", "Print the result as JSON: {\"Columns\":[{\"Name\":...,\"Type\":...}],\"Rows\":[[...],...]}.")
    {
        Value = OptionValue.Flag,
        Fronts = Fronts.Cli,
    };

    public static OptionDescription Csv { get; } = new("--csv", "Print the result as CSV (RFC 4180, a header row, empty for null).")
    {
        Value = OptionValue.Flag,
        Fronts = Fronts.Cli,
    };

    public static CommandDescription Command { get; } = new(
        "sql",
        "Run DuckDB SQL over the catalog's tables (<database>.<table>, read where their files lie): in a notebook the rest of the cell, also over the C# kernel's DataFrame variables, into a DataFrame variable; on the command line the query given, its result printed.",
        [Query, As, Save, With, Param, Limit, Strings, Json, Csv, CommonOptions.Catalog]);
}
