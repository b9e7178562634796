using System.Diagnostics;
using DevEndpoint.Formats;
using DuckDB.NET.Data;

namespace DevEndpoint.Accuracy;

/// <summary>
/// Every file of DuckDB's CSV folder classified once: a bad file must be reported (the classifier's BadFileException), never crash the classifier. Where
/// both sniffers read a file with the same number of columns, their type categories are compared column by column.
/// </summary>
internal static class Sweep
{
    public sealed record Result(
        int Files, int Csv, int NotCsv, IReadOnlyList<string> Crashes, TimeSpan Elapsed, int ColumnsCompared, int ColumnsAgreeing, IReadOnlyDictionary<string, (int Count, string Example)> Disagreements);

    public static async Task<Result> RunAsync(string folder, DuckDBConnection connection)
    {
        var files = Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Order(StringComparer.Ordinal)
            .ToList();
        var csv = 0;
        var notCsv = 0;
        var crashes = new List<string>();
        var clock = new Stopwatch();
        var compared = 0;
        var agreeing = 0;
        var disagreements = new Dictionary<string, (int Count, string Example)>();
        foreach (var file in files)
        {
            try
            {
                clock.Start();
                var ours = await Sniffers.DevEndpointAsync(file);
                clock.Stop();
                if (ours.Error is not null)
                {
                    notCsv++;
                    continue;
                }

                csv++;
                var duck = Sniffers.DuckDb(connection, file);
                if (duck.Columns.Count != ours.Columns.Count)
                {
                    continue;
                }

                foreach (var (our, their) in ours.Columns.Zip(duck.Columns))
                {
                    compared++;
                    if (our.Category == their.Category)
                    {
                        agreeing++;
                    }
                    else
                    {
                        var key = $"DevEndpoint {our.Category}, DuckDB {their.Category}";
                        var (count, example) = disagreements.GetValueOrDefault(key, (0, $"{Path.GetRelativePath(folder, file)} column {our.Name}"));
                        disagreements[key] = (count + 1, example);
                    }
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                clock.Stop();
                crashes.Add($"{Path.GetRelativePath(folder, file)}: {e.GetType().Name}: {e.Message}");
            }
        }

        return new Result(files.Count, csv, notCsv, crashes, clock.Elapsed, compared, agreeing, disagreements);
    }
}
