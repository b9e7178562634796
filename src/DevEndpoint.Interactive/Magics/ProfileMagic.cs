using DevEndpoint.Commands;
using DevEndpoint.Interactive.Views;
using DevEndpoint.Profiles;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Directives;

namespace DevEndpoint.Interactive.Magics;

/// <summary>
/// <c>#!profile &lt;db&gt;.&lt;table&gt;|&lt;variable&gt; [--as &lt;variable&gt;] [--columns a,b] [--sample n] [--top n]
/// [--bins n] [--html &lt;file&gt;] [--catalog &lt;file&gt;]</c>: a DataBrew-style profile with its charts.
/// </summary>
public sealed class ProfileMagic : KernelDirectiveCommand
{
    private const string Name = "#!profile";

    public string Source { get; set; } = string.Empty;

    public string? As { get; set; }

    public string? Columns { get; set; }

    public long? Sample { get; set; }

    public int? Top { get; set; }

    public int? Bins { get; set; }

    public string? Html { get; set; }

    public string? Catalog { get; set; }

    public override IEnumerable<string> GetValidationErrors(CompositeKernel kernel) => FrameVariables.CheckName(As);

    internal static void Register(Kernel kernel)
    {
        var directive = MagicDescriptions.Directive(ProfileDescription.Command, (ProfileDescription.Source, () => MagicSupport.CatalogNames(tables: true)));
        kernel.AddDirective<ProfileMagic>(directive, HandleAsync);
    }

    private static Task HandleAsync(ProfileMagic command, KernelInvocationContext context) =>
        MagicSupport.RunAsync(command, context, async () =>
        {
            var defaults = new ProfileOptions();
            var options = new ProfileOptions
            {
                Columns = command.Columns?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                Sample = command.Sample,
                TopValues = command.Top ?? defaults.TopValues,
                Bins = command.Bins ?? defaults.Bins,
            };
            var profiler = new Profiler(MagicSupport.OpenCatalog(context, command.Catalog));
            var display = MagicSupport.DisplayHtml(context, ProfileViews.Progress(command.Source, new ProfileProgress(0, 1, "starting")));
            var progress = new ThrottledDisplay<ProfileProgress>(display, p => ProfileViews.Progress(command.Source, p));
            var profile = await progress.RunAsync(
                () => command.Source.Contains('.', StringComparison.Ordinal)
                    ? profiler.ProfileTableAsync(command.Source, options, progress, context.CancellationToken)
                    : profiler.ProfileFrameAsync(FrameVariables.Get(context, command.Source, Name), command.Source, options, progress, context.CancellationToken),
                CatalogViews.Failed($"Profiling {command.Source}"));
            if (command.As is { } name)
            {
                await FrameVariables.SetAsync(context, name, profile, typeof(TableProfile), Name);
            }

            var html = command.Html is { } file ? Path.GetFullPath(file) : null;
            if (html is not null)
            {
                ProfileReport.Save(profile, html);
            }

            progress.Complete(ProfileViews.Profile(profile, command.As, html));
        });
}
