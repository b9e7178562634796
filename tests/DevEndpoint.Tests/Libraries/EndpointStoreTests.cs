using DevEndpoint.Endpoints;

namespace DevEndpoint.Tests.Libraries;

public sealed class EndpointStoreTests : IDisposable
{
    private readonly TempFolder temp = new();

    [Fact]
    public void Definitions_round_trip_through_their_json_files_in_name_order()
    {
        var store = new EndpointStore(temp.Combine("endpoints"));
        var next = new EndpointDefinition("next", ["/libs/cleaning-v2.zip", "/libs/Dates.cs"], "/data/team.db", new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
        var legacy = new EndpointDefinition("legacy", [], null, new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));

        store.Save(next);
        store.Save(legacy);

        Assert.True(File.Exists(temp.Combine("endpoints", "next.json")));
        var listed = new EndpointStore(temp.Combine("endpoints")).List();
        Assert.Equal(["legacy", "next"], listed.Select(d => d.Name));
        Assert.Equal(next.Libraries, listed[1].Libraries);
        Assert.Equal((next.Catalog, next.CreatedOn), (listed[1].Catalog, listed[1].CreatedOn));
        Assert.True(store.Delete("next"));
        Assert.False(store.Delete("next"));
        Assert.Null(store.Find("next"));
    }

    [Fact]
    public void An_unreadable_definition_says_how_to_recover()
    {
        var store = new EndpointStore(temp.Combine("endpoints"));
        var path = temp.Write("endpoints/next.json", "{ not json");

        var error = Assert.Throws<DevEndpointException>(() => store.Find("next"));

        Assert.StartsWith($"The definition of endpoint 'next' ({path}) is unreadable: ", error.Message);
        Assert.EndsWith(" Delete it with #!endpoint delete next, then create the endpoint again.", error.Message);
    }

    [Fact]
    public void The_endpoints_folder_defaults_to_the_devendpoint_home()
    {
        Assert.Equal(Path.Combine(DevEndpointHome.DefaultPath, "endpoints"), new EndpointStore().Folder);
    }

    public void Dispose() => temp.Dispose();
}
