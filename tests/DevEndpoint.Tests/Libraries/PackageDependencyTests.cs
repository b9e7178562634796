using DevEndpoint.Libraries;
using DevEndpoint.Libraries.Internals;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Libraries;

/// <summary>NuGet dependencies restored from the NuGet sources the machine is configured with (nuget.org or its mirror).</summary>
public sealed class PackageDependencyTests : IDisposable
{
    private const string Words = """
        using Humanizer;

        namespace Acme.Words;

        public static class Titles
        {
            public static string Of(string text) => text.Humanize(LetterCasing.Title);
        }
        """;

    private readonly TempFolder temp = new();

    private LibraryOptions Options => new() { CacheFolder = temp.Combine("cache"), PackagesFolder = temp.Combine("packages") };

    private LibraryOptions Offline => Options with { NuGetConfigFile = TestPackages.Config(temp.Combine("offline.config"), "https://127.0.0.1:9/v3/index.json") };

    [Fact]
    public void A_library_json_dependency_is_restored_compiled_against_and_used_again_without_a_restore()
    {
        var zip = WordsArchive();

        var restores = new List<string>();
        var library = new ScriptLibraryBuilder(Options).Build(zip, restores.Add);
        var again = new ScriptLibraryBuilder(Offline).Build(zip, restores.Add);

        Assert.Equal(["words.zip: restoring Humanizer.Core 2.14.1 for net10.0 from the NuGet sources..."], restores);
        Assert.Equal(["Humanizer.Core 2.14.1"], library.Dependencies.Select(d => d.ToString()));
        var humanizer = temp.Combine("packages", "humanizer.core", "2.14.1", "lib", "net6.0", "Humanizer.dll");
        Assert.Equal([humanizer], library.Dependencies[0].Assemblies);
        Assert.Equal([library.AssemblyPath, humanizer], library.References);
        Assert.Equal("Order Id Column", LibraryFiles.Invoke(library, "Acme.Words.Titles", "Of", "order_id_column"));
        Assert.Equal(library.References, again.References);
        Assert.Equal(library.Dependencies, again.Dependencies, (a, b) => a.ToString() == b.ToString());
    }

    [Fact]
    public void A_nupkg_brings_the_dependencies_its_nuspec_gives_for_this_runtime()
    {
        var words = new ScriptLibraryBuilder(Options with { CacheFolder = temp.Combine("build") }).Build(WordsArchive());
        var package = TestPackages.Write(
            temp.Combine("feed"),
            "Acme.Words",
            "1.0.0",
            [("net8.0", "Acme.Words.dll", File.ReadAllBytes(words.AssemblyPath))],
            """
            <group targetFramework=".NETFramework4.6.2"><dependency id="Acme.Never" version="1.0.0" /></group>
            <group targetFramework="net8.0"><dependency id="Humanizer.Core" version="2.14.1" exclude="Build,Analyzers" /></group>
            <group targetFramework=".NETStandard2.0"><dependency id="Acme.Never" version="1.0.0" /></group>
            """);

        var library = new ScriptLibraryBuilder(Options).Build(package);

        Assert.Equal(("Acme.Words", "1.0.0", LibraryKind.Package), (library.Name, library.Version, library.Kind));
        Assert.Equal(["Humanizer.Core 2.14.1"], library.Dependencies.Select(d => d.ToString()));
        Assert.Equal("Order Id Column", LibraryFiles.Invoke(library, "Acme.Words.Titles", "Of", "order_id_column"));
    }

