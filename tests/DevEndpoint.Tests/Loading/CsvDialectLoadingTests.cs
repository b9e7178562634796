using System.Text;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Loading;

namespace DevEndpoint.Tests.Loading;

public sealed class CsvDialectLoadingTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task A_file_with_preamble_comments_quotes_escapes_and_day_first_dates_loads_as_crawled()
    {
        temp.Write(
            "lake/sales/a.csv",
            "Quarterly sales\nExported Monday\nid;note;sold_on\n1;\"say \\\"hi\\\"; then go\";31/01/2024\n# a note; with; more; fields\n2;\"plain\";05/02/2024\n3;NA;\n");

        var (table, frame) = await CrawlAndLoadAsync("lake.sales");

        Assert.Equal("3", table.Parameter("skip.header.line.count"));
        Assert.Equal("2", table.Parameter("preambleLineCount"));
        Assert.Equal("#", table.Parameter("commentChar"));
        Assert.Equal("d/M/yyyy", table.Parameter("dateFormat.sold_on"));
        Assert.Equal(StorageFormats.OpenCsvSerDe, table.StorageDescriptor.SerdeInfo.SerializationLibrary);
        Assert.Equal(
            new Dictionary<string, string> { ["separatorChar"] = ";", ["quoteChar"] = "\"", ["escapeChar"] = "\\" },
            table.StorageDescriptor.SerdeInfo.Parameters);
        Assert.Equal(new object?[] { 1, "say \"hi\"; then go", new DateTime(2024, 1, 31) }, frame.Rows[0].ToArray());
        Assert.Equal(new object?[] { 2, "plain", new DateTime(2024, 2, 5) }, frame.Rows[1].ToArray());
        Assert.Equal(new object?[] { 3, null, null }, frame.Rows[2].ToArray());
    }

    [Fact]
    public async Task A_file_with_doubled_quotes_gets_separatorChar_and_quoteChar_but_no_escapeChar_as_Glue_writes_them()
    {
        temp.Write("lake/notes/a.csv", "id,note\n1,\"say \"\"hi\"\", then go\"\n2,\"plain, quoted\"\n");

        var (table, frame) = await CrawlAndLoadAsync("lake.notes");

        Assert.Equal(StorageFormats.OpenCsvSerDe, table.StorageDescriptor.SerdeInfo.SerializationLibrary);
        Assert.Equal(new Dictionary<string, string> { ["separatorChar"] = ",", ["quoteChar"] = "\"" }, table.StorageDescriptor.SerdeInfo.Parameters);
        Assert.Equal(new object?[] { "say \"hi\", then go", "plain, quoted" }, frame.Columns["note"].Cast<object?>().ToArray());
    }

    [Fact]
    public async Task A_table_catalogued_before_with_escapeChar_equal_to_quoteChar_still_loads_doubled_quotes()
    {
        temp.Write("lake/notes/a.csv", "id,note\n1,\"say \"\"hi\"\", then go\"\n2,\"plain, quoted\"\n");
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" });
        var table = catalog.GetTable(new TableName("lake", "notes"));
        var serde = table.StorageDescriptor.SerdeInfo with { Parameters = new Dictionary<string, string> { ["separatorChar"] = ",", ["quoteChar"] = "\"", ["escapeChar"] = "\"" } };
        catalog.Update(update => update.PutTable(table with { StorageDescriptor = table.StorageDescriptor with { SerdeInfo = serde } }));

        var frame = (await new TableLoader(catalog).LoadAsync("lake.notes")).Frame;

        Assert.Equal("\"", catalog.GetTable(new TableName("lake", "notes")).StorageDescriptor.SerdeInfo.Parameters["escapeChar"]);
        Assert.Equal(new object?[] { "say \"hi\", then go", "plain, quoted" }, frame.Columns["note"].Cast<object?>().ToArray());
    }

    [Fact]
    public async Task Spaces_around_numbers_booleans_and_dates_are_typed_and_loaded_without_them()
    {
        temp.Write("lake/events/a.csv", "id,flag,day,label\n  1 , true ,\"  2024-01-05 \", a \n2,false,2024-01-06,b\n");

        var (table, frame) = await CrawlAndLoadAsync("lake.events");

        Assert.Equal(["int", "boolean", "date", "string"], table.StorageDescriptor.Columns.Select(c => c.Type));
        Assert.Equal(new object?[] { 1, true, new DateTime(2024, 1, 5), " a " }, frame.Rows[0].ToArray());
    }

    [Fact]
    public async Task A_date_not_in_the_recorded_form_fails_naming_file_line_column_and_form()
    {
        var path = temp.Write("lake/sales/a.csv", "id,sold_on\n1,31/01/2024\n2,05/02/2024\n");
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" });
        await File.AppendAllTextAsync(path, "3,2024-02-31\n");

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => new TableLoader(catalog).LoadAsync("lake.sales", new LoadOptions { Mode = BadRecordMode.FailFast }));

        Assert.Equal($"{path}: line 4, column 'sold_on': cannot read '2024-02-31' as date. Fix the value, or re-crawl the table if its data changed.", error.Message);
    }

    [Fact]
    public async Task Day_first_timestamps_load_as_written()
    {
        temp.Write("lake/visits/a.csv", "id,at\n1,31/01/2024 10:30:00\n2,05/02/2024 08:00:15.25\n");

        var (table, frame) = await CrawlAndLoadAsync("lake.visits");

        Assert.Equal("timestamp", table.StorageDescriptor.Columns[1].Type);
        Assert.Equal(new object?[] { new DateTime(2024, 1, 31, 10, 30, 0), new DateTime(2024, 2, 5, 8, 0, 15, 250) }, frame.Columns["at"].Cast<object?>().ToArray());
    }

    [Fact]
    public async Task A_latin1_file_loads_its_accented_text()
    {
        Directory.CreateDirectory(temp.Combine("lake", "cities"));
        await File.WriteAllBytesAsync(temp.Combine("lake", "cities", "a.csv"), Encoding.Latin1.GetBytes("id,city\n1,Besançon\n2,Zürich\n"));

        var (table, frame) = await CrawlAndLoadAsync("lake.cities");

        Assert.Equal("ISO-8859-1", table.StorageDescriptor.SerdeInfo.Parameters["serialization.encoding"]);
        Assert.Equal(new object?[] { "Besançon", "Zürich" }, frame.Columns["city"].Cast<object?>().ToArray());
    }

    [Fact]
    public async Task A_utf16_file_loads_like_utf8()
    {
        Directory.CreateDirectory(temp.Combine("lake", "cities"));
        await File.WriteAllBytesAsync(temp.Combine("lake", "cities", "a.csv"), [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("id\tcity\r\n1\tBesançon\r\n2\tZürich\r\n")]);

        var (table, frame) = await CrawlAndLoadAsync("lake.cities");

        Assert.Equal("\t", table.Parameter("delimiter"));
        Assert.Equal(new object?[] { 1, 2 }, frame.Columns["id"].Cast<object?>().ToArray());
        Assert.Equal(new object?[] { "Besançon", "Zürich" }, frame.Columns["city"].Cast<object?>().ToArray());
    }

    private async Task<(CatalogTable Table, Microsoft.Data.Analysis.DataFrame Frame)> CrawlAndLoadAsync(string name)
    {
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" });
        var parts = name.Split('.');
        var table = catalog.GetTable(new TableName(parts[0], parts[1]));
        return (table, (await new TableLoader(catalog).LoadAsync(name)).Frame);
    }
}
