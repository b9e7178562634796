using DevEndpoint.Catalog;
using DevEndpoint.Formats;

namespace DevEndpoint.Tests.Formats.Avro;

public sealed class AvroSchemaTests
{
    [Fact]
    public async Task Avro_types_map_to_hive_types()
    {
        const string schema = """
            {"type": "record", "name": "Order", "namespace": "shop", "fields": [
              {"name": "Id", "type": "long"},
              {"name": "price", "type": {"type": "bytes", "logicalType": "decimal", "precision": 12, "scale": 3}},
              {"name": "day", "type": ["null", {"type": "int", "logicalType": "date"}]},
              {"name": "at", "type": {"type": "long", "logicalType": "timestamp-micros"}},
              {"name": "status", "type": {"type": "enum", "name": "Status", "symbols": ["OPEN", "SHIPPED"]}},
              {"name": "previous", "type": ["null", "Status"]},
              {"name": "hash", "type": {"type": "fixed", "name": "Md5", "size": 16}},
              {"name": "tags", "type": {"type": "map", "values": {"type": "array", "items": "string"}}},
              {"name": "either", "type": ["null", "int", "string"]},
              {"name": "ok", "type": "boolean"},
              {"name": "ratio", "type": "float"},
              {"name": "next", "type": ["null", "shop.Order"]}
            ]}
            """;
        using var folder = new TempFolder();
        var path = folder.Combine("orders.avro");
        File.WriteAllBytes(path, AvroFiles.Container(schema, 3, 4));

        var result = await FileClassifier.ClassifyAsync(path, new SampleOptions());

        Assert.NotNull(result);
        Assert.Equal(("avro", 7L), (result.Classification, result.RecordCount));
        Assert.Equal(
            [
                new Column("id", "bigint"), new Column("price", "decimal(12,3)"), new Column("day", "date"), new Column("at", "timestamp"),
                new Column("status", "string"), new Column("previous", "string"), new Column("hash", "binary"),
                new Column("tags", "map<string,array<string>>"), new Column("either", "string"), new Column("ok", "boolean"),
                new Column("ratio", "float"), new Column("next", "string"),
            ],
            result.Columns);
    }

    [Theory]
    [InlineData("timestamp_logical_types", "id int, ts_millis timestamp, ts_micros timestamp, ts_nanos timestamp, local_ts_millis timestamp, local_ts_micros timestamp, local_ts_nanos timestamp")]
    [InlineData("simple_enum", "f1 string, f2 string, f3 string")]
    [InlineData("simple_fixed", "f1 binary, f2 binary, f3 binary")]
    [InlineData("duration_uuid", "duration_field binary, uuid_field string")]
    [InlineData("int128_decimal", "value decimal(38,2)")]
    [InlineData("alltypes_nulls_plain", "string_col string, int_col int, bool_col boolean, bigint_col bigint, float_col float, double_col double, bytes_col binary")]
    [InlineData("nested_records", "f1 struct<f1_1:string,f1_2:int,f1_3:struct<f1_3_1:double>>, f2 array<struct<f2_1:boolean,f2_2:float>>, f3 struct<f3_1:string>, f4 array<struct<f4_1:bigint>>")]
    [InlineData("repeated_no_annotation", "id int, phonenumbers struct<phone:array<struct<number:bigint,kind:string>>>")]
    public async Task Arrow_testing_avro_files_have_exact_column_types(string name, string columns)
    {
        var schema = await FileClassifier.ClassifyAsync(Corpora.Path("arrow-testing", "data", "avro", name + ".avro"), new SampleOptions());

        Assert.Equal(columns, string.Join(", ", schema!.Columns.Select(c => $"{c.Name} {c.Type}")));
    }

    /// <summary>arrow-testing's Avro files hold the data of parquet-testing's files of the same name: the schemas must agree.</summary>
    [Theory]
    [InlineData("alltypes_plain", 8)]
    [InlineData("alltypes_dictionary", 2)]
    [InlineData("binary", 12)]
    [InlineData("datapage_v2.snappy", 5)]
    [InlineData("fixed_length_decimal", 24)]
    [InlineData("fixed_length_decimal_legacy", 24)]
    [InlineData("int32_decimal", 24)]
    [InlineData("int64_decimal", 24)]
    [InlineData("list_columns", 3)]
    [InlineData("nested_lists.snappy", 3)]
    [InlineData("nonnullable.impala", 1)]
    [InlineData("nullable.impala", 7)]
    [InlineData("nulls.snappy", 8)]
    [InlineData("single_nan", 1)]
    public async Task Avro_files_read_the_same_schema_as_their_parquet_twins(string name, long records)
    {
        var avro = await FileClassifier.ClassifyAsync(Corpora.Path("arrow-testing", "data", "avro", name + ".avro"), new SampleOptions());
        var parquet = await FileClassifier.ClassifyAsync(Corpora.Path("parquet-testing", "data", name + ".parquet"), new SampleOptions());

        Assert.Equal(parquet!.Columns, avro!.Columns);
        Assert.Equal(records, avro.RecordCount);
    }

    [Fact]
    public async Task Every_arrow_testing_avro_file_is_classified_avro_with_its_record_count()
    {
        var files = Directory.EnumerateFiles(Corpora.Path("arrow-testing", "data", "avro"), "*.avro").ToList();

        var schemas = await Task.WhenAll(files.Select(f => FileClassifier.ClassifyAsync(f, new SampleOptions())));

        Assert.Equal(31, files.Count);
        Assert.All(schemas, s => Assert.Equal("avro", s!.Classification));
        Assert.All(schemas, s => Assert.InRange(s!.RecordCount, 1, 50));
    }
}
