namespace DevEndpoint.Tests.Formats.Json;

public sealed class JsonLoadTests
{
    [Fact]
    public async Task A_table_of_json_arrays_loads_each_element_as_a_row()
    {
        using var folder = new TempFolder();
        folder.Write("items/a.json", "[{\"id\": 1, \"name\": \"apple\"},\n {\"id\": 2}]");
        folder.Write("items/b.json", "[\n  {\"id\": 3, \"name\": \"plum\"}\n]\n");
        using var crawled = await CrawledFolder.CreateAsync(folder.Path, "shop");

        var result = await crawled.LoadAsync("items");

        Assert.Equal("array", crawled.Table("items").StorageDescriptor.Parameters["jsonLayout"]);
        Assert.Equal(new object?[] { 1, 2, 3 }, result.Frame.Columns["id"].Cast<object?>());
        Assert.Equal(new object?[] { "apple", null, "plum" }, result.Frame.Columns["name"].Cast<object?>());
    }

    [Fact]
    public async Task A_table_of_single_object_files_loads_one_row_per_file()
    {
        using var folder = new TempFolder();
        folder.Write("configs/a.json", "{\n  \"name\": \"lake\",\n  \"size\": 10\n}\n");
        folder.Write("configs/b.json", "{\n  \"name\": \"pond\",\n  \"size\": 2\n}\n");
        using var crawled = await CrawledFolder.CreateAsync(folder.Path, "shop");

        var result = await crawled.LoadAsync("configs", new DevEndpoint.Loading.LoadOptions { Limit = 10 });

        Assert.Equal("object", crawled.Table("configs").StorageDescriptor.Parameters["jsonLayout"]);
        Assert.Equal(new object?[] { "lake", "pond" }, result.Frame.Columns["name"].Cast<object?>());
        Assert.Equal(new object?[] { 10, 2 }, result.Frame.Columns["size"].Cast<object?>());
    }

    [Fact]
    public async Task A_bad_value_in_an_array_names_the_element()
    {
        using var folder = new TempFolder();
        var file = folder.Write("items/a.json", "[{\"id\": 1}, {\"id\": 2}]");
        using var crawled = await CrawledFolder.CreateAsync(folder.Path, "shop");
        File.WriteAllText(file, "[{\"id\": 1}, {\"id\": \"two\"}]");

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => crawled.LoadAsync("items"));

        Assert.Equal($"{file}: element 2, column 'id': cannot read '\"two\"' as int. Fix the value, or re-crawl the table if its data changed.", error.Message);
    }

    [Fact]
    public async Task A_table_mixing_json_lines_and_arrays_loads_each_file_by_its_own_layout()
    {
        using var folder = new TempFolder();
        folder.Write("items/a.json", "{\"id\": 1}\n{\"id\": 2}\n");
        folder.Write("items/b.json", "\n  [{\"id\": 3}, {\"id\": 4}]");
        using var crawled = await CrawledFolder.CreateAsync(folder.Path, "shop");

        var result = await crawled.LoadAsync("items");

        Assert.Equal(new object?[] { 1, 2, 3, 4 }, result.Frame.Columns["id"].Cast<object?>());
    }
}
