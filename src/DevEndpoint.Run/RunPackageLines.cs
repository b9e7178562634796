using System.Text.RegularExpressions;

namespace DevEndpoint.Run;

/// <summary>
/// The package lines of a cell, which <c>devendpoint run</c> cannot restore: <c>#r "nuget:DevEndpoint.Interactive,..."</c>
/// is left out, as the extension is already loaded; so are <c>#i "nuget:..."</c> (package sources) and
/// <c>#r "nuget:&lt;id&gt;,..."</c> for a package that <c>--libraries nuget:&lt;id&gt;,&lt;version&gt;</c> attached. Any other
/// <c>#r "nuget:..."</c> fails its cell.
/// </summary>
internal static partial class RunPackageLines
{
    /// <summary>
    /// The source without the lines left out (blank lines in their place, so line numbers hold), those lines, and why the
    /// cell cannot run when it asks for a package that is not attached.
    /// </summary>
    public static (string Source, IReadOnlyList<string> LeftOut, string? Error) Remove(string source, IReadOnlyCollection<string> attachedPackages)
    {
        var leftOut = new List<string>();
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (Source().IsMatch(line))
            {
                leftOut.Add(line);
                lines[i] = string.Empty;
            }
            else if (Reference().Match(line) is { Success: true } reference)
            {
                var id = reference.Groups["id"].Value;
                if (!LoadsExtension(line) && !attachedPackages.Contains(id, StringComparer.OrdinalIgnoreCase))
                {
                    return (source, leftOut, $"devendpoint run cannot restore NuGet packages ({line}). Attach the package with --libraries nuget:{id},<version> (from the NuGet packages folder, where a restore puts it) and the line is left out.");
                }

                leftOut.Add(line);
                lines[i] = string.Empty;
            }
        }

        return (string.Join('\n', lines), leftOut, null);
    }

    /// <summary>True for the line that loads the extension in Jupyter: <c>#r "nuget:DevEndpoint.Interactive,..."</c>.</summary>
    public static bool LoadsExtension(string line) =>
        Reference().Match(line.Trim()) is { Success: true } reference
        && reference.Groups["id"].Value.Equals(RunKernel.Extension.GetName().Name, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("""^#i\s+"nuget:[^"]*"$""")]
    private static partial Regex Source();

    [GeneratedRegex("""^#r\s+"nuget:\s*(?<id>[^,"\s]+)[^"]*"$""")]
    private static partial Regex Reference();
}
