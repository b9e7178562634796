using System.Diagnostics;
using DevEndpoint.Formats;

namespace DevEndpoint.Accuracy;

/// <summary>Every file of DuckDB's CSV folder classified once: a bad file must be reported, never crash the classifier.</summary>
internal static class Sweep
{
    public sealed record Result(int Files, int Csv, int Reported, IReadOnlyList<string> Crashes, TimeSpan Elapsed);

    public static async Task<Result> RunAsync(string folder)
    {
        var files = Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Order(StringComparer.Ordinal)
            .ToList();
        var csv = 0;
        var reported = 0;
        var crashes = new List<string>();
        var clock = Stopwatch.StartNew();
        foreach (var file in files)
        {
            try
            {
                csv += (await FileClassifier.ClassifyAsync(file, new SampleOptions()))?.Csv is null ? 0 : 1;
            }
            catch (BadFileException)
            {
                reported++;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                crashes.Add($"{Path.GetRelativePath(folder, file)}: {e.GetType().Name}: {e.Message}");
            }
        }

        return new Result(files.Count, csv, reported, crashes, clock.Elapsed);
    }
}
