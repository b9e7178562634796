using System.Text;
using DevEndpoint.Libraries;

namespace DevEndpoint.Tests.Libraries;

/// <summary>Every archive and file a library build rejects, with the exact message, and nothing written for it.</summary>
public sealed class LibraryRejectionTests : IDisposable
{
    private const string Valid = "namespace Acme; public class A { }";
    private const int SymbolicLinkMode = 0xA1FF;

    private readonly TempFolder temp = new();

    public static TheoryData<string, string> UnsafeEntries => new()
    {
        { "../evil.cs", "bad.zip: entry '../evil.cs' is rejected: it climbs out of the archive root with '..'." },
        { "Acme/../../evil.cs", "bad.zip: entry 'Acme/../../evil.cs' is rejected: it climbs out of the archive root with '..'." },
        { "Acme\\..\\..\\evil.cs", "bad.zip: entry 'Acme\\..\\..\\evil.cs' is rejected: it climbs out of the archive root with '..'." },
        { "/etc/evil.cs", "bad.zip: entry '/etc/evil.cs' is rejected: it is an absolute path." },
        { "C:/Windows/evil.cs", "bad.zip: entry 'C:/Windows/evil.cs' is rejected: it starts with a drive letter." },
        { "Evil.cs", "bad.zip: entry 'Evil.cs' is rejected: source files belong in the library folder 'Acme/', not at the archive root." },
    };

    [Theory]
    [MemberData(nameof(UnsafeEntries))]
    public void An_entry_outside_the_library_folder_is_rejected_by_name(string entry, string message)
    {
        var zip = LibraryFiles.Zip(temp.Combine("bad.zip"), ("Acme/A.cs", Valid), (entry, Valid));

        AssertRejected(zip, message);
    }

    [Fact]
    public void A_symbolic_link_entry_is_rejected()
    {
        var zip = LibraryFiles.Zip(
            temp.Combine("bad.zip"),
            ("Acme/A.cs", Encoding.UTF8.GetBytes(Valid), 0),
            ("Acme/secrets.cs", Encoding.UTF8.GetBytes("/home/user/.ssh/id_rsa"), SymbolicLinkMode));

        AssertRejected(zip, "bad.zip: entry 'Acme/secrets.cs' is rejected: it is a symbolic link.");
    }

    [Fact]
    public void An_entry_that_expands_too_much_for_its_size_is_rejected()
    {
        var zip = LibraryFiles.Zip(
            temp.Combine("bad.zip"),
            ("Acme/A.cs", Encoding.UTF8.GetBytes(Valid), 0),
            ("Acme/Bomb.cs", new byte[4 * 1024 * 1024], 0));

        var error = Assert.Throws<DevEndpointException>(() => Build(zip));

        Assert.Matches(@"^bad\.zip: entry 'Acme/Bomb\.cs' is rejected: it expands \d+:1 \([\d,]+ to 4,194,304 bytes\), more than the 100:1 allowed\.$", error.Message);
    }

    [Fact]
    public void An_archive_that_expands_past_the_size_limit_is_rejected()
    {
        var zip = LibraryFiles.Zip(temp.Combine("bad.zip"), ("Acme/A.cs", Valid), ("Acme/Big.cs", new string('x', 2000)));

        AssertRejected(zip, "bad.zip: entry 'Acme/Big.cs' is rejected: the archive expands to 2,034 bytes, more than the 1,000 allowed.", new LibraryOptions { MaxUncompressedBytes = 1000 });
    }

    [Fact]
    public void An_archive_with_too_many_entries_is_rejected()
    {
        var zip = LibraryFiles.Zip(temp.Combine("bad.zip"), ("Acme/A.cs", Valid), ("Acme/B.cs", Valid), ("Acme/C.cs", Valid));

        AssertRejected(zip, "bad.zip holds 3 entries, more than the 2 a library archive may hold.", new LibraryOptions { MaxEntries = 2 });
    }

    [Fact]
    public void An_archive_without_a_library_folder_is_rejected()
    {
        var zip = LibraryFiles.Zip(temp.Combine("bad.zip"), ("A.cs", Valid), ("README.md", "hello"));

        AssertRejected(zip, "bad.zip has no library folder at its root: a library archive holds one folder of .cs files at its root (e.g. Acme/Cleaner.cs).");
    }

    [Fact]
    public void An_archive_with_two_folders_at_its_root_is_rejected()
    {
        var zip = LibraryFiles.Zip(temp.Combine("bad.zip"), ("Acme/A.cs", Valid), ("Other/B.cs", Valid));

        AssertRejected(zip, "bad.zip has 2 folders at its root ('Acme', 'Other'): a library archive holds one library folder at its root.");
    }

