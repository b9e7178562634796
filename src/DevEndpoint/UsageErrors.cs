using System.Globalization;

namespace DevEndpoint;

/// <summary>
/// The messages for a command written wrongly, shared by the magics and the <c>devendpoint</c> command so both answer a
/// misspelt option, a bad value or a missing one in the same words. <paramref name="command"/> in each is how the user
/// invokes it: <c>#!load</c>, <c>#!classifier add</c>, <c>devendpoint load</c>.
/// </summary>
internal static class UsageErrors
{
    public static string UnknownOption(string command, string given, IReadOnlyList<string> options) =>
        $"Unknown option '{given}' for {command}.{DidYouMean(given, options)} {command} takes {string.Join(", ", options)}; {command} --help describes them.";

    public static string UnknownSubcommand(string command, string given, IReadOnlyList<string> subcommands) =>
        $"Unknown subcommand '{given}' for {command}.{DidYouMean(given, subcommands)} {command} takes {List(subcommands)}; {command} --help describes them.";

    public static string BadValue(string command, string option, string value, string expected) =>
        $"{command} {option} must be {expected}; got '{value}'.";

    public static string MissingValue(string command, string option, string description) =>
        $"{command} {option} needs a value: {description}";

    public static string MissingOption(string command, string option, string description) =>
        $"{command} needs {option}: {description} {command} --help describes every option.";

    public static string Repeated(string command, string option) =>
        $"{command} takes {option} once; give one value.";

    public static string Unexpected(string command, string given) =>
        $"Unexpected '{given}' for {command}: give a value after its option name; {command} --help describes them.";

    /// <summary>How a value of <paramref name="type"/> is written, for <see cref="BadValue"/>; null for text, which takes anything.</summary>
    public static string? ExpectedForm(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying == typeof(int) || underlying == typeof(long) ? "a whole number, such as 100"
            : underlying == typeof(double) || underlying == typeof(float) || underlying == typeof(decimal) ? "a number, such as 0.5"
            : null;
    }

    /// <summary>Whether <paramref name="value"/> is written as <paramref name="type"/> expects (culture-invariant).</summary>
    public static bool Fits(Type type, string value)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var invariant = CultureInfo.InvariantCulture;
        return underlying == typeof(int) ? int.TryParse(value, NumberStyles.Integer, invariant, out _)
            : underlying == typeof(long) ? long.TryParse(value, NumberStyles.Integer, invariant, out _)
            : underlying == typeof(double) || underlying == typeof(float) || underlying == typeof(decimal)
                ? double.TryParse(value, NumberStyles.Float, invariant, out var number) && double.IsFinite(number)
            : true;
    }

    private static string DidYouMean(string given, IReadOnlyList<string> names) =>
        ClosestNames.Find(given.TrimStart('-'), names.Select(n => n.TrimStart('-')), max: 1) is [var closest]
            ? $" Did you mean '{names.First(n => n.TrimStart('-') == closest)}'?"
            : string.Empty;

    private static string List(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : $"{string.Join(", ", names.SkipLast(1))} or {names[^1]}";
}
