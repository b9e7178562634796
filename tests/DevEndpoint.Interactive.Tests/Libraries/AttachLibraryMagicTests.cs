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
        Assert.Contains($"<tr><td style=\"text-align:left\">Acme.Cleaning</td><td style=\"text-align:left\">1.0.0</td><td style=\"text-align:left\">zip archive</td><td style=\"text-align:left\">{zip}</td><td style=\"text-align:left\">{hash}</td><td style=\"text-align:left\">Acme.Cleaning.Cleaner, Acme.Cleaning.Text</td><td style=\"text-align:left\"></td></tr>", KernelFixture.Html(listed));
    }

    [Fact]
    public async Task A_library_is_attached_with_its_nuget_dependencies_and_both_are_usable_in_later_cells()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        var words = WordsArchive(fixture.Folder, "words.zip", "2.14.1");

        var attached = await fixture.SubmitAsync($"#!attach-library {words}");
        var used = await fixture.SubmitAsync("using Humanizer;\nAcme.Words.Titles.Of(\"order_id_column\") + \"|\" + \"some_text\".Humanize()");
        var listed = await fixture.SubmitAsync("#!libraries");

        KernelFixture.AssertSucceeded(attached);
        Assert.Contains("words.zip: restoring Humanizer.Core 2.14.1 for net10.0 from the NuGet sources...", KernelFixture.Text(attached));
        Assert.Equal("Order Id Column|some text", KernelFixture.ReturnValue(used));
        Assert.Contains("<td style=\"text-align:left\">Acme.Words.Titles</td><td style=\"text-align:left\">Humanizer.Core 2.14.1</td></tr>", KernelFixture.Html(listed));
        Assert.Contains($"Builds are cached in {Path.Combine(fixture.Home, "libraries")}; those unused for 30 days are removed when DevEndpoint loads, except those of stored endpoints.", KernelFixture.Html(listed));
    }

    [Fact]
    public async Task A_nuget_package_is_attached_with_the_packages_it_depends_on()
    {
        await using var fixture = await KernelFixture.CreateAsync();

        var attached = await fixture.SubmitAsync("#!attach-library nuget:Newtonsoft.Json.Bson,1.0.2");
        var used = await fixture.SubmitAsync("""
            var stream = new System.IO.MemoryStream();
            using (var writer = new Newtonsoft.Json.Bson.BsonDataWriter(stream)) { Newtonsoft.Json.JsonSerializer.CreateDefault().Serialize(writer, new { id = 7 }); }
            var reader = new Newtonsoft.Json.Bson.BsonDataReader(new System.IO.MemoryStream(stream.ToArray()));
            Newtonsoft.Json.JsonSerializer.CreateDefault().Deserialize<Newtonsoft.Json.Linq.JObject>(reader)["id"].ToString()
            """);

        KernelFixture.AssertSucceeded(attached);
        Assert.Equal("7", KernelFixture.ReturnValue(used));
    }

    [Fact]
    public async Task An_endpoint_references_its_libraries_nuget_dependencies()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        var words = WordsArchive(fixture.Folder, "words.zip", "2.14.1");

        KernelFixture.AssertSucceeded(await fixture.SubmitAsync($"#!endpoint create words --libraries {words}"));
        var used = await fixture.SubmitAsync("#!words\nAcme.Words.Titles.Of(\"order_id_column\")");

        Assert.Equal("Order Id Column", KernelFixture.ReturnValue(used));
    }

    [Fact]
    public async Task Libraries_whose_dependencies_bring_two_versions_of_one_assembly_are_refused_together()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        var newer = WordsArchive(fixture.Folder, "words.zip", "2.14.1");
        var older = WordsArchive(fixture.Folder, "old-words.zip", "2.8.26", "Acme.OldWords");

        var failed = await fixture.SubmitAsync($"#!attach-library {newer},{older}");
        var attached = await fixture.SubmitAsync($"#!attach-library {newer}");
        var refused = await fixture.SubmitAsync($"#!attach-library {older}");

        const string Message = "Acme.Words depends on Humanizer.Core 2.14.1 and Acme.OldWords on Humanizer.Core 2.8.26, which both bring Humanizer.dll: "
            + "a C# session can reference only one version of an assembly. Make them depend on the same version, or use one endpoint for each.";
        Assert.Equal(Message, KernelFixture.Failure(failed));
        KernelFixture.AssertSucceeded(attached);
        Assert.Equal(Message, KernelFixture.Failure(refused));
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

    /// <summary>A library archive whose <c>Acme.Words.Titles.Of</c> title-cases text with Humanizer, which library.json names.</summary>
    private static string WordsArchive(string folder, string file, string humanizerVersion, string name = "Acme.Words") =>
        Zip(
            Path.Combine(folder, file),
            ("Words/Titles.cs", "using Humanizer; namespace Acme.Words; public static class Titles { public static string Of(string text) => text.Humanize(LetterCasing.Title); }"),
            ("Words/library.json", $$"""{ "name": "{{name}}", "dependencies": { "Humanizer.Core": "{{humanizerVersion}}" } }"""));

    private static string Zip(string path, params (string Name, string Content)[] entries)
    {
        using var archive = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Create);
        foreach (var (name, content) in entries)
        {
            using var writer = new StreamWriter(archive.CreateEntry(name).Open());
            writer.Write(content);
        }

        return path;
    }
}