    [Fact]
    public void A_nuget_reference_is_restored_with_its_transitive_dependencies()
    {
        var library = new ScriptLibraryBuilder(Options).Build("nuget:Newtonsoft.Json.Bson,1.0.2");

        Assert.Equal(("Newtonsoft.Json.Bson", "1.0.2", LibraryKind.Package), (library.Name, library.Version, library.Kind));
        Assert.Equal(temp.Combine("packages", "newtonsoft.json.bson", "1.0.2", "newtonsoft.json.bson.1.0.2.nupkg"), library.Source);
        // Newtonsoft.Json 12.0.1 is restored, and the newer one this process has (ML.NET's) stands in for it.
        Assert.True(File.Exists(temp.Combine("packages", "newtonsoft.json", "12.0.1", "lib", "netstandard2.0", "Newtonsoft.Json.dll")));
        Assert.Equal([$"Newtonsoft.Json 12.0.1 (uses the loaded Newtonsoft.Json {LibraryCompiler.HostAssemblies["Newtonsoft.Json"]})"], library.Dependencies.Select(d => d.ToString()));
        Assert.Empty(library.Dependencies[0].Assemblies);
        Assert.Equal([library.AssemblyPath, LibraryCompiler.LoadedPath("Newtonsoft.Json 13")!], library.References);
        Assert.Contains("Newtonsoft.Json.Bson.BsonDataWriter", library.ExportedTypes);
    }

    [Fact]
    public void Dependencies_this_process_has_loaded_in_the_same_or_a_newer_version_use_the_loaded_assemblies()
    {
        var zip = LibraryFiles.Zip(
            temp.Combine("frames.zip"),
            ("Frames/Rows.cs", "namespace Acme.Frames; public static class Rows { public static long Count(Microsoft.Data.Analysis.DataFrame frame) => frame.Rows.Count; }"),
            ("Frames/library.json", """{ "dependencies": { "Microsoft.Data.Analysis": "0.23.1" } }"""));

        var library = new ScriptLibraryBuilder(Options).Build(zip);

        var dependencies = library.Dependencies.ToDictionary(d => d.Id);
        Assert.All(library.Dependencies, d => Assert.Empty(d.Assemblies));
        Assert.Equal([$"Microsoft.Data.Analysis {typeof(DataFrame).Assembly.GetName().Version}"], dependencies["Microsoft.Data.Analysis"].LoadedInstead);
        Assert.Equal(["Apache.Arrow", "Microsoft.Data.Analysis", "Microsoft.ML.DataView", "System.Numerics.Tensors"], dependencies.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("14.0.2", dependencies["Apache.Arrow"].Version);
        Assert.Equal([$"Apache.Arrow {typeof(Apache.Arrow.ArrowBuffer).Assembly.GetName().Version}"], dependencies["Apache.Arrow"].LoadedInstead);
        Assert.Equal(
            [library.AssemblyPath, typeof(Apache.Arrow.ArrowBuffer).Assembly.Location, typeof(DataFrame).Assembly.Location, typeof(Microsoft.ML.IDataView).Assembly.Location, typeof(System.Numerics.Tensors.TensorPrimitives).Assembly.Location],
            library.References);
        Assert.Equal(2L, LibraryFiles.Invoke(library, "Acme.Frames.Rows", "Count", new DataFrame(new Int32DataFrameColumn("id", [1, 2]))));
    }

    [Fact]
    public void Unreachable_sources_say_which_package_failed_and_what_to_do()
    {
        var error = Assert.Throws<DevEndpointException>(() => new ScriptLibraryBuilder(Offline).Build(WordsArchive()));

        Assert.Equal(
            "words.zip: NuGet could not restore Humanizer.Core 2.14.1 for net10.0:\n"
            + "NU1301: Unable to load the service index for source https://127.0.0.1:9/v3/index.json; Connection refused (127.0.0.1:9); Connection refused\n"
            + "The NuGet sources could not be reached: check the network connection and the sources (dotnet nuget list source), then attach again.",
            error.Message);
    }

    private string WordsArchive() =>
        LibraryFiles.Zip(
            temp.Combine("words.zip"),
            ("Words/Titles.cs", Words),
            ("Words/library.json", """{ "name": "Acme.Words", "dependencies": { "Humanizer.Core": "2.14.1" } }"""));

    public void Dispose() => temp.Dispose();
}
