using DevEndpoint.Samples;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;

namespace DevEndpoint.Interactive.Tests.Endpoints;

public sealed partial class EndpointMagicTests
{
    private const string Version = "Acme.Cleaning.Cleaner.Version";

    [Fact]
    public async Task Two_endpoints_use_two_versions_of_one_library_side_by_side_and_share_values()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        var libs = SampleLibraries.Write(Path.Combine(fixture.Folder, "libs"));

        KernelFixture.AssertSucceeded(await fixture.SubmitAsync($"#!endpoint create legacy --libraries {libs[0]}"));
        KernelFixture.AssertSucceeded(await fixture.SubmitAsync($"#!endpoint create next --libraries {libs[1]},{libs[2]} --catalog {fixture.CatalogPath}"));
        var legacy = await fixture.SubmitAsync($"#!legacy\n{Version}");
        var next = await fixture.SubmitAsync($"#!next\nvar fromNext = {Version} + \" \" + Acme.Dates.Quarters.Of(\"2024-12-01\");\nfromNext");
        var shared = await fixture.SubmitAsync($"#!legacy\n#!share --from next fromNext\nfromNext + \" / \" + {Version}");
        var notInCsharp = await fixture.SubmitAsync(Version);

        Assert.Equal("1.0.0", KernelFixture.ReturnValue(legacy));
        Assert.Equal("2.0.0 2024-Q4", KernelFixture.ReturnValue(next));
        Assert.Equal("2.0.0 2024-Q4 / 1.0.0", KernelFixture.ReturnValue(shared));
        Assert.Contains("error CS0103: The name 'Acme' does not exist in the current context", KernelFixture.Failure(notInCsharp));
    }

    [Fact]
    public async Task An_endpoint_cell_calls_transforms_without_a_using_line()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        var libs = SampleLibraries.Write(Path.Combine(fixture.Folder, "libs"));
        KernelFixture.AssertSucceeded(await fixture.SubmitAsync($"#!endpoint create next --libraries {libs[0]}"));

        var result = await fixture.SubmitAsync(
            "#!next\nnew DataFrame(new Int32DataFrameColumn(\"a\", new int?[] { 1, 2 })).Union(new DataFrame(new Int64DataFrameColumn(\"a\", new long?[] { 3 })))[\"a\"][2]");

        Assert.Equal(3L, KernelFixture.ReturnValue(result));
    }

    [Fact]
    public async Task Update_libraries_reloads_a_changed_archive_and_says_what_state_it_dropped()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        var libs = SampleLibraries.Write(Path.Combine(fixture.Folder, "libs"));
        var cleaning = Path.Combine(fixture.Folder, "cleaning.zip");
        File.Copy(libs[0], cleaning);
        await fixture.SubmitAsync($"#!endpoint create next --libraries {cleaning}");
        await fixture.SubmitAsync("#!next\nvar kept = 1;\nvar also = 2;");

        var unchanged = await fixture.SubmitAsync("#!endpoint update-libraries next");
        File.Copy(libs[1], cleaning, overwrite: true);
        var reloaded = await fixture.SubmitAsync("#!endpoint update-libraries next");
        var version = await fixture.SubmitAsync($"#!next\n{Version}");
        var dropped = await fixture.SubmitAsync("#!next\nkept");
        var catalog = await fixture.SubmitAsync("#!next\ncatalog.Path");

        Assert.Equal("No library of endpoint 'next' changed on disk; nothing was reloaded.", KernelFixture.Text(unchanged));
        Assert.Contains(
            "A reload starts a new C# session for the endpoint: the variables, types and methods that its cells defined are gone "
            + "(re-run the cells that set them up); the libraries and the catalog variable are there again. Dropped variables: also, kept.",
            KernelFixture.Html(reloaded));
        Assert.Equal("2.0.0", KernelFixture.ReturnValue(version));
        Assert.Contains("error CS0103: The name 'kept' does not exist in the current context", KernelFixture.Failure(dropped));
        Assert.Equal(Catalog.DataCatalog.DefaultPath, KernelFixture.ReturnValue(catalog));
    }

    [Fact]
    public async Task Attach_library_in_an_endpoint_cell_adds_the_library_to_that_endpoint_only()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        var libs = SampleLibraries.Write(Path.Combine(fixture.Folder, "libs"));
        await fixture.SubmitAsync($"#!endpoint create next --libraries {libs[1]}");

        var attached = await fixture.SubmitAsync($"#!next\n#!attach-library {libs[2]}");
        var used = await fixture.SubmitAsync($"#!next\nAcme.Dates.Quarters.Of(\"2024-07-04\") + \" \" + {Version}");
        var again = await fixture.SubmitAsync($"#!next\n#!attach-library {libs[2]}");
        var inCsharp = await fixture.SubmitAsync("#!libraries");

        Assert.Contains("Endpoint next reloaded Dates", KernelFixture.Html(attached));
        Assert.Equal("2024-Q3 2.0.0", KernelFixture.ReturnValue(used));
        Assert.Equal("No library of endpoint 'next' changed on disk; nothing was reloaded.", KernelFixture.Text(again));
        Assert.Contains("No libraries attached", KernelFixture.Html(inCsharp));
        Assert.Equal([libs[1], libs[2]], new DevEndpoint.Endpoints.EndpointStore(Path.Combine(fixture.Home, "endpoints")).Get("next").Libraries);
    }

    [Fact]
    public async Task Endpoints_are_stored_and_a_restarted_notebook_connects_to_them()
    {
        await using var first = await KernelFixture.CreateAsync();
        var zip = SampleLibraries.WriteCleaning(Path.Combine(first.Folder, "libs"), "2.0.0");
        await first.SubmitAsync($"#!endpoint create next --libraries {zip} --catalog {first.CatalogPath}");
        await using var restarted = await KernelFixture.CreateAsync(first.Home);

        var listed = await restarted.SubmitAsync("#!endpoint list");
        var connected = await restarted.SubmitAsync("#!endpoint connect next");
        var version = await restarted.SubmitAsync($"#!next\n{Version}");
        var catalog = await restarted.SubmitAsync("#!next\ncatalog.Path");
        var status = await restarted.SubmitAsync("#!endpoint status next");

        Assert.True(File.Exists(Path.Combine(first.Home, "endpoints", "next.json")));
        Assert.Contains($"<tr><td style=\"text-align:left\">next</td><td style=\"text-align:left\">not connected (#!endpoint connect next)</td><td style=\"text-align:left\">cleaning-v2.zip</td><td style=\"text-align:left\">{first.CatalogPath}</td>", KernelFixture.Html(listed));
        Assert.Contains("Endpoint next connected: run cells in it with #!next", KernelFixture.Html(connected));
        Assert.Equal("2.0.0", KernelFixture.ReturnValue(version));
        Assert.Equal(first.CatalogPath, KernelFixture.ReturnValue(catalog));
        Assert.Contains("<tr><td style=\"text-align:left\">Acme.Cleaning</td><td style=\"text-align:left\">2.0.0</td><td style=\"text-align:left\">zip archive</td>", KernelFixture.Html(status));
    }

    [Fact]
    public async Task A_library_of_an_endpoint_uses_the_catalog_api_on_the_endpoint_catalog()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();
        var source = Path.Combine(fixture.Folder, "Listing.cs");
        await File.WriteAllTextAsync(source, """
            using System.Linq;
            using DevEndpoint.Catalog;

            namespace Acme.Catalogs;

            public static class Listing
            {
                public static string Tables(DataCatalog catalog, string database) => string.Join(",", catalog.GetTables(database).Select(t => t.Name));
            }
            """);
        await fixture.SubmitAsync($"#!endpoint create team --libraries {source} --catalog {fixture.CatalogPath}");

        var tables = await fixture.SubmitAsync("#!team\nAcme.Catalogs.Listing.Tables(catalog, \"sales\")");

        Assert.Equal("customers,orders,products", KernelFixture.ReturnValue(tables));
    }

    [Fact]
    public async Task Load_in_an_endpoint_cell_reads_the_endpoint_catalog_and_puts_the_frame_in_its_session()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();
        await fixture.SubmitAsync($"#!endpoint create team --catalog {fixture.CatalogPath}");

        var load = await fixture.SubmitAsync("#!team\n#!load sales.orders --as orders --limit 5");
        var rows = await fixture.SubmitAsync("#!team\norders.Rows.Count");

        KernelFixture.AssertSucceeded(load);
        Assert.Equal(5L, KernelFixture.ReturnValue(rows));
        Assert.False(fixture.CSharp.TryGetValue<Microsoft.Data.Analysis.DataFrame>("orders", out _));
    }

    [Fact]
    public async Task A_deleted_endpoint_stops_and_can_be_created_again()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.SubmitAsync("#!endpoint create scratch");
        await fixture.SubmitAsync("#!scratch\nvar x = 1;");

        var deleted = await fixture.SubmitAsync("#!endpoint delete scratch");
        var afterDelete = await fixture.SubmitAsync("#!scratch\n1 + 1");
        var listed = await fixture.SubmitAsync("#!endpoint list");
        var created = await fixture.SubmitAsync("#!endpoint create scratch");
        var again = await fixture.SubmitAsync("#!scratch\n1 + 1");

        Assert.Equal("Endpoint 'scratch' deleted: its definition is removed and its C# session stopped (its variables are gone); cells for #!scratch fail until it is created again.", KernelFixture.Text(deleted));
        Assert.Equal("Endpoint 'scratch' was deleted. Create it again with #!endpoint create scratch [--libraries <path>[,<path>...]] [--catalog <file>].", KernelFixture.Failure(afterDelete));
        Assert.DoesNotContain("<td style=\"text-align:left\">scratch</td>", KernelFixture.Html(listed));
        Assert.Contains("Endpoint scratch created", KernelFixture.Html(created));
        Assert.Equal(2, KernelFixture.ReturnValue(again));
    }

    [Fact]
    public async Task Completions_in_an_endpoint_cell_come_from_its_own_libraries()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        var libs = SampleLibraries.Write(Path.Combine(fixture.Folder, "libs"));
        await fixture.SubmitAsync($"#!endpoint create next --libraries {libs[2]}");

        var result = await fixture.Kernel.SendAsync(new RequestCompletions("Acme.Dates.Qu", new LinePosition(0, 13), "next"));

        KernelFixture.AssertSucceeded(result);
        Assert.Contains("Quarters", result.Events.OfType<CompletionsProduced>().Single().Completions.Select(c => c.DisplayText));
    }

    [Fact]
    public async Task Status_shows_the_session_variables_and_libraries()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        var libs = SampleLibraries.Write(Path.Combine(fixture.Folder, "libs"));
        await fixture.SubmitAsync($"#!endpoint create next --libraries {libs[2]}");
        await fixture.SubmitAsync("#!next\nvar quarter = Acme.Dates.Quarters.Of(\"2024-01-31\");");

        var status = KernelFixture.Html(await fixture.SubmitAsync("#!endpoint status"));

        Assert.Contains("Endpoint next: running", status);
        Assert.Contains("<tr><td style=\"text-align:left\">kernel</td><td style=\"text-align:left\">#!next (C#)</td></tr>", status);
        Assert.Contains($"<tr><td style=\"text-align:left\">catalog</td><td style=\"text-align:left\">{Catalog.DataCatalog.DefaultPath} (the default), as the variable catalog</td></tr>", status);
        Assert.Contains("<tr><td style=\"text-align:left\">variables</td><td style=\"text-align:left\">quarter</td></tr>", status);
        Assert.Contains("<td style=\"text-align:left\">Dates</td><td style=\"text-align:left\"></td><td style=\"text-align:left\">source file</td>", status);
    }
}
