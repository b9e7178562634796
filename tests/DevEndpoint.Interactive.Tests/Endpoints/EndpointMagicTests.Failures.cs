
namespace DevEndpoint.Interactive.Tests.Endpoints;

/// <summary>Endpoint magics that cannot be done: compile errors, a catalog that cannot be opened, bad names and unknown endpoints.</summary>
public sealed partial class EndpointMagicTests
{
    [Fact]
    public async Task A_compile_error_on_reload_leaves_the_endpoint_running_with_the_libraries_it_had()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        var source = Path.Combine(fixture.Folder, "Fine.cs");
        await File.WriteAllTextAsync(source, "namespace Acme; public static class Fine { public static int Value => 1; }");
        await fixture.SubmitAsync($"#!endpoint create next --libraries {source}");
        await fixture.SubmitAsync("#!next\nvar kept = 41;");

        await File.WriteAllTextAsync(source, "namespace Acme; public static class Fine { public static int Value => one; }");
        var failed = await fixture.SubmitAsync("#!endpoint update-libraries next");
        var still = await fixture.SubmitAsync("#!next\nkept + Acme.Fine.Value");

        Assert.Equal(
            "Fine.cs does not compile (1 error); the library was not built:\nFine.cs(1,71): error CS0103: The name 'one' does not exist in the current context\n"
            + "Endpoint 'next' keeps running with the libraries it had.",
            KernelFixture.Failure(failed));
        Assert.Equal(42, KernelFixture.ReturnValue(still));
    }

    [Fact]
    public async Task A_compile_error_on_create_starts_nothing_and_a_fixed_library_then_starts_the_endpoint()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        var source = Path.Combine(fixture.Folder, "Fine.cs");
        await File.WriteAllTextAsync(source, "namespace Acme; public static class Fine { public static int Value => one; }");

        var failed = await fixture.SubmitAsync($"#!endpoint create next --libraries {source}");
        var listed = await fixture.SubmitAsync("#!endpoint list");
        await File.WriteAllTextAsync(source, "namespace Acme; public static class Fine { public static int Value => 1; }");
        var created = await fixture.SubmitAsync($"#!endpoint create next --libraries {source}");
        var value = await fixture.SubmitAsync("#!next\nAcme.Fine.Value");

        Assert.Equal(
            "Fine.cs does not compile (1 error); the library was not built:\nFine.cs(1,71): error CS0103: The name 'one' does not exist in the current context\n"
            + "Endpoint 'next' was not started (nor its definition changed); fix the library and run the magic again.",
            KernelFixture.Failure(failed));
        Assert.DoesNotContain("<td style=\"text-align:left\">next</td>", KernelFixture.Html(listed));
        KernelFixture.AssertSucceeded(created);
        Assert.Equal(1, KernelFixture.ReturnValue(value));
    }

    [Fact]
    public async Task A_catalog_that_cannot_be_opened_starts_nothing()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        var folder = Path.Combine(fixture.Folder, "not-a-file.db");
        Directory.CreateDirectory(folder);

        var failed = await fixture.SubmitAsync($"#!endpoint create team --catalog {folder}");
        var listed = await fixture.SubmitAsync("#!endpoint list");
        var created = await fixture.SubmitAsync("#!endpoint create team");

        Assert.StartsWith($"Cannot open the catalog at {folder}: ", KernelFixture.Failure(failed));
        Assert.DoesNotContain("<td style=\"text-align:left\">team</td>", KernelFixture.Html(listed));
        KernelFixture.AssertSucceeded(created);
    }

    [Theory]
    [InlineData("#!endpoint", "Give #!endpoint a subcommand: create, connect, list, status, update-libraries or delete.")]
    [InlineData("#!endpoint create Team-A", "'Team-A' cannot name an endpoint: use lower-case letters, digits and underscores, starting with a letter (at most 32).")]
    [InlineData("#!endpoint create csharp", "'csharp' is already the name of a kernel in this notebook (csharp - C# Script); choose another endpoint name.")]
    [InlineData("#!endpoint create crawl", "'crawl' is already the name of a magic command in this notebook (#!crawl); choose another endpoint name.")]
    [InlineData("#!endpoint update-libraries nope", "There is no endpoint 'nope'. Create it with #!endpoint create nope [--libraries <path>[,<path>...]] [--catalog <file>].")]
    [InlineData("#!endpoint delete nope", "There is no endpoint 'nope' to delete.")]
    public async Task An_endpoint_magic_that_cannot_be_done_fails_the_cell_saying_why(string magic, string message)
    {
        await using var fixture = await KernelFixture.CreateAsync();

        Assert.Equal(message, KernelFixture.Failure(await fixture.SubmitAsync(magic)));
    }

    [Fact]
    public async Task Creating_a_running_endpoint_again_or_connecting_an_unknown_one_fails_saying_what_to_do()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.SubmitAsync("#!endpoint create next");
        await fixture.SubmitAsync("#!endpoint create other");

        var twice = await fixture.SubmitAsync("#!endpoint create next");
        var unknown = await fixture.SubmitAsync("#!endpoint connect nope");

        Assert.Equal("Endpoint 'next' is already running in this notebook: #!endpoint update-libraries next reloads its libraries, #!endpoint delete next stops it.", KernelFixture.Failure(twice));
        Assert.Equal(
            $"There is no endpoint 'nope' in {Path.Combine(fixture.Home, "endpoints")}. Create it with #!endpoint create nope [--libraries <path>[,<path>...]] [--catalog <file>]; endpoints: next, other.",
            KernelFixture.Failure(unknown));
    }
}
