using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Loading;

namespace DevEndpoint.Tests.Loading;

public sealed class SharedFolderTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Each_table_of_a_folder_of_two_csv_layouts_loads_only_its_own_rows()
    {
        temp.Write("lake/events/clicks-1.csv", "id,kind\n1,click\n2,click\n");
        temp.Write("lake/events/clicks-2.csv", "id,kind\n3,click\n");
        temp.Write("lake/events/prices.csv", "name;price;qty\nbolt;1.5;10\nnut;0.25;200\nscrew;0.5;50\n");
        temp.Write("lake/orders/a.csv", "order_id,amount\n1,9.5\n");
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));

        var crawl = await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" });
        var loader = new TableLoader(catalog);
        var clicks = (await loader.LoadAsync("lake.events")).Frame;
        var prices = (await loader.LoadAsync("lake.prices_csv")).Frame;

        Assert.Equal(new[] { "events", "prices_csv", "orders" }, crawl.Tables.Select(t => t.Name));
        Assert.Equal(new object[] { 1, 2, 3 }, clicks["id"].Cast<object>());
        Assert.Equal(new object[] { "bolt", "nut", "screw" }, prices["name"].Cast<object>());
        Assert.Equal("[\"clicks-1.csv\",\"clicks-2.csv\"]", Table(catalog, "events").Parameter(TableFiles.SharedFolderFilesParameter));
        Assert.Equal("[\"prices.csv\"]", Table(catalog, "prices_csv").Parameter(TableFiles.SharedFolderFilesParameter));
        Assert.Null(Table(catalog, "orders").Parameter(TableFiles.SharedFolderFilesParameter));
    }

    [Fact]
    public async Task Partitions_whose_folders_hold_csv_and_json_lines_load_each_table_from_its_own_files()
    {
        WriteDay("01");
        WriteDay("02");
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        var crawl = await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" });
        var loader = new TableLoader(catalog);
        var clicks = (await loader.LoadAsync("lake.events")).Frame;
        var views = (await loader.LoadAsync("lake.events_json", new LoadOptions { Where = "day = '02'" })).Frame;

        Assert.Equal(new[] { "events csv", "events_json json" }, crawl.Tables.Select(t => $"{t.Name} {t.Classification}"));
        Assert.Equal(new object[] { 11, 12, 21, 22 }, clicks["id"].Cast<object>());
        Assert.Equal(new object[] { "home-02" }, views["page"].Cast<object>());
        Assert.Equal("[\"day=01/views.json\",\"day=02/views.json\"]", Table(catalog, "events_json").Parameter(TableFiles.SharedFolderFilesParameter));
    }

    [Fact]
    public async Task A_file_added_to_a_shared_folder_after_the_crawl_is_read_by_no_table_until_a_crawl_assigns_it()
    {
        temp.Write("lake/events/clicks.csv", "id,kind\n1,click\n2,click\n");
        temp.Write("lake/events/prices.csv", "name;price\nbolt;1.5\n");
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        var crawler = new Crawler(catalog);
        var options = new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" };
        await crawler.CrawlAsync(options);
        temp.Write("lake/events/more-clicks.csv", "id,kind\n3,click\n");
        var loader = new TableLoader(catalog);

        var before = (await loader.LoadAsync("lake.clicks_csv")).Frame.Rows.Count;
        await crawler.CrawlAsync(options);
        var after = (await loader.LoadAsync("lake.clicks_csv")).Frame.Rows.Count;

        Assert.Equal((2, 3), (before, after));
    }

    [Fact]
    public async Task A_crawl_of_new_folders_only_adds_the_files_of_new_shared_folders_to_those_listed()
    {
        WriteDay("01");
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        var crawler = new Crawler(catalog);
        await crawler.CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" });
        WriteDay("02");

        await crawler.CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake", NewFoldersOnly = true });
        var views = (await new TableLoader(catalog).LoadAsync("lake.events_json")).Frame;

        Assert.Equal("[\"day=01/views.json\",\"day=02/views.json\"]", Table(catalog, "events_json").Parameter(TableFiles.SharedFolderFilesParameter));
        Assert.Equal(new object[] { "home-01", "home-02" }, views["page"].Cast<object>());
    }

    private void WriteDay(string day)
    {
        temp.Write($"lake/events/day={day}/clicks.csv", $"id,kind\n{day[1]}1,click\n{day[1]}2,click\n");
        temp.Write($"lake/events/day={day}/views.json", $"{{\"page\":\"home-{day}\",\"ms\":12}}\n");
    }

    private static CatalogTable Table(DataCatalog catalog, string name) => catalog.GetTable(new TableName("lake", name));
}
