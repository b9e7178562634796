using System.Text;
using DevEndpoint.Formats;

namespace DevEndpoint.Tests.Formats;

public sealed class CsvDialectSniffingTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData(',')]
    [InlineData(';')]
    [InlineData('\t')]
    [InlineData('|')]
    [InlineData('\u0001')]
    [InlineData('^')]
    public async Task The_delimiter_is_the_one_that_splits_every_record_alike(char delimiter)
    {
        var d = delimiter.ToString();
        var schema = await SniffAsync("a.txt", $"id{d}name{d}score\n1{d}ann{d}2.5\n2{d}bob{d}3.5\n3{d}cy{d}4.0\n");

        Assert.Equal(delimiter, schema.Csv!.Delimiter);
        Assert.Equal(["id int", "name string", "score decimal(10,1)"], Types(schema));
    }

    [Fact]
    public async Task Single_quotes_are_found_when_they_keep_delimiters_inside_fields()
    {
        var schema = await SniffAsync("a.csv", "id,name\n1,'Smith, Ann'\n2,'Jones, Bob'\n3,'Cy'\n");

        Assert.Equal('\'', schema.Csv!.Quote);
        Assert.True(schema.Csv.FieldsQuoted);
        Assert.Equal(["id int", "name string"], Types(schema));
    }

    [Fact]
    public async Task A_backslash_escape_is_found_when_doubled_quotes_would_break_fields()
    {
        var schema = await SniffAsync("a.csv", "id,text\n1,\"say \\\"hi\\\", then go\"\n2,\"plain\"\n3,\"a \\\"b\\\", c\"\n");

        Assert.Equal('\\', schema.Csv!.Escape);
        Assert.Equal(3, schema.RecordCount);
    }

    [Fact]
    public async Task Comment_lines_are_found_when_they_break_the_records_between_them()
    {
        var schema = await SniffAsync("a.csv", "# exported by a tool\nid,v\n1,2\n# a note, with, commas\n3,4\n5,6\n");

        Assert.Equal('#', schema.Csv!.Comment);
        Assert.Equal(["id int", "v int"], Types(schema));
    }

    [Fact]
    public async Task Preamble_lines_before_the_header_are_skipped_and_counted()
    {
        var schema = await SniffAsync("a.csv", "Sales report\nGenerated on Monday\n\nid,amount,region\n1,2.5,eu\n2,3.5,us\n");

        Assert.Equal(3, schema.Csv!.PreambleLines);
        Assert.True(schema.Csv.HasHeader);
        Assert.Equal(["id int", "amount decimal(10,1)", "region string"], Types(schema));
        Assert.Equal(2, schema.RecordCount);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public async Task Any_line_ending_reads_the_same_records(string lineEnd)
    {
        var schema = await SniffAsync("a.csv", string.Join(lineEnd, "id,name", "1,\"two" + lineEnd + "lines\"", "2,b", "3,c") + lineEnd);

        Assert.Equal(["id int", "name string"], Types(schema));
        Assert.Equal(3, schema.RecordCount);
    }

    [Theory]
    [InlineData("UTF-8 BOM", "UTF-8")]
    [InlineData("UTF-16LE", "UTF-16LE")]
    [InlineData("UTF-16BE", "UTF-16BE")]
    [InlineData("ISO-8859-1", "ISO-8859-1")]
    public async Task The_encoding_is_found_by_byte_order_mark_else_by_valid_utf8(string written, string expected)
    {
        var text = "id;city\n1;Zürich\n2;Besançon\n";
        byte[] bytes = written switch
        {
            "UTF-8 BOM" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "UTF-16LE" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            "UTF-16BE" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
            _ => Encoding.Latin1.GetBytes(text),
        };
        var path = temp.Combine("a.csv");
        await File.WriteAllBytesAsync(path, bytes);

        var schema = await FileClassifier.ClassifyAsync(path, new SampleOptions());

        Assert.Equal(expected, schema!.Csv!.Encoding);
        Assert.Equal(';', schema.Csv.Delimiter);
        Assert.Equal(["id int", "city string"], Types(schema));
    }

    [Fact]
    public async Task A_first_row_of_numbers_is_data_not_a_header()
    {
        var schema = await SniffAsync("a.csv", "1,2.5,x\n2,3.5,y\n");

        Assert.False(schema.Csv!.HasHeader);
        Assert.Equal(["col0 int", "col1 decimal(10,1)", "col2 string"], Types(schema));
    }

    [Fact]
    public async Task A_header_over_text_columns_is_found_when_its_names_do_not_recur_below()
    {
        var schema = await SniffAsync("a.csv", "first_name,last_name\nAnn,Smith\nBob,Jones\n");

        Assert.True(schema.Csv!.HasHeader);
        Assert.Equal(["first_name string", "last_name string"], Types(schema));
    }

    [Fact]
    public async Task A_header_holding_a_number_is_found_when_its_other_cells_are_text_over_typed_columns()
    {
        var schema = await SniffAsync("a.csv", "id,score,1\n1,2.5,x\n2,3.5,y\n");

        Assert.True(schema.Csv!.HasHeader);
        Assert.Equal(["id int", "score decimal(10,1)", "1 string"], Types(schema));
    }

    [Theory]
    [InlineData("a.txt", "id|name\n1|ann|\n2|bob|\n3|cy|\n", new[] { "id int", "name string" })]
    [InlineData("a.txt", "id|name|note\n1|ann|\n2|bob|\n3|cy|\n", new[] { "id int", "name string", "note string" })]
    public async Task A_trailing_delimiter_adds_no_column_the_header_does_not_name(string name, string content, string[] expected)
    {
        var schema = await SniffAsync(name, content);

        Assert.Equal('|', schema.Csv!.Delimiter);
        Assert.Equal(expected, Types(schema));
    }

    private static string[] Types(FileSchema schema) => [.. schema.Columns.Select(c => $"{c.Name} {c.Type}")];

    private async Task<FileSchema> SniffAsync(string name, string content)
    {
        var schema = await FileClassifier.ClassifyAsync(temp.Write(name, content), new SampleOptions());
        Assert.NotNull(schema);
        Assert.Equal("csv", schema.Classification);
        return schema;
    }
}
