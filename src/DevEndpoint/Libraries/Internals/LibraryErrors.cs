namespace DevEndpoint.Libraries.Internals;

/// <summary>Every error a user can get from building a script library, in one place.</summary>
internal static class LibraryErrors
{
    public static DevEndpointException NotFound(string path) =>
        new($"Library file not found: {path}");

    public static DevEndpointException InObjectStore(string path) =>
        new($"{path} is in an object store: download it first (#!attach-library {path} --connection <name>, or ScriptLibraryBuilder.DownloadAsync), then build the downloaded file.");

    public static DevEndpointException UnknownKind(string path) =>
        new($"{path}: a script library is a .cs file, a .zip archive with one library folder of .cs files at its root, or a compiled .dll; '{Path.GetExtension(path)}' is none of these.");

    public static DevEndpointException BadPackageReference(string reference) =>
        new($"'{reference}' is not a NuGet package reference: write nuget:<id>,<version>, e.g. nuget:Humanizer.Core,2.14.1.");

    public static DevEndpointException NotInPackagesFolder(string reference, string id, string version, string folder) =>
        new($"{reference}: the package is not in the NuGet packages folder {folder}; restore it first (in a C# cell: #r \"nuget:{id},{version}\"), then attach it again.");

    public static DevEndpointException NotAPackage(string package) =>
        new($"{package} is not a NuGet package: it has no .nuspec at its root.");

    public static DevEndpointException NoAssemblyForThisRuntime(string package, IEnumerable<string> frameworks) =>
        new($"{package} has no assembly for .NET {Environment.Version.Major} under lib/ ({(frameworks.Any() ? "found: " + string.Join(", ", frameworks.Order(StringComparer.Ordinal)) : "it has no lib/ assemblies")}).");

    public static DevEndpointException SeveralAssemblies(string package, string folder, IEnumerable<string> assemblies) =>
        new($"{package}: {folder} holds {assemblies.Count()} assemblies ({string.Join(", ", assemblies)}); only packages of one assembly can be attached yet.");

    public static DevEndpointException NotAnAssembly(string path) =>
        new($"{path} is not a .NET assembly.");

    public static DevEndpointException NotAZip(string archive, string reason) =>
        new($"{archive} is not a readable zip archive: {reason}");

    public static DevEndpointException Entry(string archive, string entry, string why) =>
        new($"{archive}: entry '{entry}' is rejected: {why}.");

    public static DevEndpointException TooManyEntries(string archive, int count, int max) =>
        new($"{archive} holds {count} entries, more than the {max} a library archive may hold.");

    public static DevEndpointException NoLibraryFolder(string archive) =>
        new($"{archive} has no library folder at its root: a library archive holds one folder of .cs files at its root (e.g. Acme/Cleaner.cs).");

    public static DevEndpointException SeveralLibraryFolders(string archive, IEnumerable<string> folders) =>
        new($"{archive} has {folders.Count()} folders at its root ({string.Join(", ", folders.Select(f => $"'{f}'"))}): a library archive holds one library folder at its root.");

    public static DevEndpointException NoSources(string archive, string folder) =>
        new($"{archive}: the library folder '{folder}' holds no .cs files.");

    public static DevEndpointException BadManifest(string manifest, string why) =>
        new($"{manifest}: {why}");

    public static DevEndpointException BadName(string source, string name) =>
        new($"{source}: '{name}' is not a valid library name; use letters, digits, '.', '_' and '-', starting with a letter (rename the file or folder, or give a name in library.json).");
}
