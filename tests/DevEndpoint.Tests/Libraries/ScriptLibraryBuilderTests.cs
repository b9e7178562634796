using DevEndpoint.Catalog;
using DevEndpoint.Libraries;
using DevEndpoint.Samples;

namespace DevEndpoint.Tests.Libraries;

public sealed class ScriptLibraryBuilderTests : IDisposable
{
    private readonly TempFolder temp = new();

    private ScriptLibraryBuilder Builder => new(new LibraryOptions { CacheFolder = temp.Combine("cache") });

    [Fact]
    public void A_single_cs_file_compiles_into_an_assembly_whose_types_run()
    {
        var dates = SampleLibraries.Write(temp.Combine("libs"))[2];

        var library = Builder.Build(dates);

        Assert.Equal("Dates", library.Name);
        Assert.Equal(LibraryKind.SourceFile, library.Kind);
        Assert.Equal(["Acme.Dates.Quarters"], library.ExportedTypes);
        Assert.StartsWith(temp.Combine("cache"), library.AssemblyPath, StringComparison.Ordinal);
        Assert.Equal("2024-Q1", LibraryFiles.Invoke(library.AssemblyPath, "Acme.Dates.Quarters", "Of", "2024-02-17"));
    }

    [Fact]
    public void A_zip_library_takes_its_name_and_version_from_library_json_and_uses_dataframes()
    {
        var zip = SampleLibraries.WriteCleaning(temp.Path, "2.0.0");

        var library = Builder.Build(zip);

        Assert.Equal(("Acme.Cleaning", "2.0.0", LibraryKind.SourceArchive), (library.Name, library.Version, library.Kind));
        Assert.Equal(["Acme.Cleaning.Cleaner", "Acme.Cleaning.Text"], library.ExportedTypes);
        var frame = new Microsoft.Data.Analysis.DataFrame(new Microsoft.Data.Analysis.StringDataFrameColumn("city", [" Oslo ", "LIMA"]));
        var tidy = (Microsoft.Data.Analysis.StringDataFrameColumn)LibraryFiles.Invoke(library.AssemblyPath, "Acme.Cleaning.Cleaner", "Normalize", frame, "city")!;
        Assert.Equal(["oslo", "lima"], tidy.ToArray());
    }

    [Fact]
    public void A_zip_library_without_library_json_is_named_after_its_folder()
    {
        var zip = LibraryFiles.Zip(temp.Combine("plain.zip"), ("Plain/A.cs", "namespace Plain; public class A { } internal class Hidden { }"));

        var library = Builder.Build(zip);

        Assert.Equal(("Plain", null), (library.Name, library.Version));
        Assert.Equal(["Plain.A"], library.ExportedTypes);
    }

    [Fact]
    public void A_library_can_use_the_catalog_api()
    {
        var catalogPath = temp.Combine("catalog.db");
        DataCatalog.Open(catalogPath).Update(u => u.EnsureDatabase(new Database { Name = "sales" }));
        var source = temp.Write("CatalogUse.cs", """
            using System.Linq;
            using DevEndpoint.Catalog;

            namespace Acme.Catalogs;

            public static class Listing
            {
                public static string Databases(string path) => string.Join(",", DataCatalog.Open(path).GetDatabases().Select(d => d.Name));
            }
            """);

        var library = Builder.Build(source);

        Assert.Equal("sales", LibraryFiles.Invoke(library.AssemblyPath, "Acme.Catalogs.Listing", "Databases", catalogPath));
    }

    [Fact]
    public void Compile_errors_name_the_archive_entry_line_and_column()
    {
        var zip = LibraryFiles.Zip(
            temp.Combine("cleaning.zip"),
            ("Acme/Cleaner.cs", "namespace Acme.Cleaning;\n\npublic static class Cleaner\n{\n    public static int Count() =>\n        missing + 1;\n}\n"),
            ("Acme/Other.cs", "namespace Acme.Cleaning;\npublic class Other { public void M() { int x = \"text\"; } }\n"));

        var error = Assert.Throws<LibraryCompilationException>(() => Builder.Build(zip));

        Assert.Equal(
            "cleaning.zip does not compile (2 errors); the library was not built:\n"
            + "cleaning.zip!Acme/Cleaner.cs(6,9): error CS0103: The name 'missing' does not exist in the current context\n"
            + "cleaning.zip!Acme/Other.cs(2,48): error CS0029: Cannot implicitly convert type 'string' to 'int'",
            error.Message);
        Assert.Equal(2, error.Errors.Count);
    }

    [Fact]
    public void A_compiled_dll_is_copied_into_the_cache_and_its_public_types_listed()
    {
        var built = Builder.Build(temp.Write("Tools.cs", "namespace Acme.Tools; public class Hammer { } public interface ITool { }"));
        var dll = temp.Combine("Tools.dll");
        File.Copy(built.AssemblyPath, dll);

        var library = Builder.Build(dll);

        Assert.Equal(("Tools", LibraryKind.Assembly), (library.Name, library.Kind));
        Assert.Equal(["Acme.Tools.Hammer", "Acme.Tools.ITool"], library.ExportedTypes);
        Assert.NotEqual(dll, library.AssemblyPath);
        Assert.Equal(File.ReadAllBytes(dll), File.ReadAllBytes(library.AssemblyPath));
    }

    [Fact]
    public void The_same_content_is_compiled_once_and_changed_content_gets_a_new_assembly()
    {
        var source = temp.Write("Counter.cs", "namespace Acme; public static class Counter { public static int Start => 1; }");
        var first = Builder.Build(source);
        var written = File.GetLastWriteTimeUtc(first.AssemblyPath);

        var again = Builder.Build(source);
        File.WriteAllText(source, "namespace Acme; public static class Counter { public static int Start => 2; }");
        var changed = Builder.Build(source);

        Assert.Equal(first.AssemblyPath, again.AssemblyPath);
        Assert.Equal(written, File.GetLastWriteTimeUtc(again.AssemblyPath));
        Assert.NotEqual(first.ContentHash, changed.ContentHash);
        Assert.NotEqual(first.AssemblyPath, changed.AssemblyPath);
        Assert.Equal(2, LibraryFiles.Invoke(changed.AssemblyPath, "Acme.Counter", "get_Start"));
    }

    [Fact]
    public void Comma_separated_library_paths_are_split_and_trimmed()
    {
        Assert.Equal(["libs/cleaning.zip", "libs/Dates.cs"], ScriptLibraryBuilder.SplitPaths(" libs/cleaning.zip , libs/Dates.cs,"));
    }

    public void Dispose() => temp.Dispose();
}
