using System.Reflection;
using System.Reflection.Emit;
using DevEndpoint.Libraries;

namespace DevEndpoint.Tests.Libraries;

public sealed class NuGetPackageTests : IDisposable
{
    private readonly TempFolder temp = new();

    /// <summary>Restores only from the folder <c>feed</c>, into the folder <c>packages</c>.</summary>
    private LibraryOptions Options => new()
    {
        CacheFolder = temp.Combine("cache"),
        PackagesFolder = temp.Combine("packages"),
        NuGetConfigFile = TestPackages.Config(temp.Combine("nuget.config"), temp.Combine("feed")),
    };

    [Fact]
    public void A_nupkg_gives_the_assembly_of_the_lib_folder_that_suits_this_runtime_best()
    {
        var package = Package(temp.Combine("Acme.Tools.1.2.0.nupkg"), ("net8.0", "net8"), ("netstandard2.0", "netstandard"), ("net462", "framework"), ("net8.0-windows", "windows"));

        var library = new ScriptLibraryBuilder(Options).Build(package);

        Assert.Equal(("Acme.Tools", "1.2.0", LibraryKind.Package), (library.Name, library.Version, library.Kind));
        Assert.Equal(["Acme.Tools.Flavor"], library.ExportedTypes);
        Assert.Equal("net8", LibraryFiles.Invoke(library.AssemblyPath, "Acme.Tools.Flavor", "get_Name"));
    }

    [Fact]
    public void A_nuget_reference_is_restored_from_the_sources_with_the_packages_it_depends_on()
    {
        var builder = new ScriptLibraryBuilder(Options with { CacheFolder = temp.Combine("build") });
        var core = builder.Build(temp.Write("src/Acme.Core.cs", "namespace Acme.Core; public static class Base { public static string Name => \"core\"; }"));
        TestPackages.Write(temp.Combine("feed"), "Acme.Core", "1.0.0", [("netstandard2.0", "Acme.Core.dll", File.ReadAllBytes(core.AssemblyPath))]);
        var tools = builder.Build(LibraryFiles.Zip(
            temp.Combine("src", "tools.zip"),
            ("Tools/Flavor.cs", "namespace Acme.Tools; public static class Flavor { public static string Name => Acme.Core.Base.Name + \" tools\"; }"),
            ("Tools/library.json", """{ "name": "Acme.Tools", "dependencies": { "Acme.Core": "1.0.0" } }""")));
        TestPackages.Write(
            temp.Combine("feed"),
            "Acme.Tools",
            "1.2.0",
            [("net8.0", "Acme.Tools.dll", File.ReadAllBytes(tools.AssemblyPath))],
            """<group targetFramework="net8.0"><dependency id="Acme.Core" version="1.0.0" /></group>""");

        var library = new ScriptLibraryBuilder(Options).Build("nuget:Acme.Tools,1.2.0");

        Assert.Equal(["Acme.Core 1.0.0"], tools.Dependencies.Select(d => d.ToString()));
        Assert.Equal(temp.Combine("packages", "acme.tools", "1.2.0", "acme.tools.1.2.0.nupkg"), library.Source);
        Assert.Equal(["Acme.Core 1.0.0"], library.Dependencies.Select(d => d.ToString()));
        Assert.Equal([temp.Combine("packages", "acme.core", "1.0.0", "lib", "netstandard2.0", "Acme.Core.dll")], library.Dependencies[0].Assemblies);
        Assert.Equal("core tools", LibraryFiles.Invoke(library, "Acme.Tools.Flavor", "get_Name"));
    }

    [Fact]
    public void A_nuget_reference_lists_keep_the_comma_between_id_and_version()
    {
        Assert.Equal(
            ["nuget:Acme.Tools,1.2.0", "libs/Dates.cs", "nuget:Other,2.0.0-beta.1"],
            ScriptLibraryBuilder.SplitPaths("nuget:Acme.Tools,1.2.0, libs/Dates.cs,nuget:Other , 2.0.0-beta.1"));
    }

    [Fact]
    public void A_package_of_several_assemblies_attaches_them_all_the_one_named_after_it_first()
    {
        var build = new ScriptLibraryBuilder(Options with { CacheFolder = temp.Combine("build") });
        var tools = build.Build(temp.Write("src/Acme.Tools.cs", "namespace Acme.Tools; public static class Flavor { public static string Name => \"tools\"; }"));
        var extras = build.Build(temp.Write("src/Acme.Extras.cs", "namespace Acme.Extras; public static class Extra { public static int Answer => 42; }"));
        var package = LibraryFiles.Zip(
            temp.Combine("Acme.Tools.1.2.0.nupkg"),
            (Nuspec, Bytes("<package><metadata><id>Acme.Tools</id><version>1.2.0</version></metadata></package>"), 0),
            ("lib/net8.0/Acme.Extras.dll", File.ReadAllBytes(extras.AssemblyPath), 0),
            ("lib/net8.0/Acme.Tools.dll", File.ReadAllBytes(tools.AssemblyPath), 0));

        var library = new ScriptLibraryBuilder(Options).Build(package);

        Assert.Equal("Acme.Tools.dll", Path.GetFileName(library.AssemblyPath));
        Assert.Equal(["Acme.Extras.dll"], library.Companions.Select(Path.GetFileName));
        Assert.Equal([library.AssemblyPath, library.Companions[0]], library.References);
        Assert.Equal(["Acme.Extras.Extra", "Acme.Tools.Flavor"], library.ExportedTypes);
        Assert.Equal("tools", LibraryFiles.Invoke(library, "Acme.Tools.Flavor", "get_Name"));
    }

