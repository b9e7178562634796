using System.Text.RegularExpressions;

namespace DevEndpoint.Libraries.Internals;

/// <summary>Library (assembly) names: letters, digits, '.', '_' and '-', starting with a letter.</summary>
internal static partial class LibraryNames
{
    public static bool IsValid(string name) => Pattern().IsMatch(name);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex Pattern();
}
