using System.IO.Compression;
using System.Text;

namespace DevEndpoint.Tests.Loading.Parity;

/// <summary>CSV files crawled and loaded, compared cell by cell with DuckDB's <c>read_csv</c> given the same dialect and column types.</summary>
public sealed class CsvParityTests
{
    public static TheoryData<string, string> Files => new()
    {
        { "null tokens", "id,name,score\n1,NULL,\n2,,NA\n3,\"NULL\",4\n4,N/A,\\N\n5,ann,7\n" },
        { "decimals", "id,amount\n1,12.50\n2,-0.01\n3,99999.99\n4,0.10\n" },
        { "dates", "id,day\n1,2024-01-31\n2,2024-02-29\n3,1999-12-31\n" },
        { "timestamps with offsets", "id,at\n1,2024-03-01 10:00:00\n2,2024-03-01T10:00:00+02:00\n3,2024-03-01T23:30:00Z\n4,2024-03-01 10:00:00.123456\n5,2024-03-01T01:15:00-05:30\n" },
        { "quoted newlines and delimiters", "id,text\n1,\"a, b\"\n2,\"line one\nline two\"\n3,\"say \"\"hi\"\"\"\n4,plain\n" },
        { "multi-byte UTF-8 and emoji", "id,name\n1,Zoë\n2,東京\n3,😀 party 🎉\n4,naïve café\n" },
        { "a header and no rows", "a,b,c\n" },
        { "an all-null column", "id,nothing\n1,\n2,\n3,\n" },
        { "booleans and doubles", "id,flag,ratio\n1,true,0.5\n2,false,-1.25e3\n3,TRUE,3.0\n" },
        { "semicolons and single quotes", "id;label\n1;'x; y'\n2;'it''s'\n3;plain\n" },
        { "one column", "only\n1\n2\n3\n" },
        { "three hundred columns", string.Join(',', Enumerable.Range(0, 300).Select(i => $"c{i}")) + "\n" + string.Join(',', Enumerable.Range(0, 300)) + "\n" + string.Join(',', Enumerable.Range(0, 300).Select(i => i * 2)) + "\n" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task A_loaded_csv_file_has_the_cells_duckdb_reads(string what, string content)
    {
        using var crawled = await CrawledFiles.LoadAsync(("data.csv", Encoding.UTF8.GetBytes(content)));

        var (names, rows) = crawled.DuckCsv();

        Cells.AssertSame(crawled.Frame, names, rows, what);
    }

    [Fact]
    public async Task A_gzip_compressed_csv_file_has_the_cells_duckdb_reads()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes("id,name,amount\n1,\"a, b\",1.50\n2,東京,\n3,NULL,-2.25\n"));
        }

        using var crawled = await CrawledFiles.LoadAsync(("data.csv.gz", compressed.ToArray()));
        Assert.Equal("gzip", crawled.Table.Parameter("compressionType"));

        var (names, rows) = crawled.DuckCsv();

        Cells.AssertSame(crawled.Frame, names, rows, "gzip");
    }

    [Fact]
    public async Task Rows_of_several_files_load_in_file_order_with_the_cells_duckdb_reads()
    {
        using var crawled = await CrawledFiles.LoadAsync(
            ("a.csv", Encoding.UTF8.GetBytes("id,name\n1,x\n2,y\n")),
            ("b.csv", Encoding.UTF8.GetBytes("id,name\n3,z\n4,\n")));

        var (names, rows) = crawled.DuckCsv();

        Cells.AssertSame(crawled.Frame, names, rows, "two files");
    }
}
