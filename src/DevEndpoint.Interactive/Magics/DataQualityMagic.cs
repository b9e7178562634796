using DevEndpoint.Catalog;
using DevEndpoint.Commands;
using DevEndpoint.DataQuality;
using DevEndpoint.Interactive.Views;
using DevEndpoint.Profiles;
using DevEndpoint.Sql;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Directives;

namespace DevEndpoint.Interactive.Magics;

/// <summary>
/// <c>#!dq [&lt;db&gt;.&lt;table&gt;|&lt;variable&gt;] [--ruleset &lt;name&gt;] [--rows &lt;variable&gt;] [--suggest] [--no-record] [--catalog &lt;file&gt;]</c>
/// and the DQDL in the rest of the cell (none: the table's rulesets kept in the catalog): a kernel of its own, as <c>#!sql</c>, since its cell body is a ruleset. It runs the
/// rules with <see cref="EvaluateDataQuality"/>, shows each rule's result, and can put the row-level outcomes in a variable.
/// </summary>
internal sealed class DataQualityMagic : Kernel, IKernelCommandHandler<SubmitCode>
{
    public const string KernelName = "dq";

    private const string Directive = "#!dq";

    private DataQualityMagic()
        : base(KernelName)
    {
        KernelInfo.LanguageName = "DQDL";
        KernelInfo.DisplayName = "DQDL - DevEndpoint (Glue Data Quality)";
        KernelInfo.Description = DataQualityDescriptions.Magic.SummaryFor(Fronts.Magic);
    }

    public override KernelSpecifierDirective KernelSpecifierDirective
    {
        get
        {
            var directive = base.KernelSpecifierDirective;
            directive.Description = DataQualityDescriptions.Magic.SummaryFor(Fronts.Magic);
            foreach (var parameter in Parameters())
            {
                directive.Parameters.Add(parameter);
            }

            return directive;
        }
    }

    /// <summary>
    /// Adds the kernel <c>#!dq</c> to the notebook; returns its options as a directive for <see cref="MagicSyntaxCheck"/>, which
    /// answers it written wrongly or with <c>--help</c>, and its answer to a cell of only the magic line: <c>#!dq</c> alone shows
    /// its help; with a table and no <c>--ruleset</c> it runs the rulesets the catalog keeps for that table.
    /// </summary>
    public static CellKernel Register(CompositeKernel root)
    {
        var kernel = new DataQualityMagic();
        root.Add(kernel);
        var described = new KernelActionDirective(Directive, DataQualityDescriptions.Magic.SummaryFor(Fronts.Magic));
        foreach (var parameter in Parameters())
        {
            described.Parameters.Add(parameter);
        }

        return new CellKernel(described, (command, options, context) =>
        {
            if (options.Count == 0)
            {
                MagicSupport.DisplayHtml(context, MagicHelpViews.Help(Directive, described));
                return Task.CompletedTask;
            }

            return kernel.RunAsync(command, options, string.Empty, context);
        });
    }

    private static IEnumerable<KernelDirectiveParameter> Parameters() =>
        MagicDescriptions.Parameters(DataQualityDescriptions.Magic, (DataQualityDescriptions.Source, () => MagicSupport.CatalogNames(tables: true)));

    Task IKernelCommandHandler<SubmitCode>.HandleAsync(SubmitCode command, KernelInvocationContext context) =>
        RunAsync(command, command.Parameters, command.Code, context);

    /// <summary>Runs the cell: the DQDL <paramref name="code"/>, a ruleset by name, the table's kept rulesets (no code), or a suggestion.</summary>
    private Task RunAsync(SubmitCode command, IDictionary<string, string> options, string code, KernelInvocationContext context) =>
        MagicSupport.RunAsync(command, context, async () =>
        {
            var rowsVariable = Option(options, DataQualityDescriptions.Rows.Name);
            if (rowsVariable is not null && FrameVariables.CheckName(rowsVariable).FirstOrDefault() is { } badName)
            {
                throw new DevEndpointException(badName);
            }

            var csharp = RootKernel.FindKernelByName("csharp") as CSharpKernel
                ?? throw new DevEndpointException("#!dq reads and sets C# variables, and this notebook has no C# kernel ('csharp').");
            using var session = new SqlSession(MagicSupport.OpenCatalog(context, Option(options, CommonOptions.Catalog.Name)));
            var source = Option(options, DataQualityDescriptions.Source.Name);
            var ruleset = Option(options, DataQualityDescriptions.RulesetName.Name);
            var run = new DataQualityOptions
            {
                Frames = Frames(csharp),
                RowLevel = rowsVariable is not null,
                Record = !Flag(options, DataQualityDescriptions.NoRecord.Name),
            };
            if (Flag(options, DataQualityDescriptions.Suggest.Name))
            {
                if (Option(options, DataQualityDescriptions.FromProfile.Name) is { } saved)
                {
                    var profile = Variable(csharp, saved) as TableProfile ?? ProfileFiles.Read(saved);
                    MagicSupport.DisplayHtml(context, DataQualityViews.Suggestion(source ?? profile.Source, DataQualityRecommendations.Suggest(profile, source)));
                    return;
                }

                var target = source ?? throw new DevEndpointException("#!dq --suggest needs the table to measure: #!dq <database>.<table> --suggest, or a saved profile: #!dq --suggest --from-profile <file|variable>.");
                MagicSupport.DisplayHtml(context, DataQualityViews.Suggestion(target, await DataQualityRecommendations.SuggestAsync(session, target, run, context.CancellationToken)));
                return;
            }

            var evaluations = await EvaluateAsync(session, source, ruleset, code, rowsVariable, run, context.CancellationToken);
            if (rowsVariable is not null)
            {
                await csharp.SetValueAsync(rowsVariable, evaluations[0].RowLevelOutcomes!, typeof(DataFrame));
            }

            foreach (var evaluation in evaluations)
            {
                MagicSupport.DisplayHtml(context, DataQualityViews.Result(source ?? evaluation.Result.TargetTable?.ToString() ?? ruleset!, evaluation.Result, rowsVariable));
            }
        });

