using DevEndpoint.Catalog;
using DevEndpoint.Interactive.Views;
using DevEndpoint.MachineLearning;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;

namespace DevEndpoint.Interactive.Magics;

/// <summary><c>#!ml import-labels &lt;name&gt; (--from &lt;variable&gt; | --input &lt;file.csv&gt;) [--replace] [--catalog &lt;file&gt;]</c>.</summary>
public sealed class MLImportLabelsMagic : MLTransformMagic
{
    public string? From { get; set; }

    public string? Input { get; set; }

    public bool Replace { get; set; }

    internal static Task HandleAsync(MLImportLabelsMagic command, KernelInvocationContext context) =>
        MagicSupport.RunAsync(command, context, async () =>
        {
            if ((command.From is null) == (command.Input is null))
            {
                throw new DevEndpointException("Give #!ml import-labels either a DataFrame variable with --from <variable> or a labelled CSV file with --input <file.csv>.");
            }

            var transform = FindMatchesTransform.Open(MagicSupport.OpenCatalog(context, command.Catalog), command.Name);
            LabelImport import;
            if (command.From is { } variable)
            {
                var labels = FrameVariables.Get(context, variable, "#!ml", $"Generate a labelling set into it first (#!ml labeling-set {command.Name} --as {variable}).");
                import = await transform.ImportLabelsAsync(labels, command.Replace, context.CancellationToken);
            }
            else
            {
                import = await transform.ImportLabelsAsync(Path.GetFullPath(command.Input!), command.Replace, context.CancellationToken);
            }

            MagicSupport.DisplayHtml(context, MLViews.Message(MLText.Imported(transform.Name, import)));
        });
}
