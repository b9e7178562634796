namespace DevEndpoint.Commands;

/// <summary><c>#!profile</c> and <c>devendpoint profile</c>.</summary>
internal static class ProfileDescription
{
    /// <summary>A notebook also profiles a DataFrame variable, so it names the input <c>--source</c>; the command line takes a table.</summary>
    public static OptionDescription Source { get; } = new("--source", "A catalog table as <database>.<table>, or the C# variable of a DataFrame.")
    {
        Positional = true,
        Required = true,
        Fronts = Fronts.Magic,
    };

    public static OptionDescription Table { get; } = new("--table", "The table, as <database>.<table>.")
    {
        Positional = true,
        Required = true,
        Fronts = Fronts.Cli,
    };

    public static OptionDescription As { get; } = new("--as", "The C# variable that receives the profile (a TableProfile: Rows, DuplicateRows, Columns with each column's figures, Correlations).")
    {
        Fronts = Fronts.Magic,
    };

    public static OptionDescription Columns { get; } = new("--columns", "Comma-separated columns to profile (default: all); duplicate rows and correlations are then of these columns.");

    public static OptionDescription Sample { get; } = new("--sample", "Profile a random sample of this many rows (the same sample each time) instead of every row.") { Value = OptionValue.Number };

    public static OptionDescription Top { get; } = new("--top", "How many of the most frequent values to keep per column (default 10).") { Value = OptionValue.Number };

    public static OptionDescription Bins { get; } = new("--bins", "How many bins a histogram has (default 20).") { Value = OptionValue.Number };

    public static OptionDescription Html { get; } = new("--html", "Also write the profile as a self-contained HTML page (inline SVG charts, no script) to this file.") { Value = OptionValue.File };

    public static CommandDescription Command { get; } = new(
        "profile",
        "Profile a catalog table (in a notebook, also a DataFrame variable): per column its type, count, nulls, distinct values, min, max, mean, standard deviation, quantiles, top values, text lengths and a histogram or bar chart; rows, duplicate rows and a correlation heat map of the numeric columns.",
        [Source, Table, As, Columns, Sample, Top, Bins, Html, CommonOptions.Catalog, CommonOptions.Json]);
}
