using System.Globalization;
using DevEndpoint.Formats;

namespace DevEndpoint.Crawling;

/// <summary>What to crawl, where to record it, how to group folders into tables and what a re-crawl may change.</summary>
public sealed record CrawlOptions
{
    /// <summary>The folder to crawl (Glue's include path).</summary>
    public required string Path { get; init; }

    /// <summary>The catalog database that receives the tables; created when missing.</summary>
    public required string Database { get; init; }

    /// <summary>
    /// The catalog's <c>s3</c> connection an <c>s3://bucket/prefix</c> <see cref="Path"/> is read through; recorded on its
    /// tables (<c>connectionName</c>) so that loads reach the same store. Default <c>null</c>: a local folder.
    /// </summary>
    public string? Connection { get; init; }

    /// <summary>Glob patterns, relative to <see cref="Path"/>, of files and folders to leave out.</summary>
    public IReadOnlyList<string> Exclusions { get; init; } = [];

    /// <summary>
    /// Names of custom classifiers in the catalog, run in this order before the built-in ones; a file one of them matches
    /// takes its classification and the table records its name in the <c>classifier</c> parameter. Default: none.
    /// </summary>
    public IReadOnlyList<string> Classifiers { get; init; } = [];

    /// <summary>How much of each file is read to classify it.</summary>
    public SampleOptions Sample { get; init; } = new();

    /// <summary>
    /// The most files read in each folder (Glue's crawler sample size): of the files directly in a folder, this many,
    /// spread evenly over them in ordinal name order with the first and the last always among them. The files not read
    /// count in their table's and partition's <c>objectCount</c> and <c>sizeKey</c> and are taken to hold what the files
    /// read from their folder hold; a file not read is never reported as bad. When the files read from one folder make
    /// more than one table, every file of that folder is read, so each goes to its own table. Default <c>null</c>: every file is read.
    /// </summary>
    public int? SampleFiles { get; init; }

    /// <summary>
    /// The folder depth at which tables start: 1 is the include path itself, 2 its subfolders, and so on; every folder
    /// below that depth is a partition. Default <c>null</c>: tables are found from the files' formats and schemas.
    /// </summary>
    public int? TableLevel { get; init; }

    /// <summary>
    /// Makes one table per include path (per format) with the union of the files' columns, instead of one table per
    /// group of compatible folders. Default <c>false</c>.
    /// </summary>
    public bool CombineCompatibleSchemas { get; init; }

    /// <summary>
    /// Reads only folders that hold no table or partition catalogued by earlier crawls of this include path into this
    /// database; tables keep their partitions and nothing is deprecated or deleted. Default <c>false</c>: every folder is read.
    /// </summary>
    public bool NewFoldersOnly { get; init; }

    /// <summary>
    /// Classifies the listed files somewhere else (the workers of a distributed crawl): their full paths in, their
    /// classifications out, in the same order. Default <c>null</c>: the files are classified in this process.
    /// </summary>
    internal Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<FileClassification>>>? Classification { get; init; }

    /// <summary>
    /// Lists and classifies subtrees of the include path somewhere else (the workers of a distributed crawl): this process
    /// walks the top levels only, down to about <see cref="ListingShares"/> folders, and the files it finds there are
    /// classified through <see cref="Classification"/>. Default <c>null</c>: the whole include path is listed here.
    /// </summary>
    internal Func<CrawlShareRequest, CancellationToken, Task<IReadOnlyList<CrawlShare>>>? Listing { get; init; }

    /// <summary>How many folders the top-level walk of a <see cref="Listing"/> looks for, to hand out. Default 16.</summary>
    internal int ListingShares { get; init; } = 16;

    /// <summary>What to do when a table's schema changed. Default <see cref="SchemaChangePolicy.Update"/>.</summary>
    public SchemaChangePolicy SchemaChange { get; init; } = SchemaChangePolicy.Update;

    /// <summary>What to do with tables and partitions whose data vanished. Default <see cref="DeleteBehavior.Deprecate"/>, as in Glue.</summary>
    public DeleteBehavior DeleteBehavior { get; init; } = DeleteBehavior.Deprecate;

    /// <summary>Reads <c>--sample-files</c> as a user typed it: <c>null</c> (every file) when absent, else a number of files of at least 1.</summary>
    public static int? ParseSampleFiles(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var files) && files >= 1
            ? files
            : throw SampleFilesError(text);
    }

    internal static DevEndpointException SampleFilesError(string got) =>
        new($"--sample-files must be a whole number of files from 1 to {int.MaxValue}; got '{got}'. It is how many files of each folder are read; leave it out to read every file.");
}

/// <summary>Glue's schema change policy: what a crawl does with a table whose schema changed.</summary>
public enum SchemaChangePolicy
{
    /// <summary>Update the table; the previous definition stays as a table version.</summary>
    Update,

    /// <summary>Keep the table as it is and report the change in the crawl result.</summary>
    Log,
}

/// <summary>Glue's delete behaviour: what a crawl does with tables of its include path whose files vanished.</summary>
public enum DeleteBehavior
{
    /// <summary>Keep the table and set its <c>DEPRECATED_BY_CRAWLER</c> parameter to the run id; remove vanished partitions.</summary>
    Deprecate,

    /// <summary>Remove the table and its partitions (the last definition stays as a table version); remove vanished partitions.</summary>
    Delete,

    /// <summary>Change nothing; report vanished tables and partitions in the crawl result.</summary>
    Log,
}
