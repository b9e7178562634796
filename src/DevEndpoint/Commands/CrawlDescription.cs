using DevEndpoint.Crawling;
using DevEndpoint.MachineLearning.Pii;

namespace DevEndpoint.Commands;

/// <summary><c>#!crawl</c> and <c>devendpoint crawl</c>.</summary>
internal static class CrawlDescription
{
    public static OptionDescription Path { get; } = new("--path", "The folder to crawl, e.g. data/sales, or an object store prefix s3://bucket/prefix with --connection (none for a database connection: give --include).")
    {
        Positional = true,
        Value = OptionValue.File,
    };

    public static OptionDescription Database { get; } = new("--database", "The catalog database that receives the tables (created when missing).") { Required = true };

    public static OptionDescription Exclude { get; } = new("--exclude", "Globs of files or folders to leave out, relative to the path ({several}): * one level, ** any depth, {a,b} either; e.g. **/*.tmp.")
    {
        Value = OptionValue.List,
    };

    public static OptionDescription TableLevel { get; } = new("--table-level", "The folder depth at which tables start: 1 is the path itself, 2 its subfolders; deeper folders are partitions (default: found from the files' schemas).")
    {
        Value = OptionValue.Number,
    };

    public static OptionDescription CombineCompatibleSchemas { get; } = new("--combine-compatible-schemas", "Make one table per format for the whole path, with the union of the files' columns.")
    {
        Value = OptionValue.Flag,
    };

    public static OptionDescription NewFoldersOnly { get; } = new("--new-folders-only", "Read only folders that earlier crawls of this path into this database did not catalogue; nothing is deprecated or deleted.")
    {
        Value = OptionValue.Flag,
    };

    public static OptionDescription SchemaChange { get; } = new("--schema-change", "When a table's schema changed: update (default) the table, or log the change and keep the table.")
    {
        Allowed = [.. Enum.GetValues<SchemaChangePolicy>().Select(CrawlPolicies.Name)],
    };

    public static OptionDescription DeleteBehavior { get; } = new("--delete-behavior", "For tables and partitions whose files vanished: deprecate (default; marks the table DEPRECATED_BY_CRAWLER), delete, or log.")
    {
        Allowed = [.. Enum.GetValues<DeleteBehavior>().Select(CrawlPolicies.Name)],
    };

    public static OptionDescription SampleBytes { get; } = new("--sample-bytes", "Decompressed bytes read from the start of each text file to infer its schema (default 1048576).")
    {
        Value = OptionValue.Number,
    };

    public static OptionDescription SampleRows { get; } = new("--sample-rows", "Records read from the start of each text file to infer its schema (default 10000).")
    {
        Value = OptionValue.Number,
    };

    public static OptionDescription SampleFiles { get; } = new("--sample-files", "How many files of each folder are read to classify them and infer their schema: that many, spread evenly over the folder's files in name order, the first and the last included (default: every file). Files not read count in their table's objectCount and sizeKey but are not checked, so a bad one among them is not reported.")
    {
        Value = OptionValue.Number,
    };

    public static OptionDescription Classifier { get; } = new("--classifier", "Custom classifiers of the catalog to try before the built-in ones ({several}, in order); see {front}classifier add.")
    {
        Value = OptionValue.List,
    };

    public static OptionDescription Connection { get; } = new("--connection", "A database connection of the catalog to crawl instead of a folder, or for an s3:// path the s3 connection to read it through (see {front}connection add).");

    public static OptionDescription Include { get; } = new("--include", "With --connection: the tables to read ({several}), as database/schema/table (PostgreSQL), database/table (MySQL) or schema/table (SQLite, main/%); % matches any name.")
    {
        Value = OptionValue.List,
    };

    public static OptionDescription DetectPii { get; } = new(PiiSettings.DetectPii.Option, PiiSettings.DetectPii.Description) { Value = OptionValue.Flag };

    public static CommandDescription Command { get; } = new(
        "crawl",
        "Crawl a folder or an s3:// prefix (classify its files: CSV, JSON lines, Parquet, gzip; infer schemas and Hive partitions) or a database connection (tables and views), and record tables in the catalog.",
        [
            Path, Database, Exclude, TableLevel, CombineCompatibleSchemas, NewFoldersOnly, SchemaChange, DeleteBehavior, SampleBytes, SampleRows, SampleFiles,
            Classifier, Connection, Include, DetectPii, CommonOptions.Catalog, CommonOptions.Json, ClusterDescriptions.Cluster,
        ]);
}
