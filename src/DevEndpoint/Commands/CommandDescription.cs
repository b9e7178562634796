namespace DevEndpoint.Commands;

/// <summary>
/// One command as both fronts offer it, defined once: <c>#!crawl</c> and <c>devendpoint crawl</c>, <c>#!classifier add</c>
/// and <c>devendpoint classifier add</c>. Each front builds its magic or command-line options from it, so their names
/// and help texts cannot drift apart.
/// </summary>
/// <param name="Name">The command's words after <c>#!</c> or <c>devendpoint</c>, e.g. <c>classifier add</c>.</param>
/// <param name="Summary">What the command does; <c>{front}</c> as in <see cref="OptionDescription.Help"/>.</param>
internal sealed record CommandDescription(string Name, string Summary, IReadOnlyList<OptionDescription> Options)
{
    public Fronts Fronts { get; init; } = Fronts.Both;

    /// <summary>
    /// Whether the command needs code generated at run time (ML.NET training and scoring): a front compiled ahead of time
    /// hands it to a copy of itself that runs on the JIT.
    /// </summary>
    public bool NeedsDynamicCode { get; init; }

    /// <summary>The last word of the name: the subcommand's name, or the command's.</summary>
    public string Verb => Name[(Name.LastIndexOf(' ') + 1)..];

    /// <summary>The summary as <paramref name="front"/> shows it.</summary>
    public string SummaryFor(Fronts front) => OptionDescription.Render(Summary, front);

    /// <summary>The options <paramref name="front"/> offers, in order.</summary>
    public IEnumerable<OptionDescription> OptionsFor(Fronts front) => Options.Where(o => o.Fronts.HasFlag(front));

    /// <summary>The option named <paramref name="name"/>.</summary>
    public OptionDescription this[string name] => Options.Single(o => o.Name == name);
}
