using DevEndpoint.Formats;

namespace DevEndpoint.Tests.Formats;

/// <summary>Files of DuckDB's CSV corpus whose dialect DuckDB's own tests state (duckdb-sniffer-expected.tsv).</summary>
public sealed class DuckDbCsvSniffingTests
{
    [Theory]
    [InlineData("csv/auto/backslash_escape.csv", '|', false, 0)]
    [InlineData("csv/comments/simple.csv", ';', true, 2)]
    [InlineData("csv/timings.csv", '|', true, 0)]
    [InlineData("csv/real/lineitem_sample.csv", '|', false, 0)]
    [InlineData("csv/test_apple_financial.csv.gz", '\t', true, 3)]
    [InlineData("19578.csv", ';', true, 0)]
    public async Task The_dialect_matches_duckdbs_answer(string file, char delimiter, bool header, int preambleLines)
    {
        var schema = await FileClassifier.ClassifyAsync(Corpora.Path(["duckdb", "data", .. file.Split('/')]), new SampleOptions());

        Assert.Equal(delimiter, schema!.Csv!.Delimiter);
        Assert.Equal(header, schema.Csv.HasHeader);
        Assert.Equal(preambleLines, schema.Csv.PreambleLines);
    }

    [Fact]
    public async Task A_backslash_escaped_file_records_its_escape()
    {
        var schema = await FileClassifier.ClassifyAsync(Corpora.Path("duckdb", "data", "csv", "auto", "backslash_escape.csv"), new SampleOptions());

        Assert.Equal('\\', schema!.Csv!.Escape);
        Assert.Equal(["int", "string", "string"], schema.Columns.Select(c => c.Type));
    }

    [Fact]
    public async Task Timestamps_with_hour_offsets_are_timestamps()
    {
        var schema = await FileClassifier.ClassifyAsync(Corpora.Path("duckdb", "data", "csv", "union-by-name", "ubn2.csv"), new SampleOptions());

        Assert.Equal("timestamp", schema!.Columns.Single(c => c.Name == "ts").Type);
    }
}
