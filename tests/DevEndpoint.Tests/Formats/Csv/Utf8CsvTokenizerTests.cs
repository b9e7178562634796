using System.Text;
using DevEndpoint.Formats.Csv;

namespace DevEndpoint.Tests.Formats.Csv;

/// <summary>
/// The byte tokenizer the loader uses must split every file exactly as <see cref="CsvRecordReader"/> (the text reader
/// the crawler samples with) does: same fields, same quoting, same line numbers, whatever the block boundaries.
/// </summary>
public sealed class Utf8CsvTokenizerTests
{
    public static TheoryData<string> CorpusFiles()
    {
        var files = Directory.EnumerateFiles(Corpora.Path("csv-spectrum", "csvs"), "*.csv")
            .Concat(Directory.EnumerateFiles(Corpora.Path("duckdb", "data", "csv"), "*.csv", SearchOption.AllDirectories))
            .Where(f => new FileInfo(f).Length < 256 * 1024)
            .Order(StringComparer.Ordinal);
        var data = new TheoryData<string>();
        foreach (var file in files)
        {
            data.Add(Path.GetRelativePath(Corpora.Path(), file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Corpus_files_split_as_the_text_reader_splits_them(string file)
    {
        var bytes = File.ReadAllBytes(Corpora.Path(file));
        if (!IsUtf8(bytes))
        {
            return;
        }

        foreach (var dialect in Dialects)
        {
            var expected = TextRecords(bytes, dialect);
            Assert.Equal(expected, ByteRecords(bytes, dialect, readSize: int.MaxValue));
            Assert.Equal(expected, ByteRecords(bytes, dialect, readSize: 3));
        }
    }

    [Theory]
    [InlineData("a,b\r\n1,2\r\n", "1:a|b;2:1|2")]
    [InlineData("a,b\r1,2\r", "1:a|b;2:1|2")]
    [InlineData("a,\"x,\"\"y\"\"\nz\"\n3,4", "1:a|\"x,\"y\"\nz;3:3|4")]
    [InlineData("a,\"q\"tail,c\n", "1:a|\"qtail|c")]
    [InlineData("#note,with,commas\n\n1,2\n", "3:1|2")]
    [InlineData("1,\"unclosed\n2,3", "1:1|\"unclosed\n2,3")]
    [InlineData("1,2,\n", "1:1|2|")]
    public void Edge_cases_split_into_the_expected_records(string text, string expected)
    {
        var dialect = new CsvDialect(',', '"') { Comment = '#' };

        var records = ByteRecords(Encoding.UTF8.GetBytes(text), dialect, readSize: 2);

        Assert.Equal(expected, string.Join(';', records));
    }

    private static readonly CsvDialect[] Dialects =
    [
        new(',', '"'),
        new(';', '"') { Escape = '\\' },
        new('\t', '\'') { Comment = '#' },
        new('|', '"') { Comment = '#' },
    ];

    /// <summary>Records as <c>line:field|field</c>, a quoted field marked with a leading <c>"</c>.</summary>
    private static List<string> TextRecords(byte[] bytes, CsvDialect dialect)
    {
        var reader = new CsvRecordReader(new StreamReader(new MemoryStream(bytes), Encoding.UTF8), dialect);
        var fields = new List<string>();
        var records = new List<string>();
        while (reader.TryRead(fields))
        {
            records.Add($"{reader.RecordLine}:{string.Join('|', fields.Select((f, i) => reader.Quoted[i] ? "\"" + f : f))}");
        }

        return records;
    }

    private static List<string> ByteRecords(byte[] bytes, CsvDialect dialect, int readSize)
    {
        var tokenizer = new Utf8CsvTokenizer(dialect);
        using var blocks = new CsvBlocks(new Trickle(bytes, readSize), tokenizer, 0);
        blocks.SkipByteOrderMark();
        var records = new List<string>();
        var line = 1L;
        while (blocks.Next())
        {
            var start = line;
            line += tokenizer.LineBreaks;
            if (tokenizer.IsBlank)
            {
                continue;
            }

            var fields = new List<string>();
            for (var i = 0; i < tokenizer.FieldCount; i++)
            {
                var text = Encoding.UTF8.GetString(tokenizer.Field(blocks.Record, i));
                fields.Add(tokenizer.Quoted(i) ? "\"" + text : text);
            }

            records.Add($"{start}:{string.Join('|', fields)}");
        }

        return records;
    }

    private static bool IsUtf8(byte[] bytes)
    {
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>A stream over bytes that returns at most a few bytes per read, as a slow pipe or socket does.</summary>
    private sealed class Trickle(byte[] bytes, int readSize) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, readSize));
    }
}
