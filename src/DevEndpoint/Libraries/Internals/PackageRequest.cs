using System.Text.RegularExpressions;

namespace DevEndpoint.Libraries.Internals;

/// <summary>
/// A NuGet package to restore: an id and a NuGet version range as a PackageReference takes it (<c>2.14.1</c> is that
/// version or the next one the sources have, <c>[2.14.1]</c> exactly it).
/// </summary>
internal sealed partial record PackageRequest(string Id, string Version)
{
    /// <summary>The version as people write it: an exact range <c>[2.14.1]</c> shows as <c>2.14.1</c>.</summary>
    public override string ToString() =>
        $"{Id} {(Version.StartsWith('[') && Version.EndsWith(']') && !Version.Contains(',', StringComparison.Ordinal) ? Version[1..^1] : Version)}";

    /// <summary>
    /// Whether the id and version are safe to write into a restore project: a package id, and a version range of digits,
    /// letters, '.', '-', '+', '*', ',', brackets and parentheses (nothing MSBuild would expand, such as <c>$(...)</c>).
    /// </summary>
    public bool IsValid => IdPattern().IsMatch(Id) && VersionPattern().IsMatch(Version);

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^(?=.*[0-9])[\[(]?\s*[0-9A-Za-z.*+-]*\s*(,\s*[0-9A-Za-z.*+-]*\s*)?[\])]?$")]
    private static partial Regex VersionPattern();
}
