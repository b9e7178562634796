using DevEndpoint.Jobs;

namespace DevEndpoint.Interactive.Views;

/// <summary>HTML views of a generated ETL job.</summary>
public static class JobViews
{
    public static string Inserted(EtlScript script) =>
        new HtmlTable()
            .Paragraph($"Inserted ETL job {script.Job} as a new cell below: {script.Source} -> {script.TargetTable} in {script.Target}, {script.Mappings.Count} columns mapped. Edit the mapping, then run the cell; run it again to process only new files.")
            .ToString();

    public static string Written(EtlScript script, string path) =>
        new HtmlTable()
            .Paragraph($"ETL job {script.Job}: {script.Source} -> {script.TargetTable} in {script.Target}, {script.Mappings.Count} columns mapped. Written to {path}; copy it into a new C# cell, edit the mapping and run it; run it again to process only new files.")
            + $"<pre><code class=\"language-csharp\">{HtmlTable.Encode(script.Code)}</code></pre>";
}
