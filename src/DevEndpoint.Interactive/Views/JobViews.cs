using DevEndpoint.Jobs;
using DevEndpoint.Writing;

namespace DevEndpoint.Interactive.Views;

/// <summary>HTML views of a generated ETL job.</summary>
internal static class JobViews
{
    public static string Inserted(EtlScript script) =>
        new HtmlTable()
            .Paragraph($"Inserted ETL job {script.Job} as a new cell below: {script.Source} -> {script.TargetTable} in {script.Target}, {script.Mappings.Count} columns mapped. Edit the mapping, then run the cell; {Rerun(script)}.")
            .ToString();

    public static string Written(EtlScript script, string path) =>
        new HtmlTable()
            .Paragraph($"ETL job {script.Job}: {script.Source} -> {script.TargetTable} in {script.Target}, {script.Mappings.Count} columns mapped. Written to {path}; copy it into a new C# cell, edit the mapping and run it; {Rerun(script)}.")
            + $"<pre><code class=\"language-csharp\">{HtmlTable.Encode(script.Code)}</code></pre>";

    private static string Rerun(EtlScript script) => script.Mode switch
    {
        WriteMode.Append => "run it again to process only new files",
        WriteMode.Overwrite => "each run replaces the target partitions it writes and keeps the others",
        _ => "each run replaces the whole target",
    };
}
