using System.CommandLine;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;

namespace DevEndpoint.Cli;

internal static class CatalogCommands
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("catalog", "Browse the catalog: databases, tables, a table's definition, its partitions, its earlier versions and the crawl history.");
        command.Subcommands.Add(Databases(output));
        command.Subcommands.Add(Tables(output));
        command.Subcommands.Add(Table(output));
        command.Subcommands.Add(Partitions(output));
        command.Subcommands.Add(Versions(output));
        command.Subcommands.Add(CrawlRunsCommand.Create(output));
        command.Subcommands.Add(CatalogHealthCommands.Check(output));
        command.Subcommands.Add(CatalogHealthCommands.Backup(output));
        command.Subcommands.Add(CatalogStoreCommands.Copy(output));
        command.Subcommands.Add(CatalogStoreCommands.Grant(output));
        command.Subcommands.Add(CatalogStoreCommands.Revoke(output));
        command.Subcommands.Add(CatalogStoreCommands.Grants(output));
        return command;
    }

    private static Command Databases(TextWriter output)
    {
        var catalog = CliApp.CatalogOption();
        var json = CliApp.JsonOption();
        var command = new Command("databases", "List the databases.") { catalog, json };
        command.SetAction(parse =>
        {
            var databases = DataCatalog.Open(parse.GetValue(catalog)).GetDatabases();
            if (parse.GetValue(json))
            {
                output.WriteLine(CliJson.Serialize(new DatabaseListResponse(databases)));
            }
            else
            {
                TextTable.Write(output, ["database", "location", "created"], databases.Select(d => new[] { d.Name, d.LocationUri ?? string.Empty, d.CreateTime.ToString("u") }));
            }
        });
        return command;
    }

    private static Command Tables(TextWriter output)
    {
        var database = new Argument<string>("database") { Description = "The database whose tables to list." };
        var catalog = CliApp.CatalogOption();
        var json = CliApp.JsonOption();
        var command = new Command("tables", "List the tables of a database.") { database, catalog, json };
        command.SetAction(parse =>
        {
            var tables = DataCatalog.Open(parse.GetValue(catalog)).GetTables(parse.GetValue(database)!);
            if (parse.GetValue(json))
            {
                output.WriteLine(CliJson.Serialize(new TableListResponse(tables.Select(t => GlueLimits.Fit(t).Table))));
            }
            else
            {
                TextTable.Write(
                    output,
                    ["table", "classification", "columns", "partition keys", "records", "files", "location"],
                    tables.Select(t => new[]
                    {
                        t.Name,
                        t.Parameter("classification") ?? string.Empty,
                        $"{t.StorageDescriptor.Columns.Count}",
                        string.Join(",", t.PartitionKeys.Select(k => k.Name)),
                        t.Parameter("recordCount") ?? string.Empty,
                        TableFiles.Summary(t),
                        t.StorageDescriptor.Location ?? string.Empty,
                    }));
            }
        });
        return command;
    }

    private static Command Table(TextWriter output)
    {
        var name = new Argument<string>("table") { Description = "The table, as <database>.<table>." };
        var catalog = CliApp.CatalogOption();
        var json = CliApp.JsonOption();
        var command = new Command("table", "Show a table's definition: columns, partition keys, storage and parameters.") { name, catalog, json };
        command.SetAction(parse =>
        {
            var table = DataCatalog.Open(parse.GetValue(catalog)).GetTable(TableName.Parse(parse.GetValue(name)!));
            if (parse.GetValue(json))
            {
                output.WriteLine(CliJson.Serialize(new TableResponse(GlueLimits.Fit(table).Table)));
                return;
            }

            output.WriteLine($"{table.DatabaseName}.{table.Name} (version {table.VersionId}, {table.Parameter("classification")}) at {table.StorageDescriptor.Location}");
            TextTable.Write(
                output,
                ["column", "type", "partition key"],
                table.StorageDescriptor.Columns.Select(c => new[] { c.Name, c.DisplayType, string.Empty })
                    .Concat(table.PartitionKeys.Select(c => new[] { c.Name, c.Type, "yes" })));
            output.WriteLine("Parameters:");
            foreach (var (key, value) in table.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                output.WriteLine($"  {key} = {value}");
            }
        });
        return command;
    }

    private static Command Partitions(TextWriter output)
    {
        var name = new Argument<string>("table") { Description = "The table, as <database>.<table>." };
        var catalog = CliApp.CatalogOption();
        var json = CliApp.JsonOption();
        var command = new Command("partitions", "List a table's partitions.") { name, catalog, json };
        command.SetAction(parse =>
        {
            var tableName = TableName.Parse(parse.GetValue(name)!);
            var open = DataCatalog.Open(parse.GetValue(catalog));
            var partitions = open.GetPartitions(tableName);
            if (parse.GetValue(json))
            {
                output.WriteLine(CliJson.Serialize(new PartitionsResponse(partitions)));
                return;
            }

            var keys = open.GetTable(tableName).PartitionKeys.Select(k => k.Name).ToList();
            TextTable.Write(
                output,
                [.. keys, "records", "files", "location"],
                partitions.Select(p => p.Values.Concat([
                    p.Parameters.GetValueOrDefault("recordCount") ?? string.Empty,
                    p.Parameters.GetValueOrDefault("objectCount") ?? string.Empty,
                    p.StorageDescriptor.Location ?? string.Empty]).ToList()));
        });
        return command;
    }

    private static Command Versions(TextWriter output)
    {
        var name = new Argument<string>("table") { Description = "The table, as <database>.<table>." };
        var catalog = CliApp.CatalogOption();
        var json = CliApp.JsonOption();
        var command = new Command("versions", "List a table's versions, newest first: the current definition and those each update replaced.") { name, catalog, json };
        command.SetAction(parse =>
        {
            var versions = DataCatalog.Open(parse.GetValue(catalog)).GetTableVersions(TableName.Parse(parse.GetValue(name)!));
            if (parse.GetValue(json))
            {
                output.WriteLine(CliJson.Serialize(new TableVersionsResponse(versions.Select(v => v with { Table = GlueLimits.Fit(v.Table).Table }))));
                return;
            }

            TextTable.Write(
                output,
                ["version", "updated", "columns", "partition keys"],
                versions.Select(v => new[]
                {
                    v.VersionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    v.Table.UpdateTime.ToString("u", System.Globalization.CultureInfo.InvariantCulture),
                    string.Join(",", v.Table.StorageDescriptor.Columns.Select(c => c.Name)),
                    string.Join(",", v.Table.PartitionKeys.Select(k => k.Name)),
                }));
        });
        return command;
    }
}
