using System.Runtime.Versioning;

namespace DevEndpoint.Cli.Tests;

public sealed class CatalogFileCommandTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private string CatalogPath => temp.Combine("catalog", "catalog.db");

    [Theory]
    [InlineData("truncated", "is damaged", "database disk image is malformed")]
    [InlineData("random bytes", "is damaged or is not a catalog file", "file is not a database")]
    [InlineData("text", "is damaged or is not a catalog file", "file is not a database")]
    public async Task Catalog_databases_on_a_damaged_file_prints_one_line_naming_it_and_exits_1(string damage, string what, string found)
    {
        Directory.CreateDirectory(temp.Combine("catalog"));
        if (damage == "truncated")
        {
            await CrawlAsync();
            var bytes = await File.ReadAllBytesAsync(CatalogPath);
            await File.WriteAllBytesAsync(CatalogPath, bytes[..(bytes.Length / 2)]);
            File.Delete(CatalogPath + ".bak");
        }
        else
        {
            await File.WriteAllBytesAsync(CatalogPath, damage == "text" ? "region,sales\nnorth,12\n"u8.ToArray() : Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251)).ToArray());
        }

        var result = await DevEndpointCommand.RunAsync("catalog", "databases", "--catalog", CatalogPath);

        Assert.Equal(
            (1, string.Empty, $"error: The catalog at {CatalogPath} {what}: SQLite found \"{found}\". No good copy of it was kept (each crawl keeps one at {CatalogPath}.bak): restore it from a backup (devendpoint catalog backup makes one), or move it away and crawl again to rebuild it. 'devendpoint catalog check --catalog {CatalogPath}' reports what is wrong.\n"),
            (result.ExitCode, result.Output, result.Error));
    }

    [Fact]
    public async Task Catalog_check_of_a_sound_catalog_prints_its_counts_and_exits_0()
    {
        await CrawlAsync();

        var result = await DevEndpointCommand.RunAsync("catalog", "check", "--catalog", CatalogPath);

        Assert.Equal((0, $"The catalog {CatalogPath} is sound: 1 database(s), 2 table(s), 0 partition(s).\n", string.Empty), (result.ExitCode, result.Output, result.Error));
    }

    [Fact]
    public async Task Catalog_check_of_a_truncated_catalog_lists_what_sqlite_found_and_the_last_good_copy_and_exits_1()
    {
        await CrawlAsync();
        var bytes = await File.ReadAllBytesAsync(CatalogPath);
        await File.WriteAllBytesAsync(CatalogPath, bytes[..(bytes.Length / 2)]);

        var result = await DevEndpointCommand.RunAsync("catalog", "check", "--catalog", CatalogPath);

        Assert.Equal(
            (1, $"""
                The catalog {CatalogPath} has 1 problem(s):
                  SQLite found "database disk image is malformed"
                The last good copy, kept before the last crawl committed, is {CatalogPath}.bak: move the damaged file away and copy {CatalogPath}.bak in its place.

                """),
            (result.ExitCode, result.Output));
    }

    [Fact]
    public async Task Catalog_backup_writes_a_copy_that_lists_the_same_tables_and_refuses_to_replace_a_file()
    {
        await CrawlAsync();
        var target = temp.Combine("copy.db");

        var backup = await DevEndpointCommand.RunAsync("catalog", "backup", "--to", target, "--catalog", CatalogPath);
        var again = await DevEndpointCommand.RunAsync("catalog", "backup", "--to", target, "--catalog", CatalogPath);
        var tables = await DevEndpointCommand.RunAsync("catalog", "tables", "worldcup", "--catalog", target);

        Assert.Equal((0, $"Copied the catalog {CatalogPath} to {target} ({new FileInfo(target).Length} bytes).\n"), (backup.ExitCode, backup.Output));
        Assert.Equal((1, $"error: '{target}' already exists: a backup never replaces a file. Choose another file, or delete that one first.\n"), (again.ExitCode, again.Error));
        Assert.Contains("worldcup_1930_csv", tables.Output);
    }

    [Fact]
    public async Task Catalog_tables_lists_each_table_of_a_split_folder_with_its_file()
    {
        await CrawlAsync();

        var result = await DevEndpointCommand.RunAsync("catalog", "tables", "worldcup", "--catalog", CatalogPath);

        var lake = temp.Combine("lake");
        Assert.Equal(
            $"""
            table              classification  columns  partition keys  records  files                  location
            players_csv        csv             3                        2        1 (Players.csv)        {lake}/
            worldcup_1930_csv  csv             2                        1        1 (WorldCup-1930.csv)  {lake}/

            """,
            result.Output);
    }

    [ReadOnlyCatalogFact]
    [UnsupportedOSPlatform("windows")]
    public async Task A_catalog_the_user_may_only_read_lists_its_tables_and_a_crawl_into_it_fails_naming_the_file_and_permission()
    {
        await CrawlAsync();
        var before = await File.ReadAllBytesAsync(CatalogPath);
        using var readOnly = new ReadOnlyCatalogFile(CatalogPath);
        var environment = new Dictionary<string, string> { ["HOME"] = Path.GetTempPath() };

        var tables = await DevEndpointCommand.RunAsync(["catalog", "tables", "worldcup", "--catalog", CatalogPath], environment, readOnly.RunAs);
        var check = await DevEndpointCommand.RunAsync(["catalog", "check", "--catalog", CatalogPath], environment, readOnly.RunAs);
        var crawl = await DevEndpointCommand.RunAsync(["crawl", temp.Combine("lake"), "--database", "worldcup", "--catalog", CatalogPath], environment, readOnly.RunAs);
        var copy = temp.Combine("catalog", "copy.db");
        var backup = await DevEndpointCommand.RunAsync(["catalog", "backup", "--to", copy, "--catalog", CatalogPath], environment, readOnly.RunAs);

        Assert.Equal((0, string.Empty), (tables.ExitCode, tables.Error));
        Assert.Contains("worldcup_1930_csv", tables.Output);
        Assert.Equal((0, $"The catalog {CatalogPath} is sound: 1 database(s), 2 table(s), 0 partition(s).\n"), (check.ExitCode, check.Output));
        Assert.Equal(
            (1, $"error: Cannot change the catalog at {CatalogPath}: you may read it but not write it (no write permission on the file or its folder). Ask its owner for write permission, or work on a copy: devendpoint catalog backup --catalog {CatalogPath} --to <file>.\n"),
            (crawl.ExitCode, crawl.Error));
        Assert.Equal(
            (1, $"error: Cannot write the copy of the catalog at {CatalogPath} to {copy}: SQLite found \"unable to open database file\". Choose a folder you may write, with room for {before.Length} bytes.\n"),
            (backup.ExitCode, backup.Error));
        Assert.Equal(before, await File.ReadAllBytesAsync(CatalogPath));
        Assert.Equal(["catalog.db", "catalog.db.bak"], Directory.GetFiles(temp.Combine("catalog")).Select(Path.GetFileName).Order());
    }

    private async Task CrawlAsync()
    {
        temp.Write("lake/WorldCup-1930.csv", "year,host\n1930,Uruguay\n");
        temp.Write("lake/Players.csv", "player;goals;team\nPele;12;Brazil\nZidane;5;France\n");
        var crawl = await DevEndpointCommand.RunAsync("crawl", temp.Combine("lake"), "--database", "worldcup", "--catalog", CatalogPath);
        Assert.True(crawl.ExitCode == 0, crawl.Error);
    }
}
