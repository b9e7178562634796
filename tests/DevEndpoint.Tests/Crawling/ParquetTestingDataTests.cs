using System.Text;

namespace DevEndpoint.Tests.Crawling;

/// <summary>Apache parquet-testing's data folder (corpora/parquet-testing/data): every encoding, codec and logical type.</summary>
public sealed class ParquetTestingDataTests
{
    private const string UnreadableParquet = "not a readable Parquet file (";

    private static string DataFolder => Corpora.Path("parquet-testing", "data");

    [Fact]
    public async Task Crawling_the_data_folder_catalogues_every_file_or_skips_it_with_a_reason()
    {
        using var crawl = await CrawledFolder.CreateAsync(DataFolder, "pq");

        var files = Directory.GetFiles(DataFolder, "*", SearchOption.AllDirectories).Length;
        Assert.Equal(files, crawl.Result.Tables.Sum(t => t.Files) + crawl.Result.SkippedFiles.Count);
        Assert.All(crawl.Result.SkippedFiles, s => Assert.False(string.IsNullOrWhiteSpace(s.Reason)));
        var reasons = crawl.Result.SkippedFiles.ToDictionary(s => s.Path, s => s.Reason);
        Assert.StartsWith(UnreadableParquet, reasons["dict-page-offset-zero.parquet"], StringComparison.Ordinal);
        Assert.Equal("UNKNOWN classification: no classifier recognised it (tried avro, orc, parquet, json, xml, combined_apache, apache, linux_kernel, csv)", reasons["README.md"]);
        Assert.Equal(
            "hidden or marker file: names starting with '.' or '_' do not hold data",
            reasons["_KEY_MATERIAL_FOR_external_key_material_java.parquet.encrypted.json"]);
    }

    [Fact]
    public async Task The_parquet_files_of_the_data_folder_make_one_table_with_the_alltypes_columns()
    {
        using var crawl = await CrawledFolder.CreateAsync(DataFolder, "pq");

        var table = crawl.Table("data");

        Assert.Equal("parquet", table.Parameter("classification"));
        var types = table.StorageDescriptor.Columns.ToDictionary(c => c.Name, c => c.Type);
        Assert.Equal(
            new[] { "boolean", "int", "bigint", "float", "double", "timestamp" },
            new[] { "bool_col", "int_col", "bigint_col", "float_col", "double_col", "timestamp_col" }.Select(c => types[c]));
    }

    [Fact]
    public async Task Alltypes_plain_gets_its_column_types_and_loads_its_rows()
    {
        using var crawl = await CrawledFolder.CreateAsync(DataFolder, "pq", CrawledFolder.ExcludeAllBut(DataFolder, "alltypes_plain.parquet"));

        var table = crawl.Table("data");
        var frame = (await crawl.LoadAsync("data")).Frame;

        Assert.Equal(
            new[]
            {
                "id int", "bool_col boolean", "tinyint_col int", "smallint_col int", "int_col int", "bigint_col bigint",
                "float_col float", "double_col double", "date_string_col binary", "string_col binary", "timestamp_col timestamp",
            },
            table.StorageDescriptor.Columns.Select(c => $"{c.Name} {c.Type}"));
        Assert.Equal("8", table.Parameter("recordCount"));
        Assert.Equal(new[] { 4, 5, 6, 7, 2, 3, 0, 1 }, frame.Columns["id"].Cast<int?>().Select(i => i!.Value));
        Assert.Equal(new bool?[] { true, false, true, false, true, false, true, false }, frame.Columns["bool_col"].Cast<bool?>());
        Assert.Equal(new DateTime(2009, 3, 1), frame.Columns["timestamp_col"][0]);
        Assert.Equal("03/01/09", Encoding.ASCII.GetString(Convert.FromBase64String((string)frame.Columns["date_string_col"][0])));
    }

    [Theory]
    [InlineData("delta_binary_packed")]
    [InlineData("delta_byte_array")]
    [InlineData("delta_encoding_optional_column")]
    [InlineData("delta_encoding_required_column")]
    public async Task A_delta_encoded_file_loads_the_values_of_its_expect_csv(string name)
    {
        using var crawl = await CrawledFolder.CreateAsync(DataFolder, "pq", CrawledFolder.ExcludeAllBut(DataFolder, $"{name}.parquet"));

        var frame = (await crawl.LoadAsync("data")).Frame;

        var expected = File.ReadAllLines(Path.Combine(DataFolder, $"{name}_expect.csv")).Skip(1).Select(QuotedCsvLine).ToList();
        Assert.Equal(expected.Count, frame.Rows.Count);
        Assert.Equal(expected[0].Count, frame.Columns.Count);
        for (var row = 0; row < expected.Count; row++)
        {
            Assert.Equal(expected[row], frame.Rows[row].Select(CrawledFolder.Text));
        }
    }

    /// <summary>Splits one line of the expect files, which quote fields but hold no quotes or line breaks inside them.</summary>
    private static List<string> QuotedCsvLine(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
