using System.CommandLine;
using DevEndpoint.Catalog;

namespace DevEndpoint.Cli;

/// <summary><c>catalog check</c> and <c>catalog backup</c>: is the catalog file sound, and a consistent copy of it.</summary>
internal static class CatalogHealthCommands
{
    public static Command Check(TextWriter output)
    {
        var catalog = CliApp.CatalogOption();
        var json = CliApp.JsonOption(glueShapes: false);
        var command = new Command(
            "check",
            "Check the catalog file without changing it: SQLite's integrity check and the catalog's own consistency. Exits 1 when it finds a problem.")
        { catalog, json };
        command.SetAction(parse =>
        {
            var check = DataCatalog.Check(parse.GetValue(catalog));
            if (parse.GetValue(json))
            {
                output.WriteLine(CliJson.Serialize(new CatalogCheckResponse(check)));
            }
            else if (check.IsSound)
            {
                output.WriteLine($"The catalog {check.Path} is sound: {check.Databases} database(s), {check.Tables} table(s), {check.Partitions} partition(s).");
            }
            else
            {
                output.WriteLine($"The catalog {check.Path} has {check.Problems.Count} problem(s):");
                foreach (var problem in check.Problems)
                {
                    output.WriteLine($"  {problem}");
                }

                output.WriteLine(check.LastGoodCopy is { } copy
                    ? $"The last good copy, kept before the last crawl committed, is {copy}: move the damaged file away and copy {copy} in its place."
                    : "No crawl kept a copy of it: restore it from a backup, or move it away and crawl again to rebuild it.");
            }

            return check.IsSound ? 0 : 1;
        });
        return command;
    }

    public static Command Backup(TextWriter output)
    {
        var to = new Option<string>("--to") { Description = "The file to write the copy to; it must not exist yet.", Required = true };
        var catalog = CliApp.CatalogOption();
        var command = new Command(
            "backup",
            "Copy the catalog to a new file with SQLite's online backup: a consistent copy, even while crawls write the catalog.")
        { to, catalog };
        command.SetAction(parse =>
        {
            var open = DataCatalog.OpenReadOnly(parse.GetValue(catalog));
            var target = Path.GetFullPath(parse.GetValue(to)!);
            open.Backup(target);
            output.WriteLine($"Copied the catalog {open.Path} to {target} ({new FileInfo(target).Length} bytes).");
        });
        return command;
    }
}
