using System.Globalization;
using System.Text.RegularExpressions;

namespace DevEndpoint.Formats.Delta;

/// <summary>
/// The files of a Delta table's <c>_delta_log</c> folder by kind: commits (<c>NNN.json</c>), and checkpoints, classic
/// (<c>NNN.checkpoint.parquet</c>), multi-part (<c>NNN.checkpoint.PPP.TTT.parquet</c>) and V2
/// (<c>NNN.checkpoint.&lt;uuid&gt;.json|parquet</c>). Only names are listed; no file is opened.
/// </summary>
internal sealed partial class DeltaLogListing
{
    private DeltaLogListing(string folder, SortedDictionary<long, string> commits, List<Checkpoint> checkpoints)
    {
        Folder = folder;
        Commits = commits;
        Checkpoints = checkpoints;
    }

    public string Folder { get; }

    /// <summary>The commit files by version.</summary>
    public SortedDictionary<long, string> Commits { get; }

    /// <summary>The complete checkpoints (every part present), newest first.</summary>
    public List<Checkpoint> Checkpoints { get; }

    /// <summary>The newest version the log holds: its latest commit, or a checkpoint past it.</summary>
    public long? Latest =>
        Commits.Count == 0 && Checkpoints.Count == 0 ? null
        : Math.Max(Commits.Count == 0 ? -1 : Commits.Keys.Last(), Checkpoints.Count == 0 ? -1 : Checkpoints[0].Version);

    public static DeltaLogListing List(TableStorage storage, string folder)
    {
        var commits = new SortedDictionary<long, string>();
        var parts = new Dictionary<(long Version, string Id), (int Total, List<(int Part, string Path)> Files)>();
        foreach (var path in storage.ListFiles(folder).Select(f => f.Path))
        {
            var name = TableStorage.Name(path);
            if (CommitName().Match(name) is { Success: true } commit)
            {
                commits[Version(commit)] = path;
            }
            else if (CheckpointName().Match(name) is { Success: true } checkpoint)
            {
                var version = Version(checkpoint);
                var (part, total) = checkpoint.Groups["part"].Success
                    ? (Number(checkpoint.Groups["part"].Value), Number(checkpoint.Groups["parts"].Value))
                    : (1, 1);
                var id = checkpoint.Groups["uuid"].Success ? checkpoint.Groups["uuid"].Value : checkpoint.Groups["parts"].Value;
                if (!parts.TryGetValue((version, id), out var entry))
                {
                    parts[(version, id)] = entry = (total, []);
                }

                entry.Files.Add((part, path));
            }
        }

        var checkpoints = parts
            .Where(p => p.Value.Files.Select(f => f.Part).Distinct().Count() == p.Value.Total)
            .Select(p => new Checkpoint(p.Key.Version, p.Value.Files.OrderBy(f => f.Part).Select(f => f.Path).ToList()))
            .OrderByDescending(c => c.Version)
            .ThenBy(c => c.Files[0], StringComparer.Ordinal)
            .ToList();
        return new DeltaLogListing(folder, commits, checkpoints);
    }

    private static long Version(Match match) => long.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture);

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<version>\d{20})\.json$")]
    private static partial Regex CommitName();

    [GeneratedRegex(@"^(?<version>\d{20})\.checkpoint(\.(?<part>\d{10})\.(?<parts>\d{10})|\.(?<uuid>[0-9a-fA-F-]{36}))?\.(parquet|json)$")]
    private static partial Regex CheckpointName();

    /// <summary>A complete checkpoint: its version and its files (the parts in order, or the one file).</summary>
    internal sealed record Checkpoint(long Version, IReadOnlyList<string> Files);
}
