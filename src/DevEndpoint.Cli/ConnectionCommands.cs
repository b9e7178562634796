using System.CommandLine;
using DevEndpoint.Catalog;
using DevEndpoint.Connections;

namespace DevEndpoint.Cli;

internal static class ConnectionCommands
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("connection", "Manage connections to databases and S3 endpoints; their secrets stay in environment variables or credentials files.");
        command.Subcommands.Add(Add(output));
        command.Subcommands.Add(List(output));
        command.Subcommands.Add(Test(output));
        command.Subcommands.Add(Remove(output));
        return command;
    }

    private static Command Add(TextWriter output)
    {
        var name = new Argument<string>("name") { Description = "The connection's name: letters, digits, underscores, hyphens and dots." };
        var type = new Option<string>(ConnectionSettings.Type.Option) { Description = ConnectionSettings.Type.Description, Required = true };
        var url = new Option<string>(ConnectionSettings.Url.Option) { Description = ConnectionSettings.Url.Description, Required = true };
        var settings = ConnectionSettings.All.Select(s => new Option<string?>(s.Option) { Description = s.Description }).ToList();
        var catalog = CliApp.CatalogOption();
        var command = new Command("add", "Add a connection to the catalog (without its secret).") { name, type, url };
        settings.ForEach(command.Options.Add);
        command.Options.Add(catalog);
        command.SetAction(parse =>
        {
            var connection = ConnectionSettings.Create(parse.GetValue(name)!, parse.GetValue(type)!, parse.GetValue(url)!, settings.ToDictionary(s => s.Name, parse.GetValue));
            Connection? stored = null;
            DataCatalog.Open(parse.GetValue(catalog)).Update(u => stored = u.PutConnection(connection));
            output.WriteLine($"Added {stored!.Type} connection '{stored.Name}' ({stored.Url}; secret from {stored.SecretSource}).");
        });
        return command;
    }

    private static Command List(TextWriter output)
    {
        var catalog = CliApp.CatalogOption();
        var json = CliApp.JsonOption();
        var command = new Command("list", "List the connections (never their secrets).") { catalog, json };
        command.SetAction(parse =>
        {
            var connections = DataCatalog.Open(parse.GetValue(catalog)).GetConnections();
            if (parse.GetValue(json))
            {
                output.WriteLine(CatalogJson.Serialize(new { Connections = connections }, indented: true));
            }
            else
            {
                TextTable.Write(output, ConnectionSettings.Header, connections.Select(ConnectionSettings.Row));
            }
        });
        return command;
    }

    private static Command Test(TextWriter output)
    {
        var name = new Argument<string>("name") { Description = "The connection to open." };
        var catalog = CliApp.CatalogOption();
        var command = new Command("test", "Open a connection with its secret and report the server that answered.") { name, catalog };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var connection = DataCatalog.Open(parse.GetValue(catalog)).GetConnection(parse.GetValue(name)!);
            var check = await ConnectionTester.TestAsync(connection, cancellationToken);
            await output.WriteLineAsync(check.ToString());
        });
        return command;
    }

    private static Command Remove(TextWriter output)
    {
        var name = new Argument<string>("name") { Description = "The connection to remove." };
        var catalog = CliApp.CatalogOption();
        var command = new Command("remove", "Remove a connection from the catalog.") { name, catalog };
        command.SetAction(parse =>
        {
            DataCatalog.Open(parse.GetValue(catalog)).Update(u => u.DeleteConnection(parse.GetValue(name)!));
            output.WriteLine($"Removed connection '{parse.GetValue(name)}'.");
        });
        return command;
    }
}
