using DevEndpoint.Formats;

namespace DevEndpoint.Tests.Formats.Csv;

/// <summary>Every file of the messy CSV corpus is sniffed as its <c>expected.tsv</c> line says.</summary>
public sealed class MessyCsvCorpusTests
{
    public static TheoryData<string, char, bool, int, int> Files => MessyCsv.Expected();

    [Theory]
    [MemberData(nameof(Files))]
    public async Task A_messy_file_is_sniffed_with_its_expected_delimiter_header_columns_and_preamble(string file, char delimiter, bool header, int columns, int preambleLines)
    {
        var schema = await FileClassifier.ClassifyAsync(MessyCsv.Path(file), new SampleOptions());

        Assert.NotNull(schema?.Csv);
        Assert.Equal(
            (delimiter, header, columns, preambleLines),
            (schema.Csv.Delimiter, schema.Csv.HasHeader, schema.Columns.Count, schema.Csv.PreambleLines));
    }

    [Fact]
    public void The_corpus_holds_at_least_five_files_of_each_kind()
    {
        var kinds = MessyCsv.Expected().Select(row => ((string)row[0]).Split('/')[0]).GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(
            ["control", "delimited-preamble", "quoted-semicolon", "quoted-text-header", "short-header", "title-line", "trailing-delimiter"],
            kinds.Keys.Order(StringComparer.Ordinal));
        Assert.All(kinds.Values, count => Assert.True(count >= 5));
    }
}
