using DevEndpoint.Interactive.Views;
using DevEndpoint.MachineLearning.Imputation;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Directives;

namespace DevEndpoint.Interactive.Magics;

/// <summary>
/// <c>#!fill-missing &lt;variable&gt; --column &lt;c&gt;[,&lt;c&gt;...] [--as &lt;variable&gt;]</c>: Glue's FillMissingValues, a model per column
/// imputing its missing values into <c>&lt;c&gt;_filled</c>.
/// </summary>
public sealed class FillMissingMagic : KernelDirectiveCommand
{
    private const string Name = "#!fill-missing";

    public string Variable { get; set; } = string.Empty;

    public string Column { get; set; } = string.Empty;

    public string? As { get; set; }

    public override IEnumerable<string> GetValidationErrors(CompositeKernel kernel) => FrameVariables.CheckName(As);

    internal static void Register(Kernel kernel)
    {
        var directive = new KernelActionDirective(Name, "Impute the missing values of DataFrame columns with an ML.NET model each (Glue's FillMissingValues): the column stays, <column>_filled holds its values with the missing ones predicted from the other columns.")
        {
            Parameters =
            {
                new KernelDirectiveParameter("--variable", "The C# variable that holds the DataFrame.") { AllowImplicitName = true, Required = true },
                new KernelDirectiveParameter("--column", "The column to fill, or several comma-separated (each gets its own model): numbers by a FastTree regression, text and booleans by a classifier.") { Required = true },
                new KernelDirectiveParameter("--as", "The C# variable that receives the DataFrame with the _filled columns (default: the variable itself)."),
            },
        };
        kernel.AddDirective<FillMissingMagic>(directive, HandleAsync);
    }

    private static Task HandleAsync(FillMissingMagic command, KernelInvocationContext context) =>
        MagicSupport.RunAsync(command, context, async () =>
        {
            var frame = FrameVariables.Get(context, command.Variable, Name);
            var results = new List<ImputationResult>();
            foreach (var column in command.Column.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var result = MissingValues.Fill(frame, column);
                results.Add(result);
                frame = result.Frame;
            }

            var name = command.As ?? command.Variable;
            await FrameVariables.SetAsync(context, name, frame, Name);
            MagicSupport.DisplayHtml(context, MachineLearningViews.Imputation(name, results));
            context.Display(frame.Head((int)Math.Min(LoadMagic.PreviewRows, frame.Rows.Count)));
        });
}
