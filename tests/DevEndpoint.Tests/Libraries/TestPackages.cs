using System.Text;

namespace DevEndpoint.Tests.Libraries;

/// <summary>Writes NuGet packages (a nuspec and lib/ assemblies) and NuGet.Config files naming the sources a restore may use.</summary>
internal static class TestPackages
{
    /// <summary>Writes <c>&lt;feed&gt;/&lt;id&gt;.&lt;version&gt;.nupkg</c>; <paramref name="dependencies"/> is the nuspec's <c>&lt;dependencies&gt;</c> content.</summary>
    public static string Write(string feed, string id, string version, IEnumerable<(string Framework, string File, byte[] Content)> assemblies, string dependencies = "")
    {
        var nuspec = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
              <metadata>
                <id>{id}</id>
                <version>{version}</version>
                <authors>DevEndpoint tests</authors>
                <description>A package the DevEndpoint tests build.</description>
                <dependencies>{dependencies}</dependencies>
              </metadata>
            </package>
            """;
        return LibraryFiles.Zip(
            Path.Combine(feed, $"{id}.{version}.nupkg"),
            [($"{id}.nuspec", Encoding.UTF8.GetBytes(nuspec), 0), .. assemblies.Select(a => ($"lib/{a.Framework}/{a.File}", a.Content, 0))]);
    }

    /// <summary>A NuGet.Config whose only package source is <paramref name="source"/> (a folder or a URL).</summary>
    public static string Config(string path, string source)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $"""<configuration><packageSources><clear /><add key="only" value="{source}" /></packageSources></configuration>""");
        return path;
    }
}
