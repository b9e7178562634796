using DevEndpoint.Catalog;
using DevEndpoint.Commands;
using DevEndpoint.DataQuality;
using DevEndpoint.Interactive.Views;
using DevEndpoint.Sql;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Directives;

namespace DevEndpoint.Interactive.Magics;

/// <summary>
/// <c>#!dq [&lt;db&gt;.&lt;table&gt;|&lt;variable&gt;] [--ruleset &lt;name&gt;] [--rows &lt;variable&gt;] [--suggest] [--no-record] [--catalog &lt;file&gt;]</c>
/// and the DQDL in the rest of the cell: a kernel of its own, as <c>#!sql</c>, since its cell body is a ruleset. It runs the
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

    /// <summary>Adds the kernel <c>#!dq</c> to the notebook; returns its options as a directive for <see cref="MagicSyntaxCheck"/>, which answers it written wrongly or with <c>--help</c>.</summary>
    public static KernelActionDirective Register(CompositeKernel root)
    {
        root.Add(new DataQualityMagic());
        var described = new KernelActionDirective(Directive, DataQualityDescriptions.Magic.SummaryFor(Fronts.Magic));
        foreach (var parameter in Parameters())
        {
            described.Parameters.Add(parameter);
        }

        return described;
    }

    private static IEnumerable<KernelDirectiveParameter> Parameters() =>
        MagicDescriptions.Parameters(DataQualityDescriptions.Magic, (DataQualityDescriptions.Source, () => MagicSupport.CatalogNames(tables: true)));

    Task IKernelCommandHandler<SubmitCode>.HandleAsync(SubmitCode command, KernelInvocationContext context) =>
        MagicSupport.RunAsync(command, context, async () =>
        {
            var options = command.Parameters;
            var rowsVariable = Option(options, DataQualityDescriptions.Rows.Name);
            if (rowsVariable is not null && FrameVariables.CheckName(rowsVariable).FirstOrDefault() is { } badName)
            {
                throw new DevEndpointException(badName);
            }

            var csharp = RootKernel.FindKernelByName("csharp") as CSharpKernel
                ?? throw new DevEndpointException("#!dq reads and sets C# variables, and this notebook has no C# kernel ('csharp').");
            var frames = new Dictionary<string, DataFrame>(StringComparer.Ordinal);
            foreach (var variable in csharp.ScriptState?.Variables ?? [])
            {
                if (variable.Value is DataFrame frame)
                {
                    frames[variable.Name] = frame;
                }
            }

            using var session = new SqlSession(MagicSupport.OpenCatalog(context, Option(options, CommonOptions.Catalog.Name)));
            var source = Option(options, DataQualityDescriptions.Source.Name);
            var ruleset = Option(options, DataQualityDescriptions.RulesetName.Name);
            var run = new DataQualityOptions
            {
                Frames = frames,
                RowLevel = rowsVariable is not null,
                Record = !Flag(options, DataQualityDescriptions.NoRecord.Name),
            };
            if (Flag(options, DataQualityDescriptions.Suggest.Name))
            {
                var target = source ?? throw new DevEndpointException("#!dq --suggest needs the table to measure: #!dq <database>.<table> --suggest.");
                MagicSupport.DisplayHtml(context, DataQualityViews.Suggestion(target, await DataQualityRecommendations.SuggestAsync(session, target, run, context.CancellationToken)));
                return;
            }

            DataQualityEvaluation evaluation;
            if (ruleset is not null)
            {
                evaluation = await EvaluateDataQuality.RunRulesetAsync(session, ruleset, source, run, context.CancellationToken);
            }
            else if (string.IsNullOrWhiteSpace(command.Code))
            {
                throw new DevEndpointException("#!dq checks the DQDL in the rest of the cell (Rules = [ ... ]), or a ruleset of the catalog with --ruleset <name>; this cell has neither.");
            }
            else
            {
                var target = source ?? throw new DevEndpointException("#!dq needs the table to check: #!dq <database>.<table>, or the name of a DataFrame variable.");
                evaluation = await EvaluateDataQuality.RunAsync(session, target, command.Code, run, context.CancellationToken);
            }

            if (rowsVariable is not null)
            {
                await csharp.SetValueAsync(rowsVariable, evaluation.RowLevelOutcomes!, typeof(DataFrame));
            }

            MagicSupport.DisplayHtml(context, DataQualityViews.Result(source ?? evaluation.Result.TargetTable?.ToString() ?? ruleset!, evaluation.Result, rowsVariable));
        });

    /// <summary>Whether a flag is given: the kernel lists every parameter, a flag not given without a value.</summary>
    private static bool Flag(IDictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) && value is not null && !string.Equals(value, "false", StringComparison.OrdinalIgnoreCase);

    /// <summary>An option's value, without the quotes around a quoted one.</summary>
    private static string? Option(IDictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) && value is not null ? value.Trim('"') : null;
}
