using System.CommandLine;
using System.CommandLine.Help;
using DevEndpoint.Commands;

namespace DevEndpoint.Cli.Tests;

/// <summary>The command line takes each command's options, arguments and help from the description it shares with the magics.</summary>
public sealed class CommandDescriptionTests
{
    /// <summary>Commands of the command line only, and why; every other command has a shared description.</summary>
    private static readonly string[] CliOnly =
    [
        // #!catalog is one magic (a name, --runs, --page) showing HTML; the command line has a subcommand per listing.
        "catalog", "catalog databases", "catalog tables", "catalog table", "catalog partitions", "catalog versions", "catalog runs", "catalog check", "catalog backup",

        // Writes the sample lake; a notebook uses the command or DevEndpoint.Samples.
        "sample-data",
    ];

    [Fact]
    public void Every_described_command_takes_the_summary_options_and_help_texts_of_its_description()
    {
        var root = CliApp.Root(TextWriter.Null);

        foreach (var description in CommandDescriptions.All.Where(c => c.Fronts.HasFlag(Fronts.Cli)))
        {
            var command = Find(root, description.Name);
            var options = description.OptionsFor(Fronts.Cli).ToList();

            Assert.Equal(description.SummaryFor(Fronts.Cli), command.Description);
            Assert.Equal(
                options.Where(o => !o.Positional).Select(o => (o.Name, (string?)o.HelpFor(Fronts.Cli), o.Required)),
                command.Options.Where(o => o is not HelpOption and not VersionOption).Select(o => (o.Name, o.Description, o.Required)));
            Assert.Equal(
                options.Where(o => o.Positional).Select(o => (o.ArgumentName, (string?)o.HelpFor(Fronts.Cli), o.Required)),
                command.Arguments.Select(a => (a.Name, a.Description, a.Arity.MinimumNumberOfValues > 0)));
        }
    }

    [Fact]
    public void Every_command_has_a_shared_description_or_is_of_the_command_line_only()
    {
        var described = CommandDescriptions.All.Where(c => c.Fronts.HasFlag(Fronts.Cli)).Select(c => c.Name);

        Assert.Equal(
            Names(CliApp.Root(TextWriter.Null), prefix: null).Order(StringComparer.Ordinal),
            described.Concat(CliOnly).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Help_shows_a_description_as_the_command_line_words_it()
    {
        Assert.Equal(
            "Custom classifiers of the catalog to try before the built-in ones (repeatable, in order); see devendpoint classifier add.",
            CrawlDescription.Classifier.HelpFor(Fronts.Cli));
    }

    private static Command Find(Command root, string name) =>
        name.Split(' ').Aggregate(root, (command, word) => command.Subcommands.Single(s => s.Name == word));

    private static IEnumerable<string> Names(Command command, string? prefix) =>
        command.Subcommands.SelectMany(s => Names(s, prefix is null ? s.Name : $"{prefix} {s.Name}").Prepend(prefix is null ? s.Name : $"{prefix} {s.Name}"));
}
