using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Loading;

namespace DevEndpoint.Tests.Crawling;

public sealed class CrawlTableNamingTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Each_table_made_of_one_file_of_a_folder_of_several_tables_is_named_after_its_file()
    {
        WriteWorldCups();

        var result = await CrawlAsync();

        Assert.Equal(
            new[] { "worldcup_1930_csv 1", "worldcup_1934_csv 1", "worldcup_players_csv 1" },
            result.Tables.Select(t => $"{t.Name} {t.Files}").Order(StringComparer.Ordinal));
        var players = (await new TableLoader(Catalog()).LoadAsync("lake.worldcup_players_csv")).Frame;
        Assert.Equal(new object[] { "Pele", "Zidane" }, players["player"].Cast<object>());
    }

    [Fact]
    public async Task A_second_crawl_of_a_folder_of_several_tables_keeps_every_name_and_creates_none()
    {
        WriteWorldCups();
        var first = await CrawlAsync();

        var second = await CrawlAsync();

        Assert.Equal(first.Tables.Select(t => t.Name).Order(StringComparer.Ordinal), second.Tables.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Equal((0, 0, 3), (second.Run.TablesCreated, second.Run.TablesDeprecated, second.Run.TablesUnchanged));
        Assert.Equal(3, Catalog().GetTables("lake").Count);
    }

    [Fact]
    public async Task A_file_added_to_a_folder_of_several_tables_gets_its_own_name_and_renames_none()
    {
        WriteWorldCups();
        await CrawlAsync();
        temp.Write("lake/worldcup/Stadiums.csv", "stadium;capacity;city\nMaracana;78838;Rio\n");

        var result = await CrawlAsync();

        Assert.Equal(
            new[] { "stadiums_csv Created", "worldcup_1930_csv Unchanged", "worldcup_1934_csv Unchanged", "worldcup_players_csv Unchanged" },
            result.Tables.Select(t => $"{t.Name} {t.Change}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_folder_table_that_gains_a_file_of_another_layout_keeps_its_name_and_the_new_file_is_named_after_itself()
    {
        temp.Write("lake/events/clicks-1.csv", "id,kind\n1,click\n");
        await CrawlAsync();
        temp.Write("lake/events/prices.csv", "name;price;qty\nbolt;1.5;10\n");

        var result = await CrawlAsync();

        Assert.Equal(new[] { "events Updated", "prices_csv Created" }, result.Tables.Select(t => $"{t.Name} {t.Change}").Order(StringComparer.Ordinal));
        Assert.Equal("[\"clicks-1.csv\"]", Catalog().GetTable(TableName.Parse("lake.events")).Parameter(TableFiles.SharedFolderFilesParameter));
    }

    [Fact]
    public async Task A_table_of_one_file_that_gains_a_compatible_file_keeps_the_name_of_the_first()
    {
        temp.Write("lake/events/clicks-1.csv", "id,kind\n1,click\n2,click\n");
        temp.Write("lake/events/clicks-2.csv", "id,kind\n3,click\n");
        temp.Write("lake/events/prices.csv", "name;price;qty\nbolt;1.5;10\n");
        await CrawlAsync();
        temp.Write("lake/events/prices2.csv", "name;price;qty\nnut;0.25;200\n");

        var result = await CrawlAsync();

        Assert.Equal(new[] { "events 2", "prices_csv 2" }, result.Tables.Select(t => $"{t.Name} {t.Files}").Order(StringComparer.Ordinal));
        var prices = (await new TableLoader(Catalog()).LoadAsync("lake.prices_csv")).Frame;
        Assert.Equal(new object[] { "bolt", "nut" }, prices["name"].Cast<object>());
    }

    private void WriteWorldCups()
    {
        temp.Write("lake/worldcup/WorldCup-1930.csv", "year,host,winner\n1930,Uruguay,Uruguay\n");
        temp.Write("lake/worldcup/WorldCup-1934.csv", "edition|host|winner|goals\n2|Italy|Italy|70\n");
        temp.Write("lake/worldcup/worldcup players.csv", "player;goals\nPele;12\nZidane;5\n");
    }

    private DataCatalog Catalog() => DataCatalog.Open(temp.Combine("catalog.db"));

    private Task<CrawlResult> CrawlAsync() =>
        new Crawler(Catalog()).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" });
}
