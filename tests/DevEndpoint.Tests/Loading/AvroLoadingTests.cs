using Avro;
using Avro.File;
using Avro.Generic;
using DevEndpoint.Loading;
using DevEndpoint.Tests.Loading.Parity;

namespace DevEndpoint.Tests.Loading;

/// <summary>Avro files written with Apache.Avro, loaded, and checked against Apache.Avro's read and against known values.</summary>
public sealed class AvroLoadingTests
{
    private const string Schema = """
        {"type": "record", "name": "Order", "fields": [
          {"name": "Id", "type": "long"},
          {"name": "amount", "type": {"type": "bytes", "logicalType": "decimal", "precision": 10, "scale": 2}},
          {"name": "day", "type": ["null", {"type": "int", "logicalType": "date"}]},
          {"name": "at", "type": {"type": "long", "logicalType": "timestamp-micros"}},
          {"name": "ref", "type": {"type": "string", "logicalType": "uuid"}},
          {"name": "status", "type": {"type": "enum", "name": "Status", "symbols": ["NEW", "SHIPPED"]}},
          {"name": "customer", "type": ["null", {"type": "record", "name": "Customer", "fields": [
            {"name": "name", "type": "string"},
            {"name": "address", "type": {"type": "record", "name": "Address", "fields": [{"name": "city", "type": ["null", "string"]}]}}]}]},
          {"name": "tags", "type": {"type": "array", "items": "string"}},
          {"name": "attributes", "type": {"type": "map", "values": "int"}},
          {"name": "note", "type": ["null", "string", "int"]}
        ]}
        """;

    [Fact]
    public async Task Avro_records_load_with_logical_types_flattened_records_and_json_arrays_as_apache_avro_reads_them()
    {
        using var crawled = await CrawledFiles.LoadAsync(("orders.avro", Write()));
        var frame = crawled.Frame;

        Assert.Equal(
            ["id", "amount", "day", "at", "ref", "status", "customer.name", "customer.address.city", "tags", "attributes", "note"],
            frame.Columns.Select(c => c.Name));
        Assert.Equal([12.34m, -0.05m, -99999999.99m], frame.Columns["amount"].Cast<decimal?>());
        Assert.Equal([new DateTime(2024, 2, 29), null, new DateTime(1969, 12, 31)], frame.Columns["day"].Cast<DateTime?>());
        Assert.Equal(new DateTime(2024, 3, 1, 8, 0, 0).AddTicks(1234560), frame.Columns["at"][0]);
        Assert.Equal(["東京", null, null], frame.Columns["customer.address.city"].Cast<string?>());
        // JSON text keeps other scripts as they are; System.Text.Json escapes characters beyond the BMP, such as emoji.
        Assert.Equal(["[\"a\",\"東京\",\"\\uD83D\\uDE00\"]", "[]", "[]"], frame.Columns["tags"].Cast<string?>());
        Assert.Equal(["gift, wrap", null, "7"], frame.Columns["note"].Cast<string?>());
        var path = Path.Combine(crawled.TablePath, "orders.avro");
        Cells.AssertSame(frame, [.. frame.Columns.Select(c => c.Name)], AvroReference.Rows(path, crawled.Table.StorageDescriptor.Columns), "orders", crawled.JsonColumns, "Apache.Avro");
    }

    [Fact]
    public async Task A_field_of_a_nested_avro_record_is_selected_by_its_dotted_name()
    {
        var folder = new TempFolder();
        using var cleanup = folder;
        Directory.CreateDirectory(folder.Combine("orders"));
        await File.WriteAllBytesAsync(folder.Combine("orders", "orders.avro"), Write());
        using var lake = await CrawledFolder.CreateAsync(folder.Path, "shop");

        var frame = (await lake.LoadAsync("orders", new LoadOptions { Columns = ["customer.address.city", "id"] })).Frame;

        Assert.Equal(["customer.address.city", "id"], frame.Columns.Select(c => c.Name));
        Assert.Equal(["東京", null, null], frame.Columns["customer.address.city"].Cast<string?>());
    }

    [Theory]
    [InlineData("`customer.address.city` IS NOT NULL OR day IS NULL")]
    [InlineData("amount < 0 AND day < '2000-01-01'")]
    [InlineData("NOT status = 'NEW'")]
    public async Task An_avro_table_is_filtered_on_its_columns_nested_fields_too(string where)
    {
        var folder = new TempFolder();
        using var cleanup = folder;
        Directory.CreateDirectory(folder.Combine("orders"));
        await File.WriteAllBytesAsync(folder.Combine("orders", "orders.avro"), Write());
        using var lake = await CrawledFolder.CreateAsync(folder.Path, "shop");
        var all = (await lake.LoadAsync("orders")).Frame;

        var loaded = (await lake.LoadAsync("orders", new LoadOptions { Where = where, Columns = ["id"] })).Frame;

        var expected = Enumerable.Range(0, (int)all.Rows.Count).Where(i => where switch
        {
            "amount < 0 AND day < '2000-01-01'" => (decimal)all["amount"][i] < 0 && all["day"][i] is DateTime day && day < new DateTime(2000, 1, 1),
            "NOT status = 'NEW'" => all["status"][i] is string status && status != "NEW",
            _ => all["customer.address.city"][i] is not null || all["day"][i] is null,
        }).Select(i => all["id"][i]);
        Assert.Equal(expected, loaded["id"].Cast<object>());
        Assert.NotEmpty(expected);
    }

