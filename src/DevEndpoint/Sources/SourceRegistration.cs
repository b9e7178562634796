using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using DevEndpoint.Catalog;
using DevEndpoint.Catalog.Internals;
using DevEndpoint.Connections;
using DevEndpoint.Loading;
using DevEndpoint.Sources.Databases;

namespace DevEndpoint.Sources;

/// <summary>
/// The databases register with the core when the assembly loads: the catalog checks their connection strings with the
/// provider's own parser, <c>connection test</c> logs in to them, and the loader hands them the tables a database crawl
/// wrote. The core names no source, and no caller has to remember to register one.
/// </summary>
internal static class SourceRegistration
{
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "The core's own sources register with its lower layers once, before any of them is used.")]
    internal static void Register()
    {
        var tester = new DatabaseConnectionTester();
        foreach (var type in ConnectionTypes.All.Where(ConnectionTypes.IsDatabase))
        {
            DefinitionChecks.RegisterConnectionStringCheck(type, CheckConnectionString);
            ConnectionTester.Register(type, tester);
        }

        TableSources.Register(new DatabaseTables());
        CatalogLogins.Register(connection => ConnectionSecrets.Login(connection) is var login ? (login.User, login.Password) : default);
    }

    private static void CheckConnectionString(Connection connection)
    {
        try
        {
            DatabaseEngine.For(connection).Target(connection.Url);
        }
        catch (ArgumentException e)
        {
            throw ConnectionErrors.Invalid(connection.Name, $"--url has a setting the {connection.Type} provider does not take ({SecretMask.Apply(e.Message).TrimEnd('.')}). Check the key names, for example Host, Port, Database for postgres and Server, Port, Database for mysql.");
        }
    }

    private sealed class DatabaseTables : ITableSource
    {
        public bool Reads(CatalogTable table) => DatabaseLoader.Reads(table);

        public Task<LoadResult> LoadAsync(DataCatalog catalog, TableName name, CatalogTable table, LoadOptions options, CancellationToken cancellationToken) =>
            DatabaseLoader.LoadAsync(catalog, name, table, options, cancellationToken);
    }
}
