using DevEndpoint.Catalog;
using DevEndpoint.Classifiers;
using DevEndpoint.Formats;

namespace DevEndpoint.Tests.Classifiers;

public sealed class ClassifierMatchingTests
{
    private static readonly GrokCustomClassifier Grok = new()
    {
        Name = "app_logs",
        Classification = "app_log",
        GrokPattern = "%{ORDERID:order} %{INT:qty:int} %{GREEDYDATA:note}",
        CustomPatterns = "ORDERID [A-Z]{2}-[0-9]+",
    };

    [Fact]
    public async Task A_grok_classifier_matches_a_file_every_line_of_which_matches()
    {
        var schema = await ClassifyAsync(Grok, "orders.log", "AB-1 3 first\nCD-22 10 second one\n\n");

        Assert.Equal(("app_log", "app_logs"), (schema!.Classification, schema.Classifier));
        Assert.Equal(["order:string", "qty:int", "note:string"], schema.Columns.Select(c => $"{c.Name}:{c.Type}"));
    }

    [Fact]
    public async Task A_grok_classifier_does_not_match_a_file_with_one_line_that_does_not_match()
    {
        var schema = await ClassifyAsync(Grok, "orders.log", "AB-1 3 first\nnot an order\n");

        Assert.Null(schema);
    }

    [Fact]
    public async Task A_csv_classifier_reads_with_its_delimiter_and_header()
    {
        var csv = new CsvCustomClassifier { Name = "semis", Delimiter = ";", ContainsHeader = CsvHeader.Absent, Header = ["id", "city"] };

        var schema = await ClassifyAsync(csv, "data.txt", "1;Paris\n2;Lyon\n");

        Assert.Equal(("csv", "semis", ';', false), (schema!.Classification, schema.Classifier, schema.Csv!.Delimiter, schema.Csv.HasHeader));
        Assert.Equal(["id:int", "city:string"], schema.Columns.Select(c => $"{c.Name}:{c.Type}"));
    }

    [Fact]
    public async Task A_csv_classifier_does_not_match_when_its_header_has_another_column_count()
    {
        var csv = new CsvCustomClassifier { Name = "semis", Delimiter = ";", Header = ["id", "city", "zip"] };

        Assert.Null(await ClassifyAsync(csv, "data.txt", "1;Paris\n2;Lyon\n"));
    }

    [Fact]
    public async Task A_csv_classifier_with_a_header_present_names_columns_from_it()
    {
        var csv = new CsvCustomClassifier { Name = "pipes", Delimiter = "|", ContainsHeader = CsvHeader.Present };

        var schema = await ClassifyAsync(csv, "data.txt", "a|b\nx|y\n");

        Assert.Equal(["a", "b"], schema!.Columns.Select(c => c.Name));
    }

    [Fact]
    public async Task A_csv_classifier_with_custom_datatypes_widens_other_types_to_them()
    {
        var csv = new CsvCustomClassifier { Name = "typed", ContainsHeader = CsvHeader.Present, CustomDatatypes = ["long", "STRING"] };

        var schema = await ClassifyAsync(csv, "data.csv", "id,price,day,ok\n1,2.5,2024-01-02,true\n2,3.5,2024-01-03,false\n");

        Assert.Equal(["id:bigint", "price:string", "day:string", "ok:string"], schema!.Columns.Select(c => $"{c.Name}:{c.Type}"));
        Assert.Empty(schema.Csv!.DateFormats);
    }

    [Theory]
    [InlineData("$[*]", """[{"id":1},{"id":2,"name":"b"}]""")]
    [InlineData("$.records[*]", """{"meta":{"n":2},"records":[{"id":1},{"id":2,"name":"b"}]}""")]
    [InlineData("$['records'][*]", """{"records":[{"id":1},{"id":2,"name":"b"}]}""")]
    public async Task A_json_path_classifier_makes_each_element_of_the_array_a_record(string path, string json)
    {
        var schema = await ClassifyAsync(new JsonCustomClassifier { Name = "records", JsonPath = path }, "data.json", json);

        Assert.Equal(("json", 2L, path), (schema!.Classification, schema.RecordCount, schema.Parameters["jsonPath"]));
        Assert.Equal(["id", "name"], schema.Columns.Select(c => c.Name));
    }

    [Theory]
    [InlineData("$.records[*]", """{"rows":[{"id":1}]}""")]
    [InlineData("$.records[*]", """{"records":[1,2]}""")]
    [InlineData("$[*]", """{"records":[{"id":1}]}""")]
    public async Task A_json_path_classifier_does_not_match_when_the_path_selects_no_array_of_objects(string path, string json)
    {
        Assert.Null(await ClassifyAsync(new JsonCustomClassifier { Name = "records", JsonPath = path }, "data.json", json));
    }

    [Fact]
    public async Task An_xml_classifier_takes_its_row_tag_even_when_another_element_repeats_more()
    {
        var xml = new XmlCustomClassifier { Name = "books", Classification = "library", RowTag = "book" };

        var schema = await ClassifyAsync(xml, "data.xml", "<shelf><note>a</note><note>b</note><book id=\"1\"><title>T</title></book></shelf>");

        Assert.Equal(("library", "book"), (schema!.Classification, schema.Parameters["rowTag"]));
        Assert.Equal(["id", "title"], schema.Columns.Select(c => c.Name));
    }

    [Fact]
    public async Task An_xml_classifier_finds_its_row_tag_below_the_root()
    {
        var xml = new XmlCustomClassifier { Name = "books", Classification = "library", RowTag = "book" };

        var schema = await ClassifyAsync(xml, "data.xml", "<library><shelf><book id=\"1\"/><book id=\"2\"/></shelf><shelf><book id=\"3\"><title>T</title></book></shelf></library>");

        Assert.Equal(3L, schema!.RecordCount);
        Assert.Equal(["id", "title"], schema.Columns.Select(c => c.Name));
    }

    [Fact]
    public async Task An_xml_classifier_does_not_match_when_its_row_tag_is_absent()
    {
        var xml = new XmlCustomClassifier { Name = "books", Classification = "library", RowTag = "book" };

        Assert.Null(await ClassifyAsync(xml, "data.xml", "<shelf><note>a</note></shelf>"));
    }

    private static async Task<FileSchema?> ClassifyAsync(CustomClassifier classifier, string name, string content)
    {
        using var temp = new TempFolder();
        var path = temp.Write(name, content);
        var answer = await classifier.ToClassifier().ClassifyAsync(FileProbe.Open(path, new SampleOptions()), CancellationToken.None);
        return answer.Certainty >= 1.0 ? answer.Schema : null;
    }
}
