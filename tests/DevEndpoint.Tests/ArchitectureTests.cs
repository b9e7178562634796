using DevEndpoint.Catalog;

namespace DevEndpoint.Tests;

/// <summary>
/// The core's layers, bottom to top. An area (the first namespace segment under <c>DevEndpoint</c>) may use its own
/// layer and the layers below; it never names a higher one, and two areas of one layer never use each other both ways.
/// The references are read from the built assembly (signatures, locals and the IL of every method), so a <c>using</c>
/// that names nothing does not count and a fully qualified name does.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly string[][] Layers =
    [
        ["DevEndpoint"],
        ["Catalog"],
        ["Formats", "Classifiers"],
        ["Frames"],

        // ObjectStores (S3) sits beside the areas that read and write files through it (Loading, Crawling, Writing,
        // Libraries): it needs only the catalog, Formats' file sources and the connection's keys from Connections, and no
        // one of them is reached back, so it adds no circle.
        ["Loading", "Crawling", "Writing", "Sources", "Connections", "ObjectStores"],
        ["Transforms", "Jobs", "Libraries", "MachineLearning", "Sql", "Profiles", "DataQuality"],
        ["Endpoints", "Samples"],

        // What the fronts share: each command's options and help, described once for the magic and the command line.
        ["Commands"],
    ];

    [Fact]
    public void No_area_of_the_core_reaches_up_to_a_higher_layer_or_round_in_a_circle()
    {
        var references = CoreReferences.Between(typeof(DataCatalog).Assembly, "DevEndpoint");
        var violations = Violations(references).OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key} ({v.Value})").ToList();

        Assert.True(
            violations.Count == 0,
            "References against the layers: " + string.Join("; ", violations)
            + ". A lower layer never names a higher one: move the type down, or let the higher layer register it.");
    }

    [Fact]
    public void Every_area_of_the_core_has_a_layer()
    {
        var areas = typeof(DataCatalog).Assembly.GetTypes()
            .Select(t => CoreReferences.Area(t, "DevEndpoint"))
            .OfType<string>()
            .Distinct();

        Assert.Empty(areas.Except(Layers.SelectMany(l => l)));
    }

    private static IEnumerable<KeyValuePair<string, string>> Violations(IReadOnlyDictionary<(string From, string To), string> references)
    {
        foreach (var ((from, to), example) in references)
        {
            var fromLayer = Layer(from);
            var toLayer = Layer(to);
            if (toLayer > fromLayer)
            {
                yield return new($"{from} -> {to}", example);
            }
            else if (toLayer == fromLayer && string.CompareOrdinal(from, to) < 0 && references.TryGetValue((to, from), out var back))
            {
                yield return new($"{from} <-> {to}", $"{example}; {back}");
            }
        }
    }

    private static int Layer(string area) => Array.FindIndex(Layers, l => l.Contains(area));
}
