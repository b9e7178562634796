using DevEndpoint.Catalog;

namespace DevEndpoint.Commands;

/// <summary>The options many commands take.</summary>
internal static class CommonOptions
{
    public static OptionDescription Catalog { get; } = new("--catalog", $"The catalog file (default: ${DataCatalog.PathVariable}, else ~/.devendpoint/catalog.db).")
    {
        Value = OptionValue.File,
    };

    /// <summary>A notebook shows tables and views; the command line prints text, or JSON for scripts.</summary>
    public static OptionDescription Json { get; } = new("--json", "Print JSON in Glue's API shapes instead of text.")
    {
        Value = OptionValue.Flag,
        Fronts = Fronts.Cli,
    };
}