    /// <summary>The value of the C# variable <paramref name="name"/>, or null when there is none.</summary>
    private static object? Variable(CSharpKernel csharp, string name) =>
        csharp.ScriptState?.Variables.LastOrDefault(v => v.Name == name)?.Value;

    /// <summary>The DataFrame variables of the C# kernel, by name.</summary>
    private static Dictionary<string, DataFrame> Frames(CSharpKernel csharp)
    {
        var frames = new Dictionary<string, DataFrame>(StringComparer.Ordinal);
        foreach (var variable in csharp.ScriptState?.Variables ?? [])
        {
            if (variable.Value is DataFrame frame)
            {
                frames[variable.Name] = frame;
            }
        }

        return frames;
    }

    /// <summary>Runs the ruleset named <paramref name="ruleset"/>, else the DQDL <paramref name="code"/>, else (no code) the rulesets kept for <paramref name="source"/>.</summary>
    private static async Task<List<DataQualityEvaluation>> EvaluateAsync(
        SqlSession session, string? source, string? ruleset, string code, string? rowsVariable, DataQualityOptions run, CancellationToken cancellationToken)
    {
        var evaluations = new List<DataQualityEvaluation>();
        if (ruleset is not null)
        {
            evaluations.Add(await EvaluateDataQuality.RunRulesetAsync(session, ruleset, source, run, cancellationToken));
        }
        else if (string.IsNullOrWhiteSpace(code))
        {
            foreach (var kept in KeptRulesets(session.Catalog, source, rowsVariable))
            {
                evaluations.Add(await EvaluateDataQuality.RunRulesetAsync(session, kept.Name, source, run, cancellationToken));
            }
        }
        else
        {
            var target = source ?? throw new DevEndpointException("#!dq needs the table to check: #!dq <database>.<table>, or the name of a DataFrame variable.");
            evaluations.Add(await EvaluateDataQuality.RunAsync(session, target, code, run, cancellationToken));
        }

        return evaluations;
    }

    /// <summary>The rulesets the catalog keeps for <paramref name="source"/>, which a cell without rules runs; fails saying what to write when there are none.</summary>
    private static IReadOnlyList<DataQualityRuleset> KeptRulesets(DataCatalog catalog, string? source, string? rowsVariable)
    {
        var kept = source is null ? [] : DataQualityRulesets.ForTable(catalog, source);
        if (kept.Count == 0)
        {
            throw new DevEndpointException(source is null
                ? "#!dq checks the DQDL in the rest of the cell (Rules = [ ... ]), or a ruleset of the catalog with --ruleset <name>; this cell has neither."
                : $"#!dq checks the DQDL in the rest of the cell (Rules = [ ... ]), or a ruleset of the catalog with --ruleset <name>; the cell has no rules and the catalog no ruleset for {source}. #!dq {source} --suggest recommends one.");
        }

        if (kept.Count > 1 && rowsVariable is not null)
        {
            throw new DevEndpointException(
                $"The catalog keeps {kept.Count} rulesets for {source} ({string.Join(", ", kept.Select(r => r.Name))}), and --rows takes the rows of one: name it with --ruleset <name>.");
        }

        return kept;
    }

    /// <summary>Whether a flag is given: the kernel lists every parameter, a flag not given without a value.</summary>
    private static bool Flag(IDictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) && value is not null && !string.Equals(value, "false", StringComparison.OrdinalIgnoreCase);

    /// <summary>An option's value, without the quotes around a quoted one.</summary>
    private static string? Option(IDictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) && value is not null ? value.Trim('"') : null;
}
