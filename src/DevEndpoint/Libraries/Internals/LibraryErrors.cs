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

    public static DevEndpointException RestoreFailed(string source, IReadOnlyList<PackageRequest> packages, IReadOnlyList<(string Code, string Message)> errors) =>
        new($"{source}: NuGet could not restore {string.Join(", ", packages)} for {PackageRestore.Framework}:\n"
            + string.Join('\n', errors.Select(e => $"{e.Code}: {string.Join("; ", e.Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimStart('-', ' ').TrimEnd('.')))}"))
            + "\n" + string.Join(' ', errors.Select(e => RestoreAdvice(e.Code)).Distinct()));

    public static DevEndpointException RestoreCannotStart(string source, IReadOnlyList<PackageRequest> packages, string reason) =>
        new($"{source}: cannot restore {string.Join(", ", packages)}: 'dotnet restore' did not start ({reason}). NuGet packages are restored with the .NET SDK; install it (or put its dotnet on PATH), then attach again.");

    public static DevEndpointException RestoreTimedOut(string source, IReadOnlyList<PackageRequest> packages, TimeSpan timeout) =>
        new($"{source}: restoring {string.Join(", ", packages)} took longer than {timeout.TotalMinutes:0.#} minutes and was stopped. Check the network and the NuGet sources (dotnet nuget list source), then attach again.");

    public static DevEndpointException NewerThanLoaded(string source, string id, string version, string assembly, Version assemblyVersion, Version loaded) =>
        new($"{source}: dependency {id} {version} brings {assembly} {assemblyVersion}, newer than the {assembly} {loaded} this process has already loaded (the .NET runtime's or DevEndpoint's, which notebooks and libraries share); one process cannot load two versions of it. Depend on a version of {id} whose {assembly} is {loaded} or older: the loaded one then stands in for it.");

    public static DevEndpointException AlreadyLoaded(string source, string name, Version loaded) =>
        new($"{source}: {name} is the name of an assembly this process has already loaded ({name} {loaded}, the .NET runtime's or DevEndpoint's); one process cannot load two assemblies of one name. Use the loaded one without attaching it, or give the library another name.");

    public static DevEndpointException BadDependency(string manifest, string id, string version) =>
        new($"{manifest}: '{id}': '{version}' is not a NuGet package id and version; write \"dependencies\": {{\"<id>\": \"<version>\"}}, e.g. {{\"Humanizer.Core\": \"2.14.1\"}}.");

    /// <summary>What to do about a NuGet restore error, by its code.</summary>
    private static string RestoreAdvice(string code) => code switch
    {
        "NU1101" => "Check the package id (on nuget.org, or in your NuGet sources: dotnet nuget list source), then attach again.",
        "NU1102" or "NU1103" => "Use a version the NuGet sources have, then attach again.",
        "NU1301" or "NU1801" => "The NuGet sources could not be reached: check the network connection and the sources (dotnet nuget list source), then attach again.",
        "NU1201" or "NU1202" => $"Use a version of the package that supports .NET {Environment.Version.Major}, then attach again.",
        _ => "Fix what NuGet reports, then attach again.",
    };

    public static DevEndpointException NotAPackage(string package) =>
        new($"{package} is not a NuGet package: it has no .nuspec at its root.");

    public static DevEndpointException NoAssemblyForThisRuntime(string package, IEnumerable<string> frameworks) =>
        new($"{package} has no assembly for .NET {Environment.Version.Major} under lib/ ({(frameworks.Any() ? "found: " + string.Join(", ", frameworks.Order(StringComparer.Ordinal)) : "it has no lib/ assemblies")}).");

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
