using DevEndpoint.Libraries;

namespace DevEndpoint.Run;

/// <summary>What <c>devendpoint run</c> was asked to do, as the job reads it.</summary>
internal sealed record RunOptions(string Notebook, IReadOnlyList<KeyValuePair<string, string>> Parameters, IReadOnlyList<string> Libraries, string? Catalog, string? Output);

/// <summary>
/// The command line of this executable: the one <c>devendpoint run</c> took, after the <c>devendpoint</c> command parsed
/// and checked it, written in one plain form: the notebook first, then each option and its value as separate arguments
/// (<c>--param</c> and <c>--libraries</c> once for each value).
/// </summary>
internal static class RunArguments
{
    public const string Param = "--param";
    public const string Libraries = "--libraries";
    public const string Catalog = "--catalog";
    public const string Output = "--output";

    public static RunOptions Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            throw RunFailure.Usage("Give the notebook to run: devendpoint run <notebook> [options]; devendpoint run --help describes them.");
        }

        var parameters = new List<string>();
        var libraries = new List<string>();
        string? catalog = null;
        string? output = null;
        for (var i = 1; i < args.Count; i += 2)
        {
            if (i + 1 == args.Count)
            {
                throw RunFailure.Usage($"{args[i]} needs a value; devendpoint run --help describes the options.");
            }

            var value = args[i + 1];
            switch (args[i])
            {
                case Param: parameters.Add(value); break;
                case Libraries: libraries.Add(value); break;
                case Catalog: catalog = value; break;
                case Output: output = value; break;
                default: throw RunFailure.Usage($"Unknown option '{args[i]}' for devendpoint run; devendpoint run --help describes the options.");
            }
        }

        return new RunOptions(args[0], RunParameters.Parse(parameters), [.. libraries.SelectMany(ScriptLibraryBuilder.SplitPaths)], catalog, output);
    }
}
