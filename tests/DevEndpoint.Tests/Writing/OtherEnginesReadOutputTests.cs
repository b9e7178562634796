using DevEndpoint.Testing;
using DevEndpoint.Tests.Loading.Parity;
using DevEndpoint.Writing;

namespace DevEndpoint.Tests.Writing;

public sealed class OtherEnginesReadOutputTests
{
    [Theory]
    [InlineData("snappy")]
    [InlineData("gzip")]
    [InlineData("zstd")]
    [InlineData("none")]
    public async Task DuckDB_reads_parquet_written_with_each_codec(string codec)
    {
        using var temp = new TempFolder();
        var result = await new FrameWriter().WriteAsync(WrittenFrames.Awkward(), new WriteOptions { Path = temp.Combine("t"), Compression = codec });

        var (_, rows) = DuckDb.Query(
            $"SELECT count(*), sum(price), sum(big), count(text) FROM read_parquet({DuckDb.Literal(Path.Combine(result.Path, Assert.Single(result.Files)))})");

        Assert.Equal([4L, 123456802.489m, 4_999_999_999L, 3L], rows[0].Select(v => v is System.Numerics.BigInteger b ? (long)b : v));
    }

    [Theory]
    [InlineData("csv", "read_csv({0}, header = true, quote = '\"', escape = '\"')")]
    [InlineData("json", "read_json({0}, format = 'newline_delimited')")]
    public async Task DuckDB_reads_the_text_output_with_the_same_strings(string format, string reader)
    {
        using var temp = new TempFolder();
        var result = await new FrameWriter().WriteAsync(WrittenFrames.Awkward(), new WriteOptions { Path = temp.Combine("t"), Format = WriteOptions.ParseFormat(format) });
        var file = DuckDb.Literal(Path.Combine(result.Path, Assert.Single(result.Files)));

        var (_, rows) = DuckDb.Query($"SELECT text FROM {string.Format(System.Globalization.CultureInfo.InvariantCulture, reader, file)} ORDER BY id");

        Assert.Equal(WrittenFrames.Rows(WrittenFrames.Awkward(), "text"), rows);
    }
}
