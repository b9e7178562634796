using DevEndpoint.Formats.Csv;

namespace DevEndpoint.Tests.Formats.Csv;

/// <summary>CsvHelper (the loader's text path) and the sniffer's own record reader split the same text alike.</summary>
public sealed class CsvTextReaderTests
{
    public static TheoryData<string, string> Texts => new()
    {
        { "quotes", "a,b\n1,\"x, y\"\n2,\"say \"\"hi\"\"\"\n3,\"\"\n" },
        { "line breaks", "a,b\r\n1,\"two\r\nlines\"\r\n2,\"lone\rreturn\"\r3,last" },
        { "blank lines", "\na,b\n\n1,2\n\n\n3,4\n\n" },
        { "edge cases", "a,b\n\"\"\n  \n,\n1,\"ab\"c\n2,d\"e\n3, \"f\"\n" },
        { "no closing quote", "a,b\n1,\"open\n2,3\n" },
        { "comments", "#note, first\na;b\n# more; here\n1;2\n" },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void CsvHelper_reads_the_same_records_lines_and_quoted_fields_as_the_record_reader(string name, string text)
    {
        var dialect = new CsvDialect(text.Contains(';', StringComparison.Ordinal) ? ';' : ',') { Comment = text.StartsWith('#') ? '#' : null };

        var expected = new List<(int Line, string[] Fields, bool[] Quoted)>();
        var own = new CsvRecordReader(new StringReader(text), dialect, firstLine: 3);
        var fields = new List<string>();
        while (own.TryRead(fields))
        {
            expected.Add((own.RecordLine, [.. fields], [.. own.Quoted]));
        }

        var actual = new List<(int Line, string[] Fields, bool[] Quoted)>();
        using var reader = CsvTextReader.Open(new StringReader(text), dialect, firstLine: 3);
        while (reader.TryRead(fields))
        {
            actual.Add((reader.RecordLine, [.. fields], [.. reader.Quoted]));
        }

        Assert.True(expected.Count > 1, name);
        Assert.Equal(expected.Select(Show), actual.Select(Show));
    }

    [Theory]
    [InlineData('#', '"', '#')]
    [InlineData('§', '"', null)]
    [InlineData(',', '\'', '·')]
    public void A_dialect_CsvHelper_does_not_take_is_read_by_the_record_reader(char delimiter, char quote, char? comment)
    {
        var text = $"a{delimiter}b\n1{delimiter}{quote}x{delimiter}y{quote}\n";
        using var reader = CsvTextReader.Open(new StringReader(text), new CsvDialect(delimiter, quote) { Escape = quote, Comment = comment }, firstLine: 1);
        var fields = new List<string>();

        Assert.True(reader.TryRead(fields) && reader.TryRead(fields));
        Assert.Equal(["1", $"x{delimiter}y"], fields);
        Assert.Equal([false, true], reader.Quoted);
    }

    [Fact]
    public void A_file_s_rows_have_their_number_line_and_null_for_empty_or_missing_fields()
    {
        using var temp = new TempFolder();
        var path = temp.Write("labels.csv", "id,name,note\n1,\"Ann\nLee\",x\n\n2,,\n3,Bo\n");

        var file = CsvTextReader.ReadFile(path, message => new InvalidOperationException(message));

        Assert.Equal(["id", "name", "note"], file.Header);
        Assert.Equal(
            ["1 line 2: 1|Ann\nLee|x", "2 line 5: 2|(null)|(null)", "3 line 6: 3|Bo|(null)"],
            file.Rows.Select(r => $"{r.Number} line {r.Line}: {string.Join('|', r.Fields.Select(f => f ?? "(null)"))}"));
    }

    private static string Show((int Line, string[] Fields, bool[] Quoted) record) =>
        $"{record.Line}: {string.Join('|', record.Fields.Zip(record.Quoted, (f, q) => q ? $"<{f}>" : f))}";
}
