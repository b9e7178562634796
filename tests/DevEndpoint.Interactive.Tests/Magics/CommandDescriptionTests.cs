using DevEndpoint.Commands;
using DevEndpoint.Interactive.Magics;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Directives;

namespace DevEndpoint.Interactive.Tests.Magics;

/// <summary>The magics take each command's options and help from the description they share with the command line.</summary>
public sealed class CommandDescriptionTests
{
    /// <summary>Magics of notebooks only: they work on notebook state (DataFrame variables, kernels, endpoints, cells).</summary>
    private static readonly string[] MagicOnly =
    [
        "#!attach-library", "#!catalog", "#!devendpoint", "#!endpoint", "#!fill-missing", "#!generate-etl", "#!libraries",
    ];

    [Fact]
    public async Task Every_described_magic_takes_the_summary_options_and_help_texts_of_its_description()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        var directives = fixture.Kernel.KernelInfo.SupportedDirectives.ToList();

        foreach (var description in CommandDescriptions.All.Where(c => c.Fronts.HasFlag(Fronts.Magic)))
        {
            var words = description.Name.Split(' ');
            var directive = directives.Single(d => d.Name == "#!" + words[0]);
            directive = words.Length == 1 ? directive : ((KernelActionDirective)directive).Subcommands.Single(s => s.Name == words[1]);

            Assert.Equal(description.SummaryFor(Fronts.Magic), directive.Description);
            Assert.Equal(
                description.OptionsFor(Fronts.Magic).Select(o => (o.Name, o.HelpFor(Fronts.Magic), o.Required, o.Positional, o.Value == OptionValue.Flag)),
                Parameters(directive).Select(p => (p.Name, p.Description, p.Required, p.AllowImplicitName, p.Flag)));
        }
    }

    [Fact]
    public async Task Every_magic_has_a_shared_description_or_is_of_notebooks_only()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        using var bare = new CompositeKernel { new CSharpKernel().UseValueSharing() };
        var added = fixture.Kernel.KernelInfo.SupportedDirectives
            .Where(d => d is KernelActionDirective or KernelSpecifierDirective { Name: "#!" + SqlMagic.KernelName })
            .Where(d => bare.KernelInfo.SupportedDirectives.All(b => b.Name != d.Name))
            .SelectMany(d => (d as KernelActionDirective)?.Subcommands.Select(s => $"{d.Name} {s.Name}").Prepend(d.Name) ?? [d.Name])
            .Where(name => !MagicOnly.Any(m => name == m || name.StartsWith(m + " ", StringComparison.Ordinal)));
        var described = CommandDescriptions.All.Where(c => c.Fronts.HasFlag(Fronts.Magic)).Select(c => "#!" + c.Name);

        Assert.Equal(described.Order(StringComparer.Ordinal), added.Order(StringComparer.Ordinal));
    }

    /// <summary>A magic's parameters: an action's, or those of a kernel whose cell is its code (#!sql).</summary>
    private static IEnumerable<KernelDirectiveParameter> Parameters(KernelDirective directive) => directive switch
    {
        KernelActionDirective action => action.Parameters,
        KernelSpecifierDirective kernel => kernel.Parameters,
        _ => throw new ArgumentException($"{directive.Name} is neither an action nor a kernel.", nameof(directive)),
    };

    [Fact]
    public void Help_shows_a_description_as_a_notebook_words_it()
    {
        Assert.Equal(
            "Custom classifiers of the catalog to try before the built-in ones (separated by commas, in order); see #!classifier add.",
            CrawlDescription.Classifier.HelpFor(Fronts.Magic));
    }
}
