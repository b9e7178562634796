using System.Text.Json;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Loading;
using DevEndpoint.Tests.Formats.Delta;
using DevEndpoint.Writing;
using Parquet;

namespace DevEndpoint.Tests.Writing;

/// <summary>Appends to Delta tables with column mapping by name: data files, partition values and statistics under the physical names.</summary>
public sealed class DeltaColumnMappingWriteTests
{
    private const string MappedByName = "data-skipping-basic-stats-all-types-columnmapping-name";

    [Fact]
    public async Task An_append_to_a_table_mapped_by_name_writes_physical_names_and_loads_back_by_the_logical_ones()
    {
        using var copy = new GoldenCopy(MappedByName);
        var catalog = DataCatalog.Open(copy.Catalog);
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = copy.Lake, Database = "lake" });
        var name = $"lake.{catalog.GetTables("lake").Single().Name}";
        var before = (await new TableLoader(catalog).LoadAsync(name)).Frame;

        var result = await new FrameWriter(catalog).WriteAsync(before, new WriteOptions { Path = copy.Root, Format = WriteFormat.Delta, Mode = WriteMode.Append, CatalogTable = name });

        var after = (await new TableLoader(catalog).LoadAsync(name)).Frame;
        var columns = before.Columns.Select(c => c.Name).ToArray();
        Assert.Equal(1, result.DeltaVersion);
        Assert.Equal(2, after.Rows.Count);
        Assert.All(WrittenFrames.Rows(after, columns), row => Assert.Equal(WrittenFrames.Rows(before, columns).Single(), row));
        var physical = PhysicalNames(copy.Log(0));
        var add = File.ReadLines(copy.Log(1)).Select(l => JsonDocument.Parse(l).RootElement).Single(a => a.TryGetProperty("add", out _)).GetProperty("add");
        Assert.Equal(physical, await FileColumnsAsync(Path.Combine(copy.Root, add.GetProperty("path").GetString()!)));
        var stats = JsonDocument.Parse(add.GetProperty("stats").GetString()!).RootElement;
        Assert.Equal(physical, stats.GetProperty("nullCount").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task An_overwrite_of_a_table_mapped_by_name_is_refused_and_leaves_it_as_it_was()
    {
        using var copy = new GoldenCopy(MappedByName);
        var catalog = DataCatalog.Open(copy.Catalog);
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = copy.Lake, Database = "lake" });
        var frame = (await new TableLoader(catalog).LoadAsync($"lake.{catalog.GetTables("lake").Single().Name}")).Frame;

        var error = await Assert.ThrowsAsync<DevEndpointException>(() =>
            new FrameWriter().WriteAsync(frame, new WriteOptions { Path = copy.Root, Format = WriteFormat.Delta, Mode = WriteMode.Overwrite }));

        Assert.Equal(
            $"Cannot overwrite Delta table '{copy.Root}': it uses column mapping, and DevEndpoint only appends to such a table (its files and schema keep their physical names). "
            + "Use mode append, or overwrite it with Spark or delta-rs.",
            error.Message);
        Assert.Equal(["00000000000000000000.json"], Directory.GetFiles(Path.Combine(copy.Root, "_delta_log"), "*.json").Select(Path.GetFileName));
        Assert.Equal(2, Directory.GetFiles(copy.Root, "*.parquet").Length);
    }

    [Fact]
    public async Task An_append_to_a_table_mapped_by_id_is_refused_naming_what_is_written()
    {
        using var copy = new GoldenCopy("table-with-columnmapping-mode-id");
        var frame = new Microsoft.Data.Analysis.DataFrame(new Microsoft.Data.Analysis.Int32DataFrameColumn("a", [1]));

        var error = await Assert.ThrowsAsync<DevEndpointException>(() =>
            new FrameWriter().WriteAsync(frame, new WriteOptions { Path = copy.Root, Format = WriteFormat.Delta, Mode = WriteMode.Append }));

        Assert.Equal(
            $"Cannot write to Delta table '{copy.Root}': it needs Delta writer version 5 or uses column mapping by id, and DevEndpoint writes tables of writer version 2, "
            + "and appends to tables with column mapping by name (writer version 5, or 7 with only the features columnMapping, appendOnly, invariants) without check constraints, "
            + "generated or identity columns. Write to it with Spark or delta-rs, or write a new table.",
            error.Message);
    }

    /// <summary>The physical names of a table's columns, as its first commit's schema gives them.</summary>
    private static List<string> PhysicalNames(string commit)
    {
        var metadata = File.ReadLines(commit).Select(l => JsonDocument.Parse(l).RootElement).Single(a => a.TryGetProperty("metaData", out _)).GetProperty("metaData");
        return JsonDocument.Parse(metadata.GetProperty("schemaString").GetString()!).RootElement.GetProperty("fields").EnumerateArray()
            .Select(f => f.GetProperty("metadata").GetProperty("delta.columnMapping.physicalName").GetString()!)
            .ToList();
    }

    private static async Task<List<string>> FileColumnsAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream);
        return reader.Schema.Fields.Select(f => f.Name).ToList();
    }
}
