using System.Security.Cryptography;
using DevEndpoint.Libraries;
using DevEndpoint.Samples;

namespace DevEndpoint.Interactive.Tests.Libraries;

public sealed class AttachLibraryMagicTests
{
    private const string UseBoth = """
        using Acme.Cleaning;
        using Acme.Dates;
        var frame = new Microsoft.Data.Analysis.DataFrame(new Microsoft.Data.Analysis.StringDataFrameColumn("city", new[] { " Oslo " }));
        $"{Cleaner.Normalize(frame, "city")[0]} {Quarters.Of("2024-05-01")} {Cleaner.Version}"
        """;

    [Fact]
    public async Task A_zip_library_and_a_single_file_library_are_used_with_using_in_later_cells()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        var libs = SampleLibraries.Write(Path.Combine(fixture.Folder, "libs"));

        var attached = await fixture.SubmitAsync($"#!attach-library {libs[0]},{libs[2]}");
        var used = await fixture.SubmitAsync(UseBoth);

        KernelFixture.AssertSucceeded(attached);
        Assert.Contains("Attached to the C# kernel: Acme.Cleaning, Dates", KernelFixture.Html(attached));
        Assert.Contains("using Acme.Cleaning; using Acme.Dates;", KernelFixture.Html(attached));
        Assert.Equal("oslo 2024-Q2 1.0.0", KernelFixture.ReturnValue(used));
    }

    [Fact]
    public async Task Libraries_lists_each_library_with_its_source_content_hash_and_exported_types()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        var zip = SampleLibraries.WriteCleaning(Path.Combine(fixture.Folder, "libs"), "1.0.0");
        await fixture.SubmitAsync($"#!attach-library {zip}");

        var listed = await fixture.SubmitAsync("#!libraries");

        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(zip)))[..12];
        Assert.Contains($"<tr><td>Acme.Cleaning</td><td>1.0.0</td><td>zip archive</td><td>{zip}</td><td>{hash}</td><td>Acme.Cleaning.Cleaner, Acme.Cleaning.Text</td></tr>", KernelFixture.Html(listed));
    }

    [Fact]
    public async Task A_compiled_dll_is_attached_as_is()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        var source = Path.Combine(fixture.Folder, "Greeter.cs");
        await File.WriteAllTextAsync(source, "namespace Acme.Greeting; public static class Greeter { public static string Hello(string name) => $\"hello {name}\"; }");
        var built = new ScriptLibraryBuilder(new LibraryOptions { CacheFolder = Path.Combine(fixture.Folder, "build") }).Build(source);
        var dll = Path.Combine(fixture.Folder, "Greeter.dll");
        File.Copy(built.AssemblyPath, dll);

        KernelFixture.AssertSucceeded(await fixture.SubmitAsync($"#!attach-library {dll}"));
        var used = await fixture.SubmitAsync("Acme.Greeting.Greeter.Hello(\"glue\")");

        Assert.Equal("hello glue", KernelFixture.ReturnValue(used));
    }

    [Fact]
    public async Task A_compile_error_fails_the_cell_naming_file_line_and_column_and_the_kernel_stays_usable()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        var broken = Path.Combine(fixture.Folder, "Broken.cs");
        await File.WriteAllTextAsync(broken, "namespace Acme;\npublic static class Broken\n{\n    public static int Value => missing;\n}\n");
        var libs = SampleLibraries.Write(Path.Combine(fixture.Folder, "libs"));

        var failed = await fixture.SubmitAsync($"#!attach-library {libs[0]},{broken}");
        var arithmetic = await fixture.SubmitAsync("1 + 1");
        var attached = await fixture.SubmitAsync($"#!attach-library {libs[0]},{libs[2]}");
        var used = await fixture.SubmitAsync(UseBoth);

        Assert.Equal(
            "Broken.cs does not compile (1 error); the library was not built:\nBroken.cs(4,32): error CS0103: The name 'missing' does not exist in the current context",
            KernelFixture.Failure(failed));
        Assert.Equal(2, KernelFixture.ReturnValue(arithmetic));
        KernelFixture.AssertSucceeded(attached);
        Assert.Equal("oslo 2024-Q2 1.0.0", KernelFixture.ReturnValue(used));
    }

    [Fact]
    public async Task A_changed_version_of_an_attached_library_is_refused_pointing_to_endpoints()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        var libs = SampleLibraries.Write(Path.Combine(fixture.Folder, "libs"));
        await fixture.SubmitAsync($"#!attach-library {libs[0]}");

        var again = await fixture.SubmitAsync($"#!attach-library {libs[0]}");
        var changed = await fixture.SubmitAsync($"#!attach-library {libs[1]}");

        Assert.Contains("Attached to the C# kernel: nothing new (already attached)", KernelFixture.Html(again));
        string Hash(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)))[..12];
        Assert.Equal(
            $"Acme.Cleaning is already attached to the C# kernel (from {libs[0]}, content {Hash(libs[0])}), and {libs[1]} (content {Hash(libs[1])}) differs: "
            + $"a running C# kernel cannot unload an assembly. Attach the new version to an endpoint, whose libraries reload (#!endpoint create <name> --libraries {libs[1]}), or restart the kernel.",
            KernelFixture.Failure(changed));
    }

    [Fact]
    public async Task An_unsafe_archive_fails_the_cell_naming_the_entry_and_why()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        var zip = Path.Combine(fixture.Folder, "evil.zip");
        using (var archive = System.IO.Compression.ZipFile.Open(zip, System.IO.Compression.ZipArchiveMode.Create))
        {
            archive.CreateEntry("Acme/A.cs");
            archive.CreateEntry("../../home/user/.bashrc.cs");
        }

        var result = await fixture.SubmitAsync($"#!attach-library {zip}");

        Assert.Equal("evil.zip: entry '../../home/user/.bashrc.cs' is rejected: it climbs out of the archive root with '..'.", KernelFixture.Failure(result));
        Assert.False(File.Exists(Path.Combine(fixture.Folder, "..", "..", "home", "user", ".bashrc.cs")));
    }
}
