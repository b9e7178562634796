using DevEndpoint.Profiles;

namespace DevEndpoint.Interactive.Views;

/// <summary>What <c>#!profile</c> shows: its progress while it runs, then the profile with its charts.</summary>
internal static class ProfileViews
{
    public static string Progress(string source, ProfileProgress progress) =>
        new HtmlTable().Progress(progress.Step, progress.Steps, $"Profiling {source}: {progress.Activity}").ToString();

    public static string Profile(TableProfile profile, string? variable, string? html)
    {
        var notes = new List<string>();
        if (variable is not null)
        {
            notes.Add($"The profile is in the C# variable {variable}.");
        }

        if (html is not null)
        {
            notes.Add($"Wrote the HTML report to {html}.");
        }

        var note = notes.Count == 0 ? string.Empty : new HtmlTable().Paragraph(string.Join(" ", notes)).ToString();
        return ProfileReport.Fragment(profile) + note;
    }
}
