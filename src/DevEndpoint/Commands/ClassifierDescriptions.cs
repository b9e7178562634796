using DevEndpoint.Classifiers;

namespace DevEndpoint.Commands;

/// <summary><c>#!classifier add|list|remove</c> and <c>devendpoint classifier add|list|remove</c>.</summary>
internal static class ClassifierDescriptions
{
    public static OptionDescription Type { get; } = new(ClassifierSettings.Type.Option, ClassifierSettings.Type.Description)
    {
        Required = true,
        Allowed = ["grok", "csv", "json", "xml"],
    };

    /// <summary>Every setting but <see cref="Type"/>, keyed by option name as <see cref="ClassifierSettings.Create"/> takes them.</summary>
    public static IReadOnlyList<OptionDescription> Settings { get; } = [.. ClassifierSettings.All.Select(s => s.Option == "--contains-header"
        ? new OptionDescription(s.Option, s.Description) { Allowed = ["present", "absent", "unknown"] }
        : new OptionDescription(s.Option, s.Description))];

    public static CommandDescription Group { get; } = new(
        "classifier",
        "Manage custom classifiers (grok, CSV, JSON path, XML row tag) that {front}crawl --classifier runs before the built-in ones.",
        []);

    public static CommandDescription Add { get; } = new(
        "classifier add",
        "Add a custom classifier to the catalog.",
        [new("--name", "The classifier's name: letters, digits, underscores, hyphens and dots.") { Positional = true, Required = true }, Type, .. Settings, CommonOptions.Catalog]);

    public static CommandDescription List { get; } = new("classifier list", "List the custom classifiers.", [CommonOptions.Catalog, CommonOptions.Json]);

    public static CommandDescription Remove { get; } = new(
        "classifier remove",
        "Remove a custom classifier from the catalog.",
        [new("--name", "The classifier to remove.") { Positional = true, Required = true }, CommonOptions.Catalog]);
}
