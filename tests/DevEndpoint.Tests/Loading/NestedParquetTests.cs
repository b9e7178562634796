using DevEndpoint.Loading;
using DevEndpoint.Tests.Loading.Parity;

namespace DevEndpoint.Tests.Loading;

/// <summary>Parquet struct, list and map columns loaded from parquet-testing's files.</summary>
public sealed class NestedParquetTests
{
    [Fact]
    public async Task A_struct_leaf_selected_by_its_dotted_name_loads_alone_with_the_values_duckdb_reads()
    {
        var folder = Corpora.Path("parquet-testing", "data");
        using var lake = await CrawledFolder.CreateAsync(folder, "pq", CrawledFolder.ExcludeAllBut(folder, "repeated_primitive_no_list.parquet"));
        var table = lake.Result.Tables.Single().Name;

        var frame = (await lake.LoadAsync(table, new LoadOptions { Columns = ["group_of_lists.string_list_in_group", "Int32_list"] })).Frame;

        Assert.Equal(["group_of_lists.string_list_in_group", "int32_list"], frame.Columns.Select(c => c.Name));
        var (_, rows) = DuckDb.Query(
            $"SELECT to_json(Group_Of_Lists.string_list_in_group), to_json(Int32_list) FROM read_parquet({DuckDb.Literal(Path.Combine(folder, "repeated_primitive_no_list.parquet"))})");
        Cells.AssertSame(frame, ["group_of_lists.string_list_in_group", "int32_list"], rows, "projection", frame.Columns.Select(c => c.Name).ToHashSet());
    }

    [Fact]
    public async Task A_map_of_maps_loads_as_json_objects_with_the_values_duckdb_reads()
    {
        var folder = Corpora.Path("parquet-testing", "data");
        using var lake = await CrawledFolder.CreateAsync(folder, "pq", CrawledFolder.ExcludeAllBut(folder, "nested_maps.snappy.parquet"));
        var table = lake.Result.Tables.Single().Name;

        var frame = (await lake.LoadAsync(table, new LoadOptions { Columns = ["a"] })).Frame;

        var (_, rows) = DuckDb.Query($"SELECT to_json(a) FROM read_parquet({DuckDb.Literal(Path.Combine(folder, "nested_maps.snappy.parquet"))})");
        Cells.AssertSame(frame, ["a"], rows, "map of maps", new HashSet<string> { "a" });
        Assert.Equal("""{"a":{"1":true,"2":false}}""", frame["a"][0]);
    }
}
