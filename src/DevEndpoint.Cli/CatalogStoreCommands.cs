using System.CommandLine;
using DevEndpoint.Catalog;
using DevEndpoint.Commands;

namespace DevEndpoint.Cli;

/// <summary><c>catalog copy</c>, <c>catalog grant</c>, <c>catalog revoke</c> and <c>catalog grants</c>.</summary>
internal static class CatalogStoreCommands
{
    public static Command Copy(TextWriter output)
    {
        var from = CliDescriptions.Option<string>(CatalogStoreDescriptions.Copy.Options[0]);
        var to = CliDescriptions.Option<string>(CatalogStoreDescriptions.Copy.Options[1]);
        var replace = CliDescriptions.Option<bool>(CatalogStoreDescriptions.Copy.Options[2]);
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

    public static Command Grant(TextWriter output)
    {
        var (database, role, read, write, catalog) = GrantOptions(CatalogStoreDescriptions.Grant);
        var command = CliDescriptions.Command(CatalogStoreDescriptions.Grant, database, role, read, write, catalog);
        command.SetAction(parse =>
        {
            var access = Access(parse.GetValue(read), parse.GetValue(write));
            var open = DataCatalog.Open(parse.GetValue(catalog));
            open.Grant(parse.GetValue(database)!, parse.GetValue(role)!, access);
            output.WriteLine($"Role '{parse.GetValue(role)}' may now {(access == DatabaseAccess.Write ? "read and write" : "read")} database '{TableName.Normalize(parse.GetValue(database)!)}' in the catalog {open.Path}.");
        });
        return command;
    }

    public static Command Revoke(TextWriter output)
    {
        var (database, role, read, write, catalog) = GrantOptions(CatalogStoreDescriptions.Revoke);
        var command = CliDescriptions.Command(CatalogStoreDescriptions.Revoke, database, role, read, write, catalog);
        command.SetAction(parse =>
        {
            var access = Access(parse.GetValue(read), parse.GetValue(write));
            var open = DataCatalog.Open(parse.GetValue(catalog));
            var name = TableName.Normalize(parse.GetValue(database)!);
            output.WriteLine(open.Revoke(name, parse.GetValue(role)!, access)
                ? $"Role '{parse.GetValue(role)}' {(access == DatabaseAccess.Write ? "may now only read" : "may no longer read or write")} database '{name}' in the catalog {open.Path}."
                : $"Role '{parse.GetValue(role)}' held no {(access == DatabaseAccess.Write ? "write grant" : "grant")} on database '{name}' in the catalog {open.Path}: nothing to take back.");
        });
        return command;
    }

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

    private static (Argument<string> Database, Option<string> Role, Option<bool> Read, Option<bool> Write, Option<string?> Catalog) GrantOptions(CommandDescription description) =>
        (CliDescriptions.Argument<string>(description.Options[0]),
            CliDescriptions.Option<string>(description.Options[1]),
            CliDescriptions.Option<bool>(description.Options[2]),
            CliDescriptions.Option<bool>(description.Options[3]),
            CliApp.CatalogOption());

    private static DatabaseAccess Access(bool read, bool write) => (read, write) switch
    {
        (true, false) => DatabaseAccess.Read,
        (false, true) => DatabaseAccess.Write,
        _ => throw new DevEndpointException("Say which access with exactly one of --read or --write."),
    };
}
