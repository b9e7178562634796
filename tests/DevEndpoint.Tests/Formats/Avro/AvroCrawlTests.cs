using DevEndpoint.Catalog;

namespace DevEndpoint.Tests.Formats.Avro;

public sealed class AvroCrawlTests
{
    [Fact]
    public async Task Crawled_avro_files_make_an_avro_table_that_loads_the_records_of_every_file()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Combine("plain"));
        foreach (var codec in new[] { "bzip2", "snappy" })
        {
            File.Copy(Corpora.Path("arrow-testing", "data", "avro", $"alltypes_plain.{codec}.avro"), folder.Combine("plain", $"{codec}.avro"));
        }

        using var crawled = await CrawledFolder.CreateAsync(folder.Path, "lake");
        var table = crawled.Table("plain");
        var frame = (await crawled.LoadAsync("plain")).Frame;

        Assert.Equal(("avro", "16"), (table.Parameter("classification"), table.Parameter("recordCount")));
        Assert.Equal(
            (StorageFormats.AvroInputFormat, StorageFormats.AvroOutputFormat, StorageFormats.AvroSerDe),
            (table.StorageDescriptor.InputFormat, table.StorageDescriptor.OutputFormat, table.StorageDescriptor.SerdeInfo.SerializationLibrary));
        Assert.Equal(11, table.StorageDescriptor.Columns.Count);
        Assert.Equal((16, 11), (frame.Rows.Count, frame.Columns.Count));
    }

    [Fact]
    public async Task An_avro_table_carries_its_columns_as_avro_schema_literal_for_Hives_AvroSerDe()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Combine("plain"));
        File.Copy(Corpora.Path("arrow-testing", "data", "avro", "alltypes_plain.avro"), folder.Combine("plain", "a.avro"));

        using var crawled = await CrawledFolder.CreateAsync(folder.Path, "lake");
        var table = crawled.Table("plain");

        Assert.Equal(
            "id int, bool_col boolean, tinyint_col int, smallint_col int, int_col int, bigint_col bigint, float_col float, double_col double, "
            + "date_string_col binary, string_col binary, timestamp_col timestamp",
            string.Join(", ", table.StorageDescriptor.Columns.Select(c => $"{c.Name} {c.Type}")));
        Assert.Equal(
            "{\"type\":\"record\",\"name\":\"topLevelRecord\",\"fields\":["
            + "{\"name\":\"id\",\"type\":[\"null\",\"int\"],\"default\":null},"
            + "{\"name\":\"bool_col\",\"type\":[\"null\",\"boolean\"],\"default\":null},"
            + "{\"name\":\"tinyint_col\",\"type\":[\"null\",\"int\"],\"default\":null},"
            + "{\"name\":\"smallint_col\",\"type\":[\"null\",\"int\"],\"default\":null},"
            + "{\"name\":\"int_col\",\"type\":[\"null\",\"int\"],\"default\":null},"
            + "{\"name\":\"bigint_col\",\"type\":[\"null\",\"long\"],\"default\":null},"
            + "{\"name\":\"float_col\",\"type\":[\"null\",\"float\"],\"default\":null},"
            + "{\"name\":\"double_col\",\"type\":[\"null\",\"double\"],\"default\":null},"
            + "{\"name\":\"date_string_col\",\"type\":[\"null\",\"bytes\"],\"default\":null},"
            + "{\"name\":\"string_col\",\"type\":[\"null\",\"bytes\"],\"default\":null},"
            + "{\"name\":\"timestamp_col\",\"type\":[\"null\",{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}],\"default\":null}]}",
            table.StorageDescriptor.SerdeInfo.Parameters["avro.schema.literal"]);
    }

    [Fact]
    public void Nested_decimal_and_date_columns_become_avro_records_arrays_maps_and_logical_types()
    {
        var literal = DevEndpoint.Formats.Avro.AvroSchemaLiteral.Of(
            [new Column("price", "decimal(10,2)"), new Column("day", "date"), new Column("tags", "array<string>"), new Column("extra", "map<string,bigint>"), new Column("who", "struct<name:string,age:int>")]);

        Assert.Equal(
            "{\"type\":\"record\",\"name\":\"topLevelRecord\",\"fields\":["
            + "{\"name\":\"price\",\"type\":[\"null\",{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":10,\"scale\":2}],\"default\":null},"
            + "{\"name\":\"day\",\"type\":[\"null\",{\"type\":\"int\",\"logicalType\":\"date\"}],\"default\":null},"
            + "{\"name\":\"tags\",\"type\":[\"null\",{\"type\":\"array\",\"items\":[\"null\",\"string\"]}],\"default\":null},"
            + "{\"name\":\"extra\",\"type\":[\"null\",{\"type\":\"map\",\"values\":[\"null\",\"long\"]}],\"default\":null},"
            + "{\"name\":\"who\",\"type\":[\"null\",{\"type\":\"record\",\"name\":\"record1\",\"fields\":["
            + "{\"name\":\"name\",\"type\":[\"null\",\"string\"],\"default\":null},{\"name\":\"age\",\"type\":[\"null\",\"int\"],\"default\":null}]}],\"default\":null}]}",
            literal);
    }
}
