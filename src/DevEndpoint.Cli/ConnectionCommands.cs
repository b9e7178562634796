using System.CommandLine;
using DevEndpoint.Catalog;
using DevEndpoint.Commands;
using DevEndpoint.Connections;

namespace DevEndpoint.Cli;

internal static class ConnectionCommands
{
    public static Command Create(TextWriter output)
    {
        var command = CliDescriptions.Command(ConnectionDescriptions.Group);
        command.Subcommands.Add(Add(output));
        command.Subcommands.Add(List(output));
        command.Subcommands.Add(Test(output));
        command.Subcommands.Add(Remove(output));
        return command;
    }

    private static Command Add(TextWriter output)
    {
        var name = CliDescriptions.Argument<string>(ConnectionDescriptions.Add.Options[0]);
        var type = CliDescriptions.Option<string>(ConnectionDescriptions.Type);
        var url = CliDescriptions.Option<string>(ConnectionDescriptions.Url);
        var settings = ConnectionDescriptions.Settings.Select(CliDescriptions.Option<string?>).ToList();
        var catalog = CliApp.CatalogOption();
        var command = CliDescriptions.Command(ConnectionDescriptions.Add, [name, type, url, .. settings, catalog]);
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
        var command = CliDescriptions.Command(ConnectionDescriptions.List, catalog, json);
        command.SetAction(parse =>
        {
            var connections = DataCatalog.Open(parse.GetValue(catalog)).GetConnections();
            if (parse.GetValue(json))
            {
                output.WriteLine(CliJson.Serialize(GlueResponses.Connections(connections)));
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
        var name = CliDescriptions.Argument<string>(ConnectionDescriptions.Test.Options[0]);
        var catalog = CliApp.CatalogOption();
        var command = CliDescriptions.Command(ConnectionDescriptions.Test, name, catalog);
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
        var name = CliDescriptions.Argument<string>(ConnectionDescriptions.Remove.Options[0]);
        var catalog = CliApp.CatalogOption();
        var command = CliDescriptions.Command(ConnectionDescriptions.Remove, name, catalog);
        command.SetAction(parse =>
        {
            DataCatalog.Open(parse.GetValue(catalog)).Update(u => u.DeleteConnection(parse.GetValue(name)!));
            output.WriteLine($"Removed connection '{parse.GetValue(name)}'.");
        });
        return command;
    }
}
