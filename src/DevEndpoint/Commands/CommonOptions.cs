using DevEndpoint.Catalog;

namespace DevEndpoint.Commands;

/// <summary>The options many commands take.</summary>
internal static class CommonOptions
{
    public static OptionDescription Catalog { get; } = new("--catalog", $"The catalog file (default: ${DataCatalog.PathVariable}, else ~/.devendpoint/catalog.db).")
    {
        Value = OptionValue.File,
    };

    /// <summary>
    /// A notebook shows tables and views; the command line prints text, or JSON for scripts: in the shape of Glue's response
    /// to the same request (checked against Glue's service model by the tests), with DevEndpoint's additions beside.
    /// </summary>
    public static OptionDescription Json { get; } = new("--json", "Print JSON in Glue's API shapes instead of text.")
    {
        Value = OptionValue.Flag,
        Fronts = Fronts.Cli,
    };

    /// <summary><c>--json</c> of a command Glue has no API for: JSON in DevEndpoint's own shape.</summary>
    public static OptionDescription JsonOwnShape { get; } = new("--json", "Print JSON instead of text (DevEndpoint's own shape: Glue's API has no such request).")
    {
        Value = OptionValue.Flag,
        Fronts = Fronts.Cli,
    };
}
