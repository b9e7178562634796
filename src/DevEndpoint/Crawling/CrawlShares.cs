using DevEndpoint.Catalog;
using DevEndpoint.Formats;

namespace DevEndpoint.Crawling;

/// <summary>
/// A folder below the include path whose whole subtree one worker of a distributed crawl lists and classifies.
/// </summary>
/// <param name="RelativePath">The folder, relative to the include path (slash-separated; for an object store, the key prefix without its last slash).</param>
/// <param name="RealPath">The folder's real path (symbolic links resolved), against which link loops below it are told; empty in an object store.</param>
/// <param name="Excluded">Whether an exclusion matched the folder or one above it: its files are only counted as excluded.</param>
internal sealed record CrawlSubtree(string RelativePath, string RealPath, bool Excluded);

/// <summary>
/// A share of a distributed crawl's listing: the include path, the subtrees to list, and how to read their files. It
/// names the connection of an <c>s3://</c> include path, never a secret: each worker finds the keys itself.
/// </summary>
internal sealed record CrawlShareRequest(
    string Root,
    IReadOnlyList<CrawlSubtree> Subtrees,
    IReadOnlyList<string> Exclusions,
    SampleOptions Sample,
    int? SampleFiles,
    IReadOnlyList<CustomClassifier> Classifiers,
    Connection? Connection);

/// <summary>
/// What a worker found in its share of a distributed crawl: a summary per folder, what it skipped and excluded, and the
/// table-format roots (Delta tables) it met.
/// </summary>
internal sealed record CrawlShare(
    IReadOnlyList<FolderSummary> Folders,
    IReadOnlyList<SkippedFile> Skipped,
    int Excluded,
    IReadOnlyList<FoundTableRoot> TableRoots);

/// <summary>
/// One folder's files, compactly: their names and sizes once, then each distinct schema once with the files that have it
/// (and the counts that differ from file to file), and the files that have none with the reason. Files in neither list
/// were not read (<see cref="CrawlOptions.SampleFiles"/>).
/// </summary>
internal sealed record FolderSummary(
    string Folder,
    IReadOnlyList<string> Names,
    IReadOnlyList<long> Sizes,
    IReadOnlyList<SchemaGroup> Schemas,
    IReadOnlyList<FileProblem> Problems);

/// <summary>A schema shared by files of one folder (its counts zeroed) and, per file (by index in the folder), the counts.</summary>
internal sealed record SchemaGroup(FileSchema Schema, IReadOnlyList<int> Files, IReadOnlyList<long> Records, IReadOnlyList<long> RecordSizes, IReadOnlyList<long> Bytes);

/// <summary>Why a file of a folder (by index) has no schema.</summary>
internal sealed record FileProblem(int File, string Problem);

/// <summary>A table format's root (a Delta table's folder) met in a share, by its classification.</summary>
internal sealed record FoundTableRoot(string RelativePath, string Classification);
