using DevEndpoint.Catalog;
using DevEndpoint.Loading;
using DevEndpoint.Testing;
using DevEndpoint.Writing;

namespace DevEndpoint.Tests.Writing;

public sealed class FrameWriterRoundTripTests
{
    private static readonly string[] AllColumns = ["id", "big", "price", "ratio", "flag", "day", "at", "text"];

    [Theory]
    [InlineData("parquet", null)]
    [InlineData("parquet", "gzip")]
    [InlineData("parquet", "zstd")]
    [InlineData("csv", null)]
    [InlineData("csv", "gzip")]
    [InlineData("json", null)]
    [InlineData("json", "gzip")]
    public async Task What_is_written_loads_back_with_the_same_values(string format, string? compression)
    {
        using var temp = new TempFolder();
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        var frame = WrittenFrames.Awkward();

        await new FrameWriter(catalog).WriteAsync(frame, new WriteOptions
        {
            Path = temp.Combine("out", "awkward"),
            Format = WriteOptions.ParseFormat(format),
            Compression = compression,
            CatalogTable = "lake.awkward",
        });
        var loaded = await new TableLoader(catalog).LoadAsync("lake.awkward", new LoadOptions { Mode = BadRecordMode.FailFast });

        Assert.Equal(AllColumns, loaded.Frame.Columns.Select(c => c.Name));
        Assert.Equal(WrittenFrames.Rows(frame, AllColumns), WrittenFrames.Rows(loaded.Frame, AllColumns));
    }

    [Fact]
    public async Task The_catalog_records_hive_types_and_the_storage_a_crawl_records()
    {
        using var temp = new TempFolder();
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));

        var result = await new FrameWriter(catalog).WriteAsync(WrittenFrames.Awkward(), new WriteOptions
        {
            Path = temp.Combine("awkward"),
            Format = WriteFormat.Csv,
            CatalogTable = "lake.awkward",
        });

        var table = catalog.GetTable(new TableName("lake", "awkward"));
        Assert.Equal(TableChange.Created, result.TableChange);
        Assert.Equal(
            ["int", "bigint", "decimal(12,3)", "double", "boolean", "date", "timestamp", "string"],
            table.StorageDescriptor.Columns.Select(c => c.Type));
        Assert.Equal(temp.Combine("awkward") + "/", table.StorageDescriptor.Location);
        Assert.Equal(StorageFormats.OpenCsvSerDe, table.StorageDescriptor.SerdeInfo.SerializationLibrary);
        Assert.Equal(("csv", "none", "4", ","), (table.Parameter("classification"), table.Parameter("compressionType"), table.Parameter("recordCount"), table.Parameter("delimiter")));
        Assert.Equal("1", table.Parameter("skip.header.line.count"));
    }

    [Fact]
    public async Task Csv_output_has_a_header_and_quotes_only_the_fields_that_need_it()
    {
        using var temp = new TempFolder();

        var result = await new FrameWriter().WriteAsync(WrittenFrames.Awkward(), new WriteOptions { Path = temp.Combine("awkward"), Format = WriteFormat.Csv });

        var text = File.ReadAllText(Path.Combine(result.Path, Assert.Single(result.Files)));
        Assert.Equal(
            "id,big,price,ratio,flag,day,at,text\n"
            + "1,5000000000,12.50,0.1,true,2024-01-31,2024-01-31 23:59:58.123,plain\n"
            + "2,,,1E-300,false,,2024-02-01 00:00:01,\"a, \"\"quoted\"\" one\"\n"
            + "3,-1,-0.001,,,1999-12-31,,\"two\nlines, and ünïcödé ✓ 日本\"\n"
            + "4,0,123456789.99,-2.5,true,2024-02-29,2000-01-01 12:00:00,\n",
            text);
    }

    [Theory]
    [InlineData("parquet")]
    [InlineData("csv")]
    [InlineData("json")]
    public async Task An_empty_string_and_a_null_stay_apart(string format)
    {
        using var temp = new TempFolder();
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        var frame = new Microsoft.Data.Analysis.DataFrame(
            new Microsoft.Data.Analysis.Int32DataFrameColumn("id", [1, 2, 3]),
            new Microsoft.Data.Analysis.StringDataFrameColumn("text", ["", null, " padded "]));

        await new FrameWriter(catalog).WriteAsync(frame, new WriteOptions { Path = temp.Combine("t"), Format = WriteOptions.ParseFormat(format), CatalogTable = "lake.t" });
        var loaded = await new TableLoader(catalog).LoadAsync("lake.t");

        Assert.Equal(["", null, " padded "], loaded.Frame.Columns["text"].Cast<string?>());
    }
}
