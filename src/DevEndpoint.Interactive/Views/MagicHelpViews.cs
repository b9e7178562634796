using DevEndpoint.Interactive.Magics;
using Microsoft.DotNet.Interactive.Directives;

namespace DevEndpoint.Interactive.Views;

/// <summary>The help a magic shows for <c>-h</c> or <c>--help</c>: what it does, how it is written, its subcommands and options.</summary>
internal static class MagicHelpViews
{
    public static string Help(string command, KernelActionDirective directive)
    {
        var parameters = directive.Parameters.ToList();
        var required = parameters.Where(p => p.Required).OrderByDescending(p => p.AllowImplicitName).Select(MagicSyntax.Usage);
        var usage = string.Join(' ', [command, .. directive.Subcommands.Count > 0 ? ["<subcommand>"] : required, .. parameters.Any(p => !p.Required) ? ["[options]"] : Array.Empty<string>()]);
        var html = new HtmlTable()
            .Heading($"{command}: {directive.Description}")
            .Paragraph($"Usage: {usage}");
        if (directive.Subcommands.Count > 0)
        {
            html.Table(["subcommand", "description"], directive.Subcommands.Select(s => new[] { s.Name, s.Description ?? string.Empty }))
                .Paragraph($"{command} <subcommand> --help describes a subcommand's options.");
        }

        if (parameters.Count > 0)
        {
            html.Table(["option", "required", "description"], parameters.Select(p => new[] { MagicSyntax.Usage(p), p.Required ? "yes" : string.Empty, p.Description }));
        }

        return html.ToString();
    }
}
