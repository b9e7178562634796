using DevEndpoint.Catalog;
using DevEndpoint.Formats;

namespace DevEndpoint.Tests.Formats.Xml;

public sealed class XmlClassifierTests
{
    private const string Books = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- a catalog -->
        <catalog xmlns:x="urn:x">
          <info>two books</info>
          <book id="1" isbn="0307474275">
            <title>Dune</title>
            <price>9.99</price>
            <published>1965-08-01</published>
            <author><name>Frank Herbert</name><born>1920</born></author>
            <tag>sf</tag><tag>classic</tag>
          </book>
          <book id="2">
            <title>Solaris</title>
            <price>12.5</price>
            <published>1961-06-01</published>
            <author><name>Stanisław Lem</name><born>1921</born></author>
            <tag>sf</tag><tag>polish</tag>
            <note/>
          </book>
        </catalog>
        """;

    [Fact]
    public async Task The_repeated_child_of_the_root_is_the_row_and_its_attributes_and_children_the_columns()
    {
        using var folder = new TempFolder();

        var schema = await FileClassifier.ClassifyAsync(folder.Write("books.xml", Books), new SampleOptions());

        Assert.NotNull(schema);
        Assert.Equal(("xml", "book", 2L), (schema.Classification, schema.Parameters["rowTag"], schema.RecordCount));
        Assert.Equal(
            [
                new Column("id", "int"), new Column("isbn", "string"), new Column("title", "string"), new Column("price", "decimal(10,2)"),
                new Column("published", "date"), new Column("author", "struct<name:string,born:int>"), new Column("tag", "array<string>"),
                new Column("note", "string"),
            ],
            schema.Columns.Select(c => c.WithoutNoValuesMark()));
        Assert.Equal(["note"], schema.Columns.Where(c => c.HasNoValues).Select(c => c.Name));
    }

    [Fact]
    public async Task A_large_file_is_sampled_up_to_its_last_whole_row()
    {
        using var folder = new TempFolder();
        var rows = string.Concat(Enumerable.Range(1, 2000).Select(i => $"<r><n>{i}</n></r>\n"));
        var path = folder.Write("rows.xml", $"<rows>\n{rows}</rows>\n");

        var schema = await FileClassifier.ClassifyAsync(path, new SampleOptions { MaxBytes = 2048 });

        Assert.NotNull(schema);
        Assert.Equal([new Column("n", "int")], schema.Columns);
        Assert.InRange(schema.RecordCount, 1800, 2200);
    }

    [Fact]
    public async Task Malformed_xml_is_a_bad_file_with_its_reason()
    {
        using var folder = new TempFolder();
        var path = folder.Write("broken.xml", "<rows>\n  <r><n>1</n></r>\n  <r><n>2</r>\n</rows>\n");

        var error = await Assert.ThrowsAsync<BadFileException>(() => FileClassifier.ClassifyAsync(path, new SampleOptions()));

        Assert.Equal(
            "line 3, column 12: not well-formed XML (The 'n' start tag on line 3 position 7 does not match the end tag of 'r'). Fix the file, or leave it out with --exclude.",
            error.Reason);
    }

    [Fact]
    public async Task A_crawled_xml_table_records_its_row_tag_and_loads_its_rows()
    {
        using var folder = new TempFolder();
        folder.Write("books/books.xml", Books);
        using var crawled = await CrawledFolder.CreateAsync(folder.Path, "library");

        var table = crawled.Table("books");
        var loaded = await crawled.LoadAsync("books");

        Assert.Equal(StorageFormats.XmlSerDe, table.StorageDescriptor.SerdeInfo.SerializationLibrary);
        Assert.Equal(
            new Dictionary<string, string> { ["rowTag"] = "book", ["xmlinput.start"] = "<book", ["xmlinput.end"] = "</book>" },
            table.StorageDescriptor.SerdeInfo.Parameters);
        Assert.Equal(new object?[] { "Dune", "Solaris" }, loaded.Frame.Columns["title"].Cast<object?>().ToArray());
    }
}
