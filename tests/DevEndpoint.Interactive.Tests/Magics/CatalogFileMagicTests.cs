namespace DevEndpoint.Interactive.Tests.Magics;

public sealed class CatalogFileMagicTests
{
    [Fact]
    public async Task Catalog_of_a_database_names_the_file_of_each_table_made_of_one_file()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        Directory.CreateDirectory(Path.Combine(fixture.Folder, "cups", "worldcup"));
        await File.WriteAllTextAsync(Path.Combine(fixture.Folder, "cups", "worldcup", "WorldCup-1930.csv"), "year,host\n1930,Uruguay\n");
        await File.WriteAllTextAsync(Path.Combine(fixture.Folder, "cups", "worldcup", "Players.csv"), "player;goals;team\nPele;12;Brazil\n");
        KernelFixture.AssertSucceeded(await fixture.MagicAsync($"#!crawl {Path.Combine(fixture.Folder, "cups")} --database cups"));

        var tables = KernelFixture.Html(await fixture.MagicAsync("#!catalog cups"));

        Assert.Contains("<td style=\"text-align:left\">players_csv</td><td style=\"text-align:left\">csv</td><td style=\"text-align:right\">3</td><td style=\"text-align:left\"></td><td style=\"text-align:right\">1</td><td style=\"text-align:left\">1 (Players.csv)</td>", tables);
        Assert.Contains("<td style=\"text-align:left\">worldcup_1930_csv</td><td style=\"text-align:left\">csv</td><td style=\"text-align:right\">2</td><td style=\"text-align:left\"></td><td style=\"text-align:right\">1</td><td style=\"text-align:left\">1 (WorldCup-1930.csv)</td>", tables);
    }

    [Fact]
    public async Task Catalog_of_a_file_that_is_not_a_database_fails_the_cell_naming_the_file_and_what_sqlite_found()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await File.WriteAllTextAsync(fixture.CatalogPath, "not a catalog\n");

        var result = await fixture.MagicAsync("#!catalog");

        Assert.Equal(
            $"The catalog at {fixture.CatalogPath} is damaged or is not a catalog file: SQLite found \"file is not a database\". No good copy of it was kept (each crawl keeps one at {fixture.CatalogPath}.bak): restore it from a backup (devendpoint catalog backup makes one), or move it away and crawl again to rebuild it. 'devendpoint catalog check --catalog {fixture.CatalogPath}' reports what is wrong.",
            KernelFixture.Failure(result));
    }
}
