using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.Loading;
using DevEndpoint.Writing;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Writing;

/// <summary>The CSV writer's quoting, where it goes further than CsvHelper's own rules.</summary>
public sealed class CsvOutputTests
{
    [Fact]
    public async Task Text_with_white_space_of_any_kind_at_either_end_is_quoted_and_loads_back_as_written()
    {
        using var temp = new TempFolder();
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        string[] values = ["\u00a0no-break", "tab\t", "\vvertical", "in the middle", "\u3000ideographic"];
        var frame = new DataFrame(new Int32DataFrameColumn("id", [1, 2, 3, 4, 5]), new StringDataFrameColumn("text", values));

        var result = await new FrameWriter(catalog).WriteAsync(frame, new WriteOptions { Path = temp.Combine("t"), Format = WriteFormat.Csv, CatalogTable = "lake.t" });
        var loaded = await new TableLoader(catalog).LoadAsync("lake.t");

        Assert.Equal(
            "id,text\n1,\"\u00a0no-break\"\n2,\"tab\t\"\n3,\"\vvertical\"\n4,in the middle\n5,\"\u3000ideographic\"\n",
            File.ReadAllText(Path.Combine(result.Path, Assert.Single(result.Files))));
        Assert.Equal(values, loaded.Frame.Columns["text"].Cast<string>());
    }

    [Fact]
    public async Task A_null_in_a_one_column_frame_is_written_as_an_empty_quoted_field_so_its_row_is_not_lost()
    {
        using var temp = new TempFolder();
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        var frame = new DataFrame(new StringDataFrameColumn("name", ["Ann", null, "Bo"]));

        var result = await new FrameWriter(catalog).WriteAsync(frame, new WriteOptions { Path = temp.Combine("t"), Format = WriteFormat.Csv, CatalogTable = "lake.t" });
        var loaded = await new TableLoader(catalog).LoadAsync("lake.t");

        Assert.Equal("name\nAnn\n\"\"\nBo\n", File.ReadAllText(Path.Combine(result.Path, Assert.Single(result.Files))));
        Assert.Equal(3, loaded.Frame.Rows.Count);
    }

    [Fact]
    public void A_frame_printed_as_csv_has_the_values_a_written_csv_file_has()
    {
        var frame = new DataFrame(
            new BooleanDataFrameColumn("flag", [true, null]),
            new PrimitiveDataFrameColumn<DateTime>("day", [new DateTime(2024, 2, 29), null]),
            new PrimitiveDataFrameColumn<DateTime>("at", [new DateTime(2024, 2, 29, 8, 30, 0), new DateTime(2024, 3, 1, 0, 0, 0, 250)]),
            new DecimalDataFrameColumn("price", [12.50m, -0.001m]),
            new StringDataFrameColumn("text", ["", "a \"b\", c"]));
        using var output = new StringWriter(CultureInfo.InvariantCulture);

        FrameCsv.Write(output, frame);

        Assert.Equal(
            "flag,day,at,price,text\ntrue,2024-02-29,2024-02-29 08:30:00,12.50,\"\"\n,,2024-03-01 00:00:00.25,-0.001,\"a \"\"b\"\", c\"\n",
            output.ToString());
    }
}
