namespace DevEndpoint.Catalog.Internals;

/// <summary>
/// How a catalog named by a <c>postgres</c> connection logs in: the user and password the connection's secret source
/// gives. Connections (a higher area) registers the lookup when the assembly loads, so the catalog names no secret store.
/// </summary>
internal static class CatalogLogins
{
    private static Func<Connection, (string? User, string? Password)>? login;

    public static void Register(Func<Connection, (string? User, string? Password)> lookup) => login = lookup;

    public static (string? User, string? Password) Login(Connection connection) =>
        (login ?? throw new InvalidOperationException("No connection login is registered."))(connection);
}