    [Fact]
    public async Task An_avro_file_with_xz_blocks_fails_naming_the_codec_and_the_readable_ones()
    {
        var file = Corpora.Path("arrow-testing", "data", "avro", "alltypes_plain.xz.avro");
        using var crawled = new TempFolder();
        Directory.CreateDirectory(crawled.Combine("t"));
        File.Copy(file, crawled.Combine("t", "xz.avro"));
        using var lake = await CrawledFolder.CreateAsync(crawled.Path, "lake");

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => lake.LoadAsync("t"));

        Assert.Equal(
            $"{crawled.Combine("t", "xz.avro")}: its Avro blocks are compressed with 'xz', which cannot be read yet (readable: null, deflate, snappy, bzip2, zstandard). "
            + "Rewrite the file with one of those, or leave it out with --exclude and crawl again.",
            error.Message);
    }

    [Fact]
    public async Task A_truncated_avro_file_fails_naming_the_file_and_what_to_do()
    {
        var whole = await File.ReadAllBytesAsync(Corpora.Path("arrow-testing", "data", "avro", "alltypes_plain.avro"));
        using var crawled = new TempFolder();
        Directory.CreateDirectory(crawled.Combine("t"));
        await File.WriteAllBytesAsync(crawled.Combine("t", "whole.avro"), whole);
        using var lake = await CrawledFolder.CreateAsync(crawled.Path, "lake");
        await File.WriteAllBytesAsync(crawled.Combine("t", "whole.avro"), whole[..(whole.Length - 40)]);

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => lake.LoadAsync("t"));

        Assert.Equal(
            $"{crawled.Combine("t", "whole.avro")}: cannot be read as avro (its block at byte 675 needs 190 bytes, but the file ends 150 bytes after its header: it is truncated). Replace the file, or leave it out with --exclude and crawl again.",
            error.Message);
    }

    private static byte[] Write()
    {
        var schema = (RecordSchema)Avro.Schema.Parse(Schema);
        var customer = (RecordSchema)((UnionSchema)schema["customer"].Schema).Schemas[1];
        var address = (RecordSchema)customer["address"].Schema;
        var status = (EnumSchema)schema["status"].Schema;
        GenericRecord Order(long id, decimal amount, DateTime? day, DateTime at, string? city, bool withCustomer, string[] tags, object? note)
        {
            var order = new GenericRecord(schema);
            order.Add("Id", id);
            order.Add("amount", new AvroDecimal(amount));
            order.Add("day", day);
            order.Add("at", DateTime.SpecifyKind(at, DateTimeKind.Utc));
            order.Add("ref", Guid.Parse($"00000000-0000-0000-0000-00000000000{id}"));
            order.Add("status", new GenericEnum(status, id % 2 == 0 ? "SHIPPED" : "NEW"));
            if (withCustomer)
            {
                var place = new GenericRecord(address);
                place.Add("city", city);
                var buyer = new GenericRecord(customer);
                buyer.Add("name", $"Customer {id}");
                buyer.Add("address", place);
                order.Add("customer", buyer);
            }
            else
            {
                order.Add("customer", null);
            }

            order.Add("tags", tags);
            order.Add("attributes", new Dictionary<string, object> { ["size"] = (int)id, ["weight"] = -1 });
            order.Add("note", note);
            return order;
        }

        using var stream = new MemoryStream();
        using (var writer = DataFileWriter<GenericRecord>.OpenWriter(new GenericDatumWriter<GenericRecord>(schema), stream, Codec.CreateCodec(Codec.Type.Deflate)))
        {
            writer.Append(Order(1, 12.34m, new DateTime(2024, 2, 29), new DateTime(2024, 3, 1, 8, 0, 0).AddTicks(1234560), "東京", true, ["a", "東京", "😀"], "gift, wrap"));
            writer.Append(Order(2, -0.05m, null, new DateTime(1970, 1, 1), null, true, [], null));
            writer.Append(Order(3, -99999999.99m, new DateTime(1969, 12, 31), new DateTime(1969, 12, 31, 23, 59, 59), null, false, [], 7));
        }

        return stream.ToArray();
    }
}
