using System.CommandLine;
using DevEndpoint.Catalog;
using DevEndpoint.Commands;

namespace DevEndpoint.Cli;

/// <summary><c>catalog copy</c>, <c>catalog grant</c>, <c>catalog revoke</c> and <c>catalog grants</c>.</summary>
internal static class CatalogStoreCommands
{
    public static Command Copy(TextWriter output)
    {
        var from = CliDescriptions.Option<string>(CatalogStoreDescriptions.Copy["--from"]);
        var to = CliDescriptions.Option<string>(CatalogStoreDescriptions.Copy["--to"]);
        var replace = CliDescriptions.Option<bool>(CatalogStoreDescriptions.Copy["--replace"]);
        var command = CliDescriptions.Command(CatalogStoreDescriptions.Copy, from, to, replace);
        command.SetAction(parse =>
        {
            var source = DataCatalog.OpenReadOnly(parse.GetValue(from));
            var target = DataCatalog.Open(parse.GetValue(to));
            var rows = source.CopyTo(target, parse.GetValue(replace));
            output.WriteLine($"Copied the catalog {source.Path} to {target.Path}: {rows} row(s).");
        });
        return command;
    }

    public static Command Grant(TextWriter output) => AccessCommand(CatalogStoreDescriptions.Grant, output, (catalog, database, role, access) =>
    {
        catalog.Grant(database, role, access);
        return $"Role '{role}' may now {(access == DatabaseAccess.Write ? "read and write" : "read")} database '{database}' in the catalog {catalog.Path}.";
    });

    public static Command Revoke(TextWriter output) => AccessCommand(CatalogStoreDescriptions.Revoke, output, (catalog, database, role, access) =>
        catalog.Revoke(database, role, access)
            ? $"Role '{role}' {(access == DatabaseAccess.Write ? "may now only read" : "may no longer read or write")} database '{database}' in the catalog {catalog.Path}."
            : $"Role '{role}' held no {(access == DatabaseAccess.Write ? "write grant" : "grant")} on database '{database}' in the catalog {catalog.Path}: nothing to take back.");

    public static Command Grants(TextWriter output)
    {
        var catalog = CliApp.CatalogOption();
        var command = CliDescriptions.Command(CatalogStoreDescriptions.Grants, catalog);
        command.SetAction(parse =>
        {
            var grants = DataCatalog.Open(parse.GetValue(catalog)).GetGrants();
            TextTable.Write(output, ["database", "role", "access"], grants.Select(g => new[] { g.Database, g.Role, g.Access == DatabaseAccess.Write ? "write" : "read" }));
        });
        return command;
    }

    /// <summary>
    /// <c>catalog grant</c> or <c>catalog revoke</c>: a database, a role, one of <c>--read</c>/<c>--write</c> and the catalog;
    /// <paramref name="change"/> changes the grant (given the normalized database name) and says what it did.
    /// </summary>
    private static Command AccessCommand(CommandDescription description, TextWriter output, Func<DataCatalog, string, string, DatabaseAccess, string> change)
    {
        var database = CliDescriptions.Argument<string>(description["--database"]);
        var role = CliDescriptions.Option<string>(description["--role"]);
        var read = CliDescriptions.Option<bool>(description["--read"]);
        var write = CliDescriptions.Option<bool>(description["--write"]);
        var catalog = CliApp.CatalogOption();
        var command = CliDescriptions.Command(description, database, role, read, write, catalog);
        command.SetAction(parse =>
        {
            var access = Access(parse.GetValue(read), parse.GetValue(write));
            var open = DataCatalog.Open(parse.GetValue(catalog));
            output.WriteLine(change(open, TableName.Normalize(parse.GetValue(database)!), parse.GetValue(role)!, access));
        });
        return command;
    }

    private static DatabaseAccess Access(bool read, bool write) => (read, write) switch
    {
        (true, false) => DatabaseAccess.Read,
        (false, true) => DatabaseAccess.Write,
        _ => throw new DevEndpointException("Say which access with exactly one of --read or --write."),
    };
}