    [Fact]
    public void A_library_folder_without_sources_is_rejected()
    {
        var zip = LibraryFiles.Zip(temp.Combine("bad.zip"), ("Acme/README.md", "hello"));

        AssertRejected(zip, "bad.zip: the library folder 'Acme/' holds no .cs files.");
    }

    [Fact]
    public void A_file_that_is_not_a_zip_is_rejected()
    {
        var zip = temp.Write("bad.zip", "not a zip");

        AssertRejected(zip, "bad.zip is not a readable zip archive: Central Directory corrupt.");
    }

    [Fact]
    public void A_library_json_dependency_that_is_no_package_id_and_version_is_rejected()
    {
        var zip = LibraryFiles.Zip(temp.Combine("bad.zip"), ("Acme/A.cs", Valid), ("Acme/library.json", """{ "name": "Acme", "dependencies": { "Humanizer.Core": "$(Evil)" } }"""));

        AssertRejected(zip, "bad.zip!Acme/library.json: 'Humanizer.Core': '$(Evil)' is not a NuGet package id and version; write \"dependencies\": {\"<id>\": \"<version>\"}, e.g. {\"Humanizer.Core\": \"2.14.1\"}.");
    }

    [Fact]
    public void A_library_json_with_unknown_fields_is_rejected()
    {
        var zip = LibraryFiles.Zip(temp.Combine("bad.zip"), ("Acme/A.cs", Valid), ("Acme/library.json", """{ "title": "Acme" }"""));

        var error = Assert.Throws<DevEndpointException>(() => Build(zip));

        Assert.StartsWith("bad.zip!Acme/library.json: not a valid library.json (The JSON property 'title' could not be mapped", error.Message);
        Assert.EndsWith("it may hold \"name\", \"version\" and \"dependencies\".", error.Message);
    }

    [Fact]
    public void A_library_name_that_is_not_an_assembly_name_is_rejected()
    {
        var source = temp.Write("my library.cs", Valid);

        AssertRejected(source, "my library.cs: 'my library' is not a valid library name; use letters, digits, '.', '_' and '-', starting with a letter (rename the file or folder, or give a name in library.json).");
    }

    [Fact]
    public void A_library_named_as_an_assembly_the_process_has_loaded_is_rejected()
    {
        var analysis = typeof(Microsoft.Data.Analysis.DataFrame).Assembly;
        var copy = temp.Combine("Microsoft.Data.Analysis.dll");
        File.Copy(analysis.Location, copy);
        var source = temp.Write("System.Text.Json.cs", Valid);

        AssertRejected(copy, $"Microsoft.Data.Analysis.dll: Microsoft.Data.Analysis is the name of an assembly this process has already loaded (Microsoft.Data.Analysis {analysis.GetName().Version}, the .NET runtime's or DevEndpoint's); one process cannot load two assemblies of one name. Use the loaded one without attaching it, or give the library another name.");
        AssertRejected(source, $"System.Text.Json.cs: System.Text.Json is the name of an assembly this process has already loaded (System.Text.Json {typeof(System.Text.Json.JsonSerializer).Assembly.GetName().Version}, the .NET runtime's or DevEndpoint's); one process cannot load two assemblies of one name. Use the loaded one without attaching it, or give the library another name.");
    }

    [Fact]
    public void Missing_files_unknown_kinds_and_files_that_are_no_assembly_are_rejected()
    {
        var text = temp.Write("notes.txt", "hello");
        var missing = temp.Combine("missing.zip");

        AssertRejected(missing, $"Library file not found: {missing}");
        AssertRejected(text, $"{text}: a script library is a .cs file, a .zip archive with one library folder of .cs files at its root, or a compiled .dll; '.txt' is none of these.");
        AssertRejected(temp.Write("fake.dll", "MZ not really"), "fake.dll is not a .NET assembly.");
    }

    private ScriptLibrary Build(string path, LibraryOptions? options = null) =>
        new ScriptLibraryBuilder((options ?? new LibraryOptions()) with { CacheFolder = temp.Combine("cache") }).Build(path);

    private void AssertRejected(string path, string message, LibraryOptions? options = null)
    {
        var error = Assert.Throws<DevEndpointException>(() => Build(path, options));

        Assert.Equal(message, error.Message);
        Assert.False(Directory.Exists(temp.Combine("cache")), "a rejected library writes nothing to the cache");
    }

    public void Dispose() => temp.Dispose();
}
