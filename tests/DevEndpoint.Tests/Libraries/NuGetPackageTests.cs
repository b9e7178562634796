using DevEndpoint.Libraries;

namespace DevEndpoint.Tests.Libraries;

public sealed class NuGetPackageTests : IDisposable
{
    private readonly TempFolder temp = new();

    private LibraryOptions Options => new() { CacheFolder = temp.Combine("cache"), PackagesFolder = temp.Combine("packages") };

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
    public void A_nuget_reference_takes_the_package_from_the_nuget_packages_folder()
    {
        Package(temp.Combine("packages", "acme.tools", "1.2.0", "acme.tools.1.2.0.nupkg"), ("netstandard2.1", "netstandard"));

        var library = new ScriptLibraryBuilder(Options).Build("nuget:Acme.Tools,1.2.0");

        Assert.Equal(temp.Combine("packages", "acme.tools", "1.2.0", "acme.tools.1.2.0.nupkg"), library.Source);
        Assert.Equal("netstandard", LibraryFiles.Invoke(library.AssemblyPath, "Acme.Tools.Flavor", "get_Name"));
    }

    [Fact]
    public void A_nuget_reference_lists_keep_the_comma_between_id_and_version()
    {
        Assert.Equal(
            ["nuget:Acme.Tools,1.2.0", "libs/Dates.cs", "nuget:Other,2.0.0-beta.1"],
            ScriptLibraryBuilder.SplitPaths("nuget:Acme.Tools,1.2.0, libs/Dates.cs,nuget:Other , 2.0.0-beta.1"));
    }

    [Fact]
    public void Packages_that_cannot_be_attached_say_why()
    {
        var builder = new ScriptLibraryBuilder(Options);
        var noLib = Package(temp.Combine("NoLib.1.0.0.nupkg"), ("net462", "framework"));
        var several = LibraryFiles.Zip(temp.Combine("Several.1.0.0.nupkg"), (Nuspec, Bytes("<package><metadata><id>Several</id><version>1.0.0</version></metadata></package>"), 0), ("lib/net8.0/A.dll", [1], 0), ("lib/net8.0/B.dll", [2], 0));
        var noNuspec = LibraryFiles.Zip(temp.Combine("Bare.1.0.0.nupkg"), ("lib/net8.0/A.dll", "x"));

        Assert.Equal("NoLib.1.0.0.nupkg has no assembly for .NET 10 under lib/ (found: net462).", Assert.Throws<DevEndpointException>(() => builder.Build(noLib)).Message);
        Assert.Equal("Several.1.0.0.nupkg: lib/net8.0/ holds 2 assemblies (A.dll, B.dll); only packages of one assembly can be attached yet.", Assert.Throws<DevEndpointException>(() => builder.Build(several)).Message);
        Assert.Equal("Bare.1.0.0.nupkg is not a NuGet package: it has no .nuspec at its root.", Assert.Throws<DevEndpointException>(() => builder.Build(noNuspec)).Message);
        Assert.Equal(
            $"nuget:Missing,1.0.0: the package is not in the NuGet packages folder {temp.Combine("packages")}; restore it first (in a C# cell: #r \"nuget:Missing,1.0.0\"), then attach it again.",
            Assert.Throws<DevEndpointException>(() => builder.Build("nuget:Missing,1.0.0")).Message);
        Assert.Equal(
            "'nuget:../evil,1.0.0' is not a NuGet package reference: write nuget:<id>,<version>, e.g. nuget:Humanizer.Core,2.14.1.",
            Assert.Throws<DevEndpointException>(() => builder.Build("nuget:../evil,1.0.0")).Message);
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
