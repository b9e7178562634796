using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Loading;

namespace DevEndpoint.Tests.Loading;

public sealed class CsvColumnMappingTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task A_csv_column_that_is_also_a_partition_key_does_not_shift_the_columns_after_it()
    {
        temp.Write("lake/events/year=2024/a.csv", "id,year,kind\n1,2024,click\n2,2024,view\n");

        var frame = await CrawlAndLoadAsync("lake.events");

        Assert.Equal(new[] { "id", "kind", "year" }, frame.Columns.Select(c => c.Name));
        Assert.Equal(new object[] { 1, "click", "2024" }, frame.Rows[0].ToArray());
        Assert.Equal(new object[] { 2, "view", "2024" }, frame.Rows[1].ToArray());
    }

    [Fact]
    public async Task A_headerless_csv_loads_its_columns_by_position()
    {
        temp.Write("lake/events/a.csv", "1,click,2024-01-05\n2,view,2024-01-06\n");

        var frame = await CrawlAndLoadAsync("lake.events");

        Assert.Equal(new[] { "col0", "col1", "col2" }, frame.Columns.Select(c => c.Name));
        Assert.Equal(new object[] { 2, "view", new DateTime(2024, 1, 6) }, frame.Rows[1].ToArray());
    }

    [Fact]
    public async Task A_tab_separated_file_loads_with_its_delimiter()
    {
        temp.Write("lake/events/a.tsv", "id\tkind\tnote\n1\tclick\ta, b\n2\tview\t\n");

        var frame = await CrawlAndLoadAsync("lake.events");

        Assert.Equal("\t", DataCatalog.Open(temp.Combine("catalog.db")).GetTable(TableName.Parse("lake.events")).Parameter("delimiter"));
        Assert.Equal(new object?[] { 1, "click", "a, b" }, frame.Rows[0].ToArray());
        Assert.Equal(new object?[] { 2, "view", null }, frame.Rows[1].ToArray());
    }

    [Fact]
    public async Task A_file_whose_header_has_a_column_the_table_lacks_fails_naming_the_file_and_the_column()
    {
        temp.Write("lake/events/a.csv", "id,kind\n1,click\n");
        await CrawlAndLoadAsync("lake.events");
        var added = temp.Write("lake/events/b.csv", "id,kind,device\n2,view,phone\n");

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => new TableLoader(DataCatalog.Open(temp.Combine("catalog.db"))).LoadAsync("lake.events"));

        Assert.Equal(
            $"{added}: its header has the column 'device', which table lake.events does not have. Crawl the table's folder again to take in the file's columns, or leave the file out with --exclude.",
            error.Message);
    }

    [Fact]
    public async Task Data_rows_longer_than_the_header_load_their_extra_fields()
    {
        temp.Write("lake/events/a.csv", "id,kind\n1,click,phone\n2,view,tablet\n3,view,phone\n");

        var frame = await CrawlAndLoadAsync("lake.events");

        Assert.Equal(new[] { "id", "kind", "col2" }, frame.Columns.Select(c => c.Name));
        Assert.Equal(new object[] { 2, "view", "tablet" }, frame.Rows[1].ToArray());
    }

    private async Task<Microsoft.Data.Analysis.DataFrame> CrawlAndLoadAsync(string table)
    {
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" });
        return (await new TableLoader(catalog).LoadAsync(table)).Frame;
    }
}
