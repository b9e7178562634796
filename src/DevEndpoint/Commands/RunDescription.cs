using DevEndpoint.Catalog;

namespace DevEndpoint.Commands;

/// <summary><c>devendpoint run</c>: the command line only (a notebook runs its own cells).</summary>
internal static class RunDescription
{
    public const string ExitCodes = """
        Exit codes:
          0  every code cell ran
          1  a cell failed (stderr names it: its number in the file and first line, and the error), or the kernel
             extension or --libraries did not load
          2  the command line is wrong: an unknown option, or a --param that the parameters cell does not declare or
             whose value is not of the declared type
          3  the notebook cannot be read (missing, not .ipynb or .dib, not nbformat 4), or --output cannot be written
        """;

    public static OptionDescription Notebook { get; } = new("--notebook", "The notebook: a Jupyter notebook (.ipynb, nbformat 4) or a Polyglot Notebooks file (.dib).")
    {
        Positional = true,
        Required = true,
        Value = OptionValue.File,
    };

    public static OptionDescription Param { get; } = new("--param", "name=value: assigns value to the variable 'name' of the cell tagged 'parameters' (in a .dib, the C# cell whose first line is '// parameters'), in a cell tagged 'injected-parameters' added after it. The value is parsed as the variable's type: int, long, double, bool or string (var takes its literal's type); other types, and names the cell does not declare, are refused. Repeat for each parameter.")
    {
        Value = OptionValue.List,
    };

    public static OptionDescription Libraries { get; } = new("--libraries", "Script libraries to attach before the first cell, as #!attach-library does: .cs, .zip, .dll or .nupkg files, or nuget:<id>,<version>; comma-separated or repeated.")
    {
        Value = OptionValue.List,
    };

    public static OptionDescription Catalog { get; } = new("--catalog", $"The catalog file the notebook's magics and DataCatalog.Open() use (sets ${DataCatalog.PathVariable}; default: ${DataCatalog.PathVariable}, else ~/.devendpoint/catalog.db).")
    {
        Value = OptionValue.File,
    };

    public static OptionDescription Output { get; } = new("--output", "Write the executed notebook, with every cell's outputs, to this .ipynb file (also when a cell fails).")
    {
        Value = OptionValue.File,
    };

    public static CommandDescription Command { get; } = new(
        "run",
        "Run a notebook as a job: execute its code cells in order on a C# kernel with the DevEndpoint magics, with the notebook's folder as the working directory, printing their outputs as they come; stop at the first failing cell.\n\n" + ExitCodes,
        [Notebook, Param, Libraries, Catalog, Output])
    {
        Fronts = Fronts.Cli,
    };
}
