namespace DevEndpoint.Catalog.Internals;

/// <summary>
/// The checks the catalog runs before it stores a definition whose meaning lives in a higher area: a custom classifier's
/// pattern (Classifiers) and a database connection string (its provider, in Sources.Databases). Those areas register their
/// checks when the assembly loads, so the catalog names none of them.
/// </summary>
internal static class DefinitionChecks
{
    private static readonly Dictionary<string, Action<Connection>> ConnectionStrings = new(StringComparer.Ordinal);

    private static Action<CustomClassifier>? classifier;

    public static void RegisterClassifierCheck(Action<CustomClassifier> check) => classifier = check;

    public static void RegisterConnectionStringCheck(string type, Action<Connection> check) => ConnectionStrings[type] = check;

    public static void CheckClassifier(CustomClassifier definition) =>
        (classifier ?? throw new InvalidOperationException("No check of custom classifiers is registered."))(definition);

    public static void CheckConnectionString(Connection connection)
    {
        if (ConnectionStrings.TryGetValue(connection.Type, out var check))
        {
            check(connection);
        }
    }
}
