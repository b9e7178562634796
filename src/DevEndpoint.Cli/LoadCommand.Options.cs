using System.CommandLine.Parsing;
using System.Globalization;

namespace DevEndpoint.Cli;

/// <summary>The load options that take a checked value; a value out of range is a usage error (exit code 2).</summary>
internal static partial class LoadCommand
{
    private static double? Fraction(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction) && fraction is > 0 and <= 1)
        {
            return fraction;
        }

        result.AddError($"--sample must be a fraction greater than 0 and at most 1 (0.01 keeps about 1 row in 100); got '{text}'.");
        return null;
    }

    private static long? Count(ArgumentResult result, string option, long minimum)
    {
        var text = result.Tokens.Single().Value;
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count >= minimum)
        {
            return count;
        }

        result.AddError($"{option} must be a whole number of {minimum} or more; got '{text}'.");
        return null;
    }

    /// <summary>An enum value by its name in lower case (<c>failfast</c> for <c>FailFast</c>).</summary>
    private static T? Choice<T>(ArgumentResult result, string option)
        where T : struct, Enum
    {
        var text = result.Tokens.Single().Value;
        var names = Enum.GetValues<T>().ToDictionary(v => v.ToString().ToLowerInvariant());
        if (names.TryGetValue(text.Trim().ToLowerInvariant(), out var value))
        {
            return value;
        }

        var choices = names.Keys.ToList();
        result.AddError($"{option} must be {string.Join(", ", choices.SkipLast(1))} or {choices[^1]}; got '{text}'.");
        return null;
    }
}
