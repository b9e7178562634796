using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.Formats;

namespace DevEndpoint.Crawling;

public sealed partial class Crawler
{
    /// <summary>
    /// Classifies the files of the sample (<see cref="CrawlOptions.SampleFiles"/>; every file without one) and plans the
    /// tables. Where the files read from one folder make more than one table, the files not read there could belong to
    /// any of them, so they are read too and the tables planned again; the other files not read go to the table of their
    /// folder. Returns the plans, the files read and how many of them were classified.
    /// </summary>
    private static async Task<(List<TablePlan> Plans, List<FoundFile> Scanned, int Classified)> ClassifyAndPlanAsync(
        FileSource source, List<FoundFile> files, string rootName, CrawlOptions options, ILookup<string, CatalogTable> previous, IReadOnlyList<IClassifier> custom, List<SkippedFile> skipped, IProgress<CrawlProgress>? progress, CancellationToken cancellationToken)
    {
        var (sampled, unsampled) = Sample(files, options.SampleFiles);
        var classified = await ClassifyAsync(source, sampled, options, custom, skipped, progress, cancellationToken);
        var planning = new List<SkippedFile>();
        var plans = PlanTables(classified, rootName, options, previous, planning);
        while (SharedFolders(plans, unsampled) is { Count: > 0 } shared)
        {
            var more = unsampled.Where(f => shared.Contains(f.Folder)).ToList();
            classified.AddRange(await ClassifyAsync(source, more, options, custom, skipped, progress, cancellationToken, doneBefore: sampled.Count));
            unsampled = unsampled.Except(more).ToList();
            sampled = [.. sampled, .. more];
            planning = [];
            plans = PlanTables(classified, rootName, options, previous, planning);
        }

        skipped.AddRange(planning);
        AssignUnsampled(plans, unsampled, options.SampleFiles, skipped);
        return (plans, sampled, classified.Count);
    }

    /// <summary>
    /// Splits the listed files into those the classifiers read and those they do not (<see cref="CrawlOptions.SampleFiles"/>):
    /// of the files directly in each folder, at most <paramref name="perFolder"/>, spread evenly over them in ordinal name
    /// order with the first and the last always among them, so that files added later (usually named later) are seen.
    /// </summary>
    private static (List<FoundFile> Sampled, List<FoundFile> Unsampled) Sample(List<FoundFile> files, int? perFolder)
    {
        if (perFolder is not { } n)
        {
            return (files, []);
        }

        var sampled = new List<FoundFile>();
        var unsampled = new List<FoundFile>();
        foreach (var folder in files.GroupBy(f => f.Folder, StringComparer.Ordinal))
        {
            var inOrder = folder.OrderBy(f => f.RelativePath, StringComparer.Ordinal).ToList();
            var chosen = inOrder.Count <= n
                ? Enumerable.Range(0, inOrder.Count).ToHashSet()
                : Enumerable.Range(0, n).Select(i => n == 1 ? 0 : (int)((long)i * (inOrder.Count - 1) / (n - 1))).ToHashSet();
            for (var i = 0; i < inOrder.Count; i++)
            {
                (chosen.Contains(i) ? sampled : unsampled).Add(inOrder[i]);
            }
        }

        return (sampled, unsampled);
    }

    /// <summary>The folders whose files read went to more than one table.</summary>
    private static HashSet<string> FoldersOfSeveralTables(List<TablePlan> plans) =>
        plans.SelectMany(p => p.Files.Select(f => f.File.Folder).Distinct(StringComparer.Ordinal))
            .GroupBy(folder => folder, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The folders holding files not read whose files read went to more than one table.</summary>
    private static HashSet<string> SharedFolders(List<TablePlan> plans, List<FoundFile> unsampled)
    {
        var shared = FoldersOfSeveralTables(plans);
        shared.IntersectWith(unsampled.Select(f => f.Folder));
        return shared;
    }

    /// <summary>
    /// Gives each file not read to the table of the files read from its folder. Files of a folder whose files read made no
    /// table are reported, once per folder.
    /// </summary>
    private static void AssignUnsampled(List<TablePlan> plans, List<FoundFile> unsampled, int? perFolder, List<SkippedFile> skipped)
    {
        var planOf = new Dictionary<string, TablePlan>(StringComparer.Ordinal);
        foreach (var plan in plans)
        {
            foreach (var file in plan.Files)
            {
                planOf.TryAdd(file.File.Folder, plan);
            }
        }

        foreach (var folder in unsampled.GroupBy(f => f.Folder, StringComparer.Ordinal))
        {
            if (planOf.TryGetValue(folder.Key, out var plan))
            {
                plan.Unsampled.AddRange(folder);
            }
            else
            {
                skipped.Add(new SkippedFile(
                    folder.Key.Length == 0 ? "./" : folder.Key + "/",
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{folder.Count()} file(s) not read (--sample-files {perFolder}) and not catalogued: no file read from this folder made a table (see their reasons); raise --sample-files to read more of them")));
            }
        }
    }
}
