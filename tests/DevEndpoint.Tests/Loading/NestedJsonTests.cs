using System.Text;
using DevEndpoint.Frames;
using DevEndpoint.Loading;
using DevEndpoint.Tests.Loading.Parity;

namespace DevEndpoint.Tests.Loading;

/// <summary>Nested JSON objects loaded as <c>a.b</c> columns.</summary>
public sealed class NestedJsonTests
{
    [Fact]
    public async Task A_nested_field_selected_by_its_dotted_name_loads_alone()
    {
        using var crawled = await CrawledFiles.LoadAsync(("data.json", Encoding.UTF8.GetBytes("""
            {"id": 1, "customer": {"name": "ann", "address": {"city": "Oslo"}}}
            {"id": 2, "customer": {"name": "bob", "address": null}}
            """)));
        using var lake = await CrawledFolder.CreateAsync(Path.GetDirectoryName(crawled.TablePath)!, "shop");

        var frame = (await lake.LoadAsync("t", new LoadOptions { Columns = ["Customer.Address.City"] })).Frame;

        Assert.Equal(["customer.address.city"], frame.Columns.Select(c => c.Name));
        Assert.Equal(["Oslo", null], frame.Columns[0].Cast<string?>());
    }

    [Fact]
    public async Task A_record_whose_keys_differ_only_in_case_loads_the_first_of_them()
    {
        using var crawled = await CrawledFiles.LoadAsync(("data.json", Encoding.UTF8.GetBytes("""
            {"id": 1, "Name": "first", "name": "second"}
            {"id": 2, "name": "only"}
            """)));

        Assert.Equal(["first", "only"], crawled.Frame.Columns["name"].Cast<string?>());
    }

    [Fact]
    public void Struct_columns_expand_to_their_leaves_and_arrays_and_maps_to_json_text_columns()
    {
        var columns = NestedColumns.Expand(
        [
            new("id", "int"),
            new("customer", "struct<name:string,address:struct<city:string,geo:struct<lat:double,lon:double>>,since:decimal(10,2)>"),
            new("tags", "array<struct<k:string,v:int>>"),
            new("attributes", "map<string,int>"),
        ]);

        Assert.Equal(
            ["id:int", "customer.name:string", "customer.address.city:string", "customer.address.geo.lat:double", "customer.address.geo.lon:double",
                "customer.since:decimal(10,2)", "tags:string", "attributes:string"],
            columns.Select(c => $"{c.Name}:{c.Type}"));
    }
}
