using System.Text;
using DevEndpoint.Formats.Csv;

namespace DevEndpoint.Tests.Formats.Csv;

/// <summary>
/// The record reader over a text held whole (the sniffer's) cuts unquoted fields out of the text instead of reading
/// character by character: it must give the same records, quoting, line numbers and quote counts as over a stream.
/// </summary>
public sealed class CsvRecordReaderTests
{
    private static readonly CsvDialect[] Dialects =
    [
        new(',', '"'),
        new(';', '"') { Escape = '\\' },
        new('\t', '\'') { Comment = '#' },
        new('|', '"') { Comment = '#' },
    ];

    [Theory]
    [MemberData(nameof(Utf8CsvTokenizerTests.CorpusFiles), MemberType = typeof(Utf8CsvTokenizerTests))]
    public void Corpus_files_read_from_a_string_as_from_a_stream(string file)
    {
        var text = File.ReadAllText(Corpora.Path(file), Encoding.Latin1);

        foreach (var dialect in Dialects)
        {
            Assert.Equal(Records(new CsvRecordReader(new StringReader(text), dialect)), Records(new CsvRecordReader(text, dialect)));
        }
    }

    [Theory]
    [InlineData("a,b\r\n1,2\r\n", "1:a|b;2:1|2")]
    [InlineData("a,b\r1,2\r", "1:a|b;2:1|2")]
    [InlineData("a,\"x,\"\"y\"\"\nz\"\n3,4", "1:a|\"x,\"y\"\nz;3:3|4")]
    [InlineData("a,\"q\"tail,c\n", "1:a|\"qtail|c")]
    [InlineData("#note,with,commas\n\n1,2\n", "3:1|2")]
    [InlineData("1,\"unclosed\n2,3", "1:1|\"unclosed\n2,3")]
    [InlineData("1,2,\n,\n\n,,x", "1:1|2|;2:|;4:||x")]
    [InlineData("last,field", "1:last|field")]
    public void Edge_cases_read_from_a_string_into_the_expected_records(string text, string expected)
    {
        var dialect = new CsvDialect(',', '"') { Comment = '#' };

        var records = Records(new CsvRecordReader(text, dialect));

        Assert.Equal(expected, string.Join(';', records.SkipLast(1)));
        Assert.Equal(Records(new CsvRecordReader(new StringReader(text), dialect)), records);
    }

    /// <summary>Records as <c>line:field|field</c>, a quoted field marked with a leading <c>"</c>; last, the quoted field and quote error counts.</summary>
    private static List<string> Records(CsvRecordReader reader)
    {
        var fields = new List<string>();
        var records = new List<string>();
        while (reader.TryRead(fields))
        {
            records.Add($"{reader.RecordLine}:{string.Join('|', fields.Select((f, i) => reader.Quoted[i] ? "\"" + f : f))}");
        }

        records.Add($"quoted {reader.QuotedFields}, errors {reader.QuoteErrors}");
        return records;
    }
}
