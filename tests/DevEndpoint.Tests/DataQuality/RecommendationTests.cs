using DevEndpoint.DataQuality;
using DevEndpoint.Profiles;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.DataQuality;

/// <summary>Recommended rulesets from a saved profile: the same rules as from the table, and what a profile cannot give.</summary>
public sealed class RecommendationTests : IDisposable
{
    private readonly OrdersLake lake = new();

    public void Dispose() => lake.Dispose();

    [Fact]
    public async Task A_profile_saved_as_json_suggests_the_same_ruleset_as_the_table()
    {
        var profile = await new Profiler(lake.Catalog).ProfileTableAsync("shop.orders");
        var file = lake.Path("orders-profile.json");
        await File.WriteAllTextAsync(file, System.Text.Json.JsonSerializer.Serialize(new { Profile = profile }));

        var measured = await DataQualityRecommendations.SuggestAsync(lake.Session, "shop.orders");

        Assert.Contains("ColumnValues \"status\" in [\"closed\", \"open\", \"void\"]", measured, StringComparison.Ordinal);
        Assert.Contains("Mean \"amount\" between", measured, StringComparison.Ordinal);
        Assert.Equal(measured, DataQualityRecommendations.Suggest(profile));
        Assert.Equal(measured, DataQualityRecommendations.Suggest(ProfileFiles.Read(file), "shop.orders"));
    }

    [Fact]
    public async Task A_profile_of_a_dataframe_suggests_the_same_ruleset_as_the_dataframe()
    {
        var frame = new DataFrame(
            new Int32DataFrameColumn("n", [1, 2, 2, null, 7]),
            new StringDataFrameColumn("kind", ["a", "b", "a", "a", null]),
            new DoubleDataFrameColumn("x", [0.5, 1.25, -3, 8, 2]));

        var measured = await DataQualityRecommendations.SuggestAsync(
            lake.Session, "numbers", new DataQualityOptions { Frames = new Dictionary<string, DataFrame> { ["numbers"] = frame } });
        var profiled = DataQualityRecommendations.Suggest(await new Profiler(lake.Catalog).ProfileFrameAsync(frame, "numbers"), "numbers");

        Assert.Equal(measured, profiled);
        Assert.Contains("ColumnValues \"kind\" in [\"a\", \"b\"] with threshold >= 0.8", profiled, StringComparison.Ordinal);
        Assert.Contains("IsUnique \"x\"", profiled, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_profile_whose_top_values_leave_values_out_suggests_no_value_set()
    {
        var profile = await new Profiler(lake.Catalog).ProfileTableAsync("shop.orders", new ProfileOptions { TopValues = 2 });

        var text = DataQualityRecommendations.Suggest(profile);

        Assert.DoesNotContain("ColumnValues \"status\" in", text, StringComparison.Ordinal);
        Assert.Contains("ColumnLength \"status\" between", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_profile_of_a_sample_or_of_another_table_is_refused()
    {
        var sampled = await new Profiler(lake.Catalog).ProfileTableAsync("shop.orders", new ProfileOptions { Sample = 10 });
        var whole = await new Profiler(lake.Catalog).ProfileTableAsync("shop.orders");

        Assert.Equal(
            "The profile of shop.orders is of a sample of 10 rows, and suggestions need the figures of every row. Profile shop.orders again without --sample.",
            Assert.Throws<DevEndpointException>(() => DataQualityRecommendations.Suggest(sampled)).Message);
        Assert.Equal(
            "The profile is of shop.orders, not shop.customers. Suggest rules for shop.orders, or profile shop.customers first.",
            Assert.Throws<DevEndpointException>(() => DataQualityRecommendations.Suggest(whole, "shop.customers")).Message);
    }

    [Fact]
    public void A_missing_or_wrong_profile_file_is_named_with_what_to_do()
    {
        var missing = lake.Path("none.json");
        var broken = lake.Path("broken.json");
        var other = lake.Path("other.json");
        File.WriteAllText(broken, "{\n  \"Profile\": {\n    \"Source\": \"shop.orders\",\n    \"Rows\": x\n");
        File.WriteAllText(other, "{ \"Tables\": [] }");

        Assert.Equal(
            $"The profile file {missing} does not exist. Save a profile as JSON first: devendpoint profile <database>.<table> --json > profile.json.",
            Assert.Throws<DevEndpointException>(() => ProfileFiles.Read(missing)).Message);
        Assert.Equal(
            $"{broken} line 4, column 13: not a profile saved as JSON. Save one with devendpoint profile <database>.<table> --json.",
            Assert.Throws<DevEndpointException>(() => ProfileFiles.Read(broken)).Message);
        Assert.Equal(
            $"{other} is not a profile saved as JSON (it has no Source and Columns). Save one with devendpoint profile <database>.<table> --json.",
            Assert.Throws<DevEndpointException>(() => ProfileFiles.Read(other)).Message);
    }
}
