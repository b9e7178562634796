using System.Globalization;

namespace DevEndpoint.Tests.Formats.Delta;

/// <summary>Golden Delta tables with map and list columns: read with the values the Delta project's tests state, lists and maps as JSON.</summary>
public sealed class DeltaNestedTests
{
    [Fact]
    public async Task Maps_of_every_key_type_and_a_map_of_lists_of_structs_load_with_the_values_the_delta_tests_state()
    {
        using var lake = await CrawledFolder.CreateAsync(DeltaGolden.Get("data-reader-map").Root, "lake");

        var frame = (await lake.LoadAsync(lake.Result.Tables.Single().Name)).Frame;

        var rows = Enumerable.Range(0, (int)frame.Rows.Count)
            .Select(r => string.Join(" | ", new[] { "i", "a", "c", "e", "f" }.Select(c => Convert.ToString(frame[c][r], CultureInfo.InvariantCulture))))
            .Order(StringComparer.Ordinal);
        var expected = Enumerable.Range(0, 10)
            .Select(i => $$"""{{i}} | {"{{i}}":{{i}}} | {"{{i}}":{{(i % 2 == 0 ? "true" : "false")}}} | {"{{i}}":{{i}}} | {"{{i}}":[{"val":{{i}}},{"val":{{i}}},{"val":{{i}}}]}""")
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, rows);
    }

    [Fact]
    public async Task Lists_of_maps_and_of_structs_load_with_the_values_the_delta_tests_state()
    {
        using var lake = await CrawledFolder.CreateAsync(DeltaGolden.Get("data-reader-array-complex-objects").Root, "lake");

        var frame = (await lake.LoadAsync(lake.Result.Tables.Single().Name)).Frame;

        var rows = Enumerable.Range(0, (int)frame.Rows.Count)
            .Select(r => string.Join(" | ", new[] { "i", "list_of_maps", "list_of_records" }.Select(c => Convert.ToString(frame[c][r], CultureInfo.InvariantCulture))))
            .Order(StringComparer.Ordinal);
        var expected = Enumerable.Range(0, 10)
            .Select(i => $$"""{{i}} | [{"{{i}}":{{i}}},{"{{i}}":{{i}}}] | [{"val":{{i}}},{"val":{{i}}},{"val":{{i}}}]""")
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, rows);
    }
}
