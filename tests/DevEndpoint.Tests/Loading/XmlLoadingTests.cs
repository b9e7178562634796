using System.IO.Compression;
using System.Text;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Formats;
using DevEndpoint.Loading;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Loading;

/// <summary>XML tables load their row elements as the crawler typed them: attributes, nested elements as a.b, repeats as JSON text.</summary>
public sealed class XmlLoadingTests : IDisposable
{
    private const string Books = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- library export -->
        <catalog xmlns:x="urn:x">
          <info>three books</info>
          <book id="1" isbn="0307474275" x:lang="en">
            <title>Dune &amp; Sons</title>
            <price>9.99</price>
            <published>1965-08-01</published>
            <author><name>Frank Herbert</name><born>1920</born></author>
            <tag>sf</tag><tag>classic</tag>
            <blurb><![CDATA[A <desert> planet & "spice"]]></blurb>
          </book>
          <book id="2">
            <title>Solaris</title>
            <price>12.5</price>
            <author><name>Stanisław Lem</name><born>1921</born></author>
            <tag>sf</tag><tag>polish</tag>
            <note/>
            <blurb>Ocean &#x2014; &#233;tude</blurb>
          </book>
          <?render skip?>
          <book id="3" isbn="">
            <title>
              Roadside Picnic
            </title>
            <published>1972-01-01</published>
            <author><name>Strugatsky</name></author>
            <tag>sf</tag><tag>ussr</tag>
          </book>
        </catalog>
        """;

    /// <summary>The rows of <see cref="Books"/> as they load, written out by hand.</summary>
    private static readonly object?[][] BookRows =
    [
        [1, "0307474275", "en", "Dune & Sons", 9.99m, new DateTime(1965, 8, 1), "Frank Herbert", 1920, "[\"sf\",\"classic\"]", "A <desert> planet & \"spice\"", null],
        [2, null, null, "Solaris", 12.5m, null, "Stanisław Lem", 1921, "[\"sf\",\"polish\"]", "Ocean \u2014 \u00e9tude", null],
        [3, null, null, "Roadside Picnic", null, new DateTime(1972, 1, 1), "Strugatsky", null, "[\"sf\",\"ussr\"]", null, null],
    ];

    private readonly TempFolder temp = new();
    private readonly DataCatalog catalog;

    public XmlLoadingTests()
    {
        catalog = DataCatalog.Open(temp.Combine("catalog.db"));
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Rows_load_attributes_nested_elements_repeats_entities_and_cdata_as_the_crawler_typed_them()
    {
        temp.Write("lake/books/books.xml", Books);
        await CrawlAsync();

        var table = catalog.GetTable(new TableName("lake", "books"));
        var result = await new TableLoader(catalog).LoadAsync("lake.books");

        Assert.Equal(
            "id int, isbn string, lang string, title string, price decimal(10,2), published date, author struct<name:string,born:int>, tag array<string>, blurb string, note string",
            string.Join(", ", table.StorageDescriptor.Columns.Select(c => $"{c.Name} {c.Type}")));
        Assert.Equal(["id", "isbn", "lang", "title", "price", "published", "author.name", "author.born", "tag", "blurb", "note"], result.Frame.Columns.Select(c => c.Name));
        Assert.Equal(BookRows, Rows(result.Frame));
        Assert.Equal(0, result.BadRows);
    }

    [Fact]
    public async Task A_gzip_compressed_xml_file_loads_the_same_rows()
    {
        var path = temp.Combine("lake", "books", "books.xml.gz");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var output = new GZipStream(File.Create(path), CompressionLevel.Optimal))
        {
            output.Write(Encoding.UTF8.GetBytes(Books));
        }

        await CrawlAsync();
        var result = await new TableLoader(catalog).LoadAsync("lake.books");

        Assert.Equal("gzip", catalog.GetTable(new TableName("lake", "books")).Parameter("compressionType"));
        Assert.Equal(BookRows, Rows(result.Frame));
    }

    [Fact]
    public async Task Only_the_requested_columns_are_returned_a_limit_stops_early_and_a_sample_keeps_rows_by_their_number()
    {
        var rows = string.Concat(Enumerable.Range(0, 500).Select(i => $"  <r n=\"{i}\"><v>{i * 3}</v><s><t>t{i}</t></s></r>\n"));
        temp.Write("lake/rows/rows.xml", $"<rows>\n{rows}</rows>\n");
        await CrawlAsync();
        var threshold = Sampling.Threshold(0.2);

        var limited = await new TableLoader(catalog).LoadAsync("lake.rows", new LoadOptions { Columns = ["s.t", "n"], Limit = 4 });
        var sampled = await new TableLoader(catalog).LoadAsync("lake.rows", new LoadOptions { SampleFraction = 0.2 });

        Assert.Equal(["s.t", "n"], limited.Frame.Columns.Select(c => c.Name));
        Assert.Equal(Enumerable.Range(0, 4).Select(i => new object?[] { $"t{i}", i }), Rows(limited.Frame));
        Assert.Equal(
            Enumerable.Range(0, 500).Where(i => Sampling.Hash(i) < threshold).Select(i => new object?[] { i, i * 3, $"t{i}" }),
            Rows(sampled.Frame));
        Assert.InRange(sampled.Frame.Rows.Count, 60, 140);
    }

    [Fact]
    public async Task A_custom_row_tag_takes_its_elements_at_any_depth()
    {
        temp.Write(
            "lake/stock/stock.xml",
            "<export><shelf name=\"a\"><item><sku>A1</sku><qty>3</qty></item><item><sku>A2</sku><qty>5</qty></item></shelf>\n<shelf name=\"b\"><item><sku>B1</sku><qty>7</qty></item></shelf></export>\n");
        catalog.Update(u => u.PutClassifier(new XmlCustomClassifier { Name = "items", Classification = "inventory", RowTag = "item" }));
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake", Classifiers = ["items"] });

        var result = await new TableLoader(catalog).LoadAsync("lake.stock");

        Assert.Equal("inventory", catalog.GetTable(new TableName("lake", "stock")).Parameter("classification"));
        Assert.Equal([new object?[] { "A1", 3 }, new object?[] { "A2", 5 }, new object?[] { "B1", 7 }], Rows(result.Frame));
    }

    [Fact]
    public async Task An_element_a_choice_column_finds_with_attributes_or_repeated_loads_as_json_text()
    {
        temp.Write(
            "lake/books/books.xml",
            "<books>\n<book><award>Hugo</award></book>\n<book><award year=\"1962\">Nebula</award></book>\n<book><award>Hugo</award><award>Locus</award></book>\n</books>\n");
        await CrawlAsync();

        var column = Assert.Single(catalog.GetTable(new TableName("lake", "books")).StorageDescriptor.Columns);
        var result = await new TableLoader(catalog).LoadAsync("lake.books");

        Assert.Equal(("award", "string", "string,struct<year:int>,array<string>"), (column.Name, column.Type, string.Join(",", column.Choices)));
        Assert.Equal(new object?[] { "Hugo", "{\"year\":\"1962\"}", "[\"Hugo\",\"Locus\"]" }, result.Frame.Columns["award"].Cast<object?>().ToArray());
    }

    [Fact]
    public async Task A_value_that_does_not_fit_its_column_is_set_aside_with_its_line_and_fails_a_fail_fast_load()
    {
        var file = temp.Write("lake/books/books.xml", Books);
        await CrawlAsync();
        File.WriteAllText(file, Books.Replace("<price>12.5</price>", "<price>twelve</price>", StringComparison.Ordinal));

        var permissive = await new TableLoader(catalog).LoadAsync("lake.books");
        var error = await Assert.ThrowsAsync<DevEndpointException>(
            () => new TableLoader(catalog).LoadAsync("lake.books", new LoadOptions { Mode = BadRecordMode.FailFast }));

        Assert.Equal([BookRows[0], BookRows[2]], Rows(permissive.Frame));
        Assert.Equal(new object?[] { file, 15L, "price", "twelve", "cannot read 'twelve' as decimal(10,2)" }, Assert.Single(permissive.Errors.Rows).ToArray());
        Assert.Equal($"{file}: line 15, column 'price': cannot read 'twelve' as decimal(10,2). Fix the value, or re-crawl the table if its data changed.", error.Message);
    }

    [Fact]
    public async Task Xml_that_goes_wrong_keeps_the_rows_before_it_and_fails_a_fail_fast_load_naming_line_and_column()
    {
        var file = temp.Write("lake/rows/rows.xml", "<rows>\n  <r><n>1</n></r>\n  <r><n>2</n></r>\n  <r><n>3</n></r>\n</rows>\n");
        await CrawlAsync();
        File.WriteAllText(file, "<rows>\n  <r><n>1</n></r>\n  <r><n>2</r>\n  <r><n>3</n></r>\n</rows>\n");

        var permissive = await new TableLoader(catalog).LoadAsync("lake.rows");
        var error = await Assert.ThrowsAsync<DevEndpointException>(
            () => new TableLoader(catalog).LoadAsync("lake.rows", new LoadOptions { Mode = BadRecordMode.FailFast }));

        Assert.Equal([new object?[] { 1 }], Rows(permissive.Frame));
        Assert.Equal(
            new object?[]
            {
                file, 3L, null, null,
                "not well-formed XML (The 'n' start tag on line 3 position 7 does not match the end tag of 'r') at column 12; the rest of the file was not read",
            },
            Assert.Single(permissive.Errors.Rows).ToArray());
        Assert.Equal(
            $"{file}: line 3, column 12: not well-formed XML (The 'n' start tag on line 3 position 7 does not match the end tag of 'r'). Fix the file, or leave it out with --exclude and crawl again.",
            error.Message);
    }

    private static List<object?[]> Rows(DataFrame frame) =>
        Enumerable.Range(0, (int)frame.Rows.Count).Select(i => frame.Columns.Select(c => (object?)c[i]).ToArray()).ToList();

    private Task CrawlAsync() => new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" });
}