    [Fact]
    public void Packages_that_cannot_be_attached_say_why()
    {
        var builder = new ScriptLibraryBuilder(Options);
        var noLib = Package(temp.Combine("NoLib.1.0.0.nupkg"), ("net462", "framework"));
        var noNuspec = LibraryFiles.Zip(temp.Combine("Bare.1.0.0.nupkg"), ("lib/net8.0/A.dll", "x"));

        Assert.Equal("NoLib.1.0.0.nupkg has no assembly for .NET 10 under lib/ (found: net462).", Assert.Throws<DevEndpointException>(() => builder.Build(noLib)).Message);
        Assert.Equal("Bare.1.0.0.nupkg is not a NuGet package: it has no .nuspec at its root.", Assert.Throws<DevEndpointException>(() => builder.Build(noNuspec)).Message);
        Assert.Equal(
            "'nuget:Acme.Tools' is not a NuGet package reference: write nuget:<id>,<version>, e.g. nuget:Humanizer.Core,2.14.1.",
            Assert.Throws<DevEndpointException>(() => builder.Build("nuget:Acme.Tools")).Message);
        Assert.Equal(
            "'nuget:../evil,1.0.0' is not a NuGet package reference: write nuget:<id>,<version>, e.g. nuget:Humanizer.Core,2.14.1.",
            Assert.Throws<DevEndpointException>(() => builder.Build("nuget:../evil,1.0.0")).Message);
    }

    [Fact]
    public void A_package_or_version_the_sources_do_not_have_is_named_with_what_to_do()
    {
        var builder = new ScriptLibraryBuilder(Options);
        Package(temp.Combine("feed", "Acme.Tools.1.2.0.nupkg"), ("netstandard2.1", "netstandard"));

        Assert.Equal(
            "nuget:Acme.Missing,1.0.0: NuGet could not restore Acme.Missing 1.0.0 for net10.0:\n"
            + "NU1101: Unable to find package Acme.Missing. No packages exist with this id in source(s): only\n"
            + "Check the package id (on nuget.org, or in your NuGet sources: dotnet nuget list source), then attach again.",
            Assert.Throws<DevEndpointException>(() => builder.Build("nuget:Acme.Missing,1.0.0")).Message);
        Assert.Equal(
            "nuget:Acme.Tools,9.0.0: NuGet could not restore Acme.Tools 9.0.0 for net10.0:\n"
            + "NU1102: Unable to find package Acme.Tools with version (= 9.0.0); Found 1 version(s) in only [ Nearest version: 1.2.0 ]\n"
            + "Use a version the NuGet sources have, then attach again.",
            Assert.Throws<DevEndpointException>(() => builder.Build("nuget:Acme.Tools,9.0.0")).Message);
        Assert.False(Directory.Exists(temp.Combine("packages", "acme.tools")));
    }

    [Fact]
    public void A_dependency_newer_than_an_assembly_this_process_has_loaded_is_refused()
    {
        var loaded = typeof(Apache.Arrow.ArrowBuffer).Assembly.GetName().Version;
        var arrow = new PersistedAssemblyBuilder(new AssemblyName("Apache.Arrow") { Version = new Version(99, 0, 0, 0) }, typeof(object).Assembly);
        arrow.DefineDynamicModule("Apache.Arrow.dll");
        using var image = new MemoryStream();
        arrow.Save(image);
        TestPackages.Write(temp.Combine("feed"), "Acme.Arrow", "1.0.0", [("net8.0", "Apache.Arrow.dll", image.ToArray())]);
        var zip = LibraryFiles.Zip(temp.Combine("arrow.zip"), ("Arrow/A.cs", "namespace Acme.Arrow; public static class A { }"), ("Arrow/library.json", """{ "dependencies": { "Acme.Arrow": "1.0.0" } }"""));

        var error = Assert.Throws<DevEndpointException>(() => new ScriptLibraryBuilder(Options).Build(zip));

        Assert.Equal(
            $"arrow.zip: dependency Acme.Arrow 1.0.0 brings Apache.Arrow 99.0.0.0, newer than the Apache.Arrow {loaded} this process has already loaded (the .NET runtime's or DevEndpoint's, which notebooks and libraries share); "
            + $"one process cannot load two versions of it. Depend on a version of Acme.Arrow whose Apache.Arrow is {loaded} or older: the loaded one then stands in for it.",
            error.Message);
    }

    private const string Nuspec = "Acme.Tools.nuspec";

    private static byte[] Bytes(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    /// <summary>Writes a package whose lib folders each hold Acme.Tools.dll, whose Flavor.Name says which folder it came from.</summary>
    private string Package(string path, params (string Framework, string Flavor)[] folders)
    {
        var entries = new List<(string, byte[], int)>
        {
            (Nuspec, Bytes("""<?xml version="1.0"?><package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd"><metadata><id>Acme.Tools</id><version>1.2.0</version></metadata></package>"""), 0),
        };
        var builder = new ScriptLibraryBuilder(Options with { CacheFolder = temp.Combine("build") });
        foreach (var (framework, flavor) in folders)
        {
            var source = temp.Write($"src/{flavor}/Acme.Tools.cs", $"namespace Acme.Tools; public static class Flavor {{ public static string Name => \"{flavor}\"; }}");
            entries.Add(($"lib/{framework}/Acme.Tools.dll", File.ReadAllBytes(builder.Build(source).AssemblyPath), 0));
        }

        return LibraryFiles.Zip(path, [.. entries]);
    }

    public void Dispose() => temp.Dispose();
}
