namespace DevEndpoint.Libraries;

/// <summary>
/// A NuGet package a library depends on (from <c>library.json</c>, a <c>.nupkg</c>'s nuspec, or what a <c>nuget:</c>
/// package depends on), as restored for the running .NET: the assemblies to reference beside the library.
/// </summary>
/// <param name="Id">The package id.</param>
/// <param name="Version">The version NuGet resolved.</param>
/// <param name="Assemblies">The package's assemblies for this runtime, in the NuGet packages folder, to reference with the library.</param>
/// <param name="LoadedInstead">
/// Assemblies of the package that this process already has in the same or a newer version (the .NET runtime's, the DevEndpoint
/// core's, Microsoft.Data.Analysis and what they use), as <c>name version</c>: the loaded one is used instead, so a library and the
/// notebook share one <c>DataFrame</c> type.
/// </param>
public sealed record LibraryDependency(string Id, string Version, IReadOnlyList<string> Assemblies, IReadOnlyList<string> LoadedInstead)
{
    public override string ToString() =>
        LoadedInstead.Count == 0 ? $"{Id} {Version}" : $"{Id} {Version} (uses the loaded {string.Join(", ", LoadedInstead)})";
}
