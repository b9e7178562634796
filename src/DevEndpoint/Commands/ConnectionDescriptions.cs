using DevEndpoint.Catalog;
using DevEndpoint.Connections;

namespace DevEndpoint.Commands;

/// <summary><c>#!connection add|list|test|remove</c> and <c>devendpoint connection add|list|test|remove</c>.</summary>
internal static class ConnectionDescriptions
{
    public static OptionDescription Type { get; } = new(ConnectionSettings.Type.Option, ConnectionSettings.Type.Description)
    {
        Required = true,
        Allowed = ConnectionTypes.All,
    };

    public static OptionDescription Url { get; } = new(ConnectionSettings.Url.Option, ConnectionSettings.Url.Description) { Required = true };

    /// <summary>Every optional setting, keyed by option name as <see cref="ConnectionSettings.Create"/> takes them.</summary>
    public static IReadOnlyList<OptionDescription> Settings { get; } = [.. ConnectionSettings.All.Select(s => new OptionDescription(s.Option, s.Description))];

    public static CommandDescription Group { get; } = new(
        "connection",
        "Manage connections to databases (postgres, mysql, sqlite) and S3 endpoints; secrets stay in environment variables or credentials files.",
        []);

    public static CommandDescription Add { get; } = new(
        "connection add",
        "Add a connection to the catalog (without its secret).",
        [new("--name", "The connection's name: letters, digits, underscores, hyphens and dots.") { Positional = true, Required = true }, Type, Url, .. Settings, CommonOptions.Catalog]);

    public static CommandDescription List { get; } = new("connection list", "List the connections (never their secrets).", [CommonOptions.Catalog, CommonOptions.Json]);

    public static CommandDescription Test { get; } = new(
        "connection test",
        "Open a connection with its secret and report the server that answered.",
        [new("--name", "The connection to open.") { Positional = true, Required = true }, CommonOptions.Catalog]);

    public static CommandDescription Remove { get; } = new(
        "connection remove",
        "Remove a connection from the catalog.",
        [new("--name", "The connection to remove.") { Positional = true, Required = true }, CommonOptions.Catalog]);
}
