namespace DevEndpoint.Commands;

/// <summary>Where a command or an option is offered: in a notebook as a magic, on the <c>devendpoint</c> command line, or both.</summary>
[Flags]
internal enum Fronts
{
    Magic = 1,
    Cli = 2,
    Both = Magic | Cli,
}

/// <summary>How an option takes its value; each front shows it its own way (a type hint, a flag, a repeatable option).</summary>
internal enum OptionValue
{
    Text,
    Number,
    File,
    Flag,

    /// <summary>Several values: separated by commas in a magic, the option repeated on the command line.</summary>
    List,
}

/// <summary>
/// One option of a command, as both fronts offer it: its name, help text and the form of its value. A positional option
/// is <c>--name</c> (or given without its name) in a magic and the argument <c>name</c> on the command line. Defaults are
/// applied by the core's option records and stated in the help text, so they are written in one place.
/// </summary>
/// <param name="Name">The option's name with its dashes, e.g. <c>--sample-rows</c>.</param>
/// <param name="Help">The help text; <c>{front}</c> stands for how a user invokes a command on the front that shows it
/// (<c>#!</c> or <c>devendpoint </c>), and <c>{several}</c> for how several values are given there.</param>
internal sealed record OptionDescription(string Name, string Help)
{
    public const string FrontToken = "{front}";
    public const string SeveralToken = "{several}";

    public OptionValue Value { get; init; } = OptionValue.Text;

    public bool Required { get; init; }

    /// <summary>Given without its name: the first value of a magic, the argument of a command line.</summary>
    public bool Positional { get; init; }

    /// <summary>The values it takes, when they are a fixed few (a magic offers them as completions).</summary>
    public IReadOnlyList<string> Allowed { get; init; } = [];

    public Fronts Fronts { get; init; } = Fronts.Both;

    /// <summary>The argument's name on the command line for a positional option: its name without the dashes.</summary>
    public string ArgumentName => Name.TrimStart('-');

    /// <summary>The help text as <paramref name="front"/> shows it.</summary>
    public string HelpFor(Fronts front) => Render(Help, front);

    internal static string Render(string text, Fronts front) => text
        .Replace(FrontToken, front == Fronts.Magic ? "#!" : "devendpoint ", StringComparison.Ordinal)
        .Replace(SeveralToken, front == Fronts.Magic ? "separated by commas" : "repeatable", StringComparison.Ordinal);
}
