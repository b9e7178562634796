using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Jobs;
using DevEndpoint.MachineLearning.Pii;
using DevEndpoint.Profiles;
using DevEndpoint.Writing;

namespace DevEndpoint.Cli;

/// <summary>
/// What <c>--json</c> prints, indented, in Glue's shapes (<see cref="CatalogJson"/>), through serialization code generated
/// at build time: the command sets <c>JsonSerializerIsReflectionEnabledByDefault</c> to false, so a type missing from
/// <see cref="CliJsonContext"/> fails (in its tests) instead of printing <c>{}</c> when compiled ahead of time.
/// </summary>
internal static class CliJson
{
    private static readonly JsonSerializerOptions Options = CatalogJson.Create(indented: true, CliJsonContext.Default);

    public static string Serialize<T>(T value) => CatalogJson.Serialize(value, Options);
}

// The responses of the commands, named after the members they print (Glue's names where Glue has the call).
internal sealed record CatalogCheckResponse(CatalogCheck Check);

internal sealed record CrawlResponse(
    GlueCrawlerHistory Crawl,
    GlueCrawlerMetrics CrawlerMetrics,
    IReadOnlyList<CrawledTable> Tables,
    IReadOnlyList<SkippedFile> SkippedFiles,
    IReadOnlyList<CrawlNotice> Notices);

internal sealed record ProfileResponse(TableProfile Profile);

internal sealed record JobBookmarksResponse(IReadOnlyList<JobBookmark> JobBookmarks);

internal sealed record JobBookmarkResponse(JobBookmark JobBookmark);

internal sealed record GetJobRunResponse(JobRun JobRun);

internal sealed record GetJobRunsResponse(IReadOnlyList<JobRun> JobRuns);

internal sealed record FindMatchesMetricsResponse(FindMatchesMetrics FindMatchesMetrics);

internal sealed record TransformsResponse(IReadOnlyList<MLTransform> Transforms);

internal sealed record DataQualityResultResponse(DataQualityResult DataQualityResult);

internal sealed record RulesetsResponse(IReadOnlyList<DataQualityRuleset> Rulesets);

internal sealed record RulesetResponse(DataQualityRuleset Ruleset);

internal sealed record ResultsResponse(IReadOnlyList<DataQualityResult> Results);

internal sealed record SensitiveDataResponse(SensitiveDataReport SensitiveData);

internal sealed record SensitiveDataReport(
    string Table,
    string Action,
    long Rows,
    int SampledRows,
    double SampleFraction,
    double ThresholdFraction,
    IReadOnlyList<PiiColumn> Columns,
    IReadOnlyList<PiiEntity> Entities,
    string? Output);

/// <summary>What <c>devendpoint write --json</c> prints (DevEndpoint's own shape: Glue's API has no such request).</summary>
internal sealed record WriteResponse(WriteReport Write);

/// <summary>A write: the table read, where and how it was written, the files and partitions written and removed, the Delta version, the catalog table updated, warnings.</summary>
internal sealed record WriteReport(
    string Table,
    string Path,
    string Format,
    string Compression,
    string Mode,
    long Rows,
    long Bytes,
    IReadOnlyList<string> Files,
    IReadOnlyList<string> Partitions,
    IReadOnlyList<RemovedPartition> Removed,
    long? DeltaVersion,
    string? CatalogTable,
    string? TableChange,
    int PartitionsAdded,
    int PartitionsReplaced,
    int PartitionsRemoved,
    string? SchemaChangeLogged,
    IReadOnlyList<string> Warnings);

internal sealed record DatabaseListResponse(IReadOnlyList<Database> DatabaseList);

internal sealed record TableListResponse(IEnumerable<CatalogTable> TableList);

internal sealed record TableResponse(CatalogTable Table);

internal sealed record PartitionsResponse(IReadOnlyList<Partition> Partitions);

internal sealed record TableVersionsResponse(IEnumerable<TableVersion> TableVersions);

/// <summary>
/// The responses, and the values a profile's minimum and maximum (<see cref="ColumnProfile.Min"/>, typed object) can hold:
/// the types of a DataFrame's cells.
/// </summary>
[JsonSerializable(typeof(CatalogCheckResponse))]
[JsonSerializable(typeof(CrawlResponse))]
[JsonSerializable(typeof(ProfileResponse))]
[JsonSerializable(typeof(JobBookmarksResponse))]
[JsonSerializable(typeof(JobBookmarkResponse))]
[JsonSerializable(typeof(GetJobRunResponse))]
[JsonSerializable(typeof(GetJobRunsResponse))]
[JsonSerializable(typeof(FindMatchesMetricsResponse))]
[JsonSerializable(typeof(TransformsResponse))]
[JsonSerializable(typeof(MLTransform))]
[JsonSerializable(typeof(DataQualityResultResponse))]
[JsonSerializable(typeof(RulesetsResponse))]
[JsonSerializable(typeof(RulesetResponse))]
[JsonSerializable(typeof(ResultsResponse))]
[JsonSerializable(typeof(SensitiveDataResponse))]
[JsonSerializable(typeof(WriteResponse))]
[JsonSerializable(typeof(DatabaseListResponse))]
[JsonSerializable(typeof(TableListResponse))]
[JsonSerializable(typeof(TableResponse))]
[JsonSerializable(typeof(PartitionsResponse))]
[JsonSerializable(typeof(TableVersionsResponse))]
[JsonSerializable(typeof(ConnectionsResponse))]
[JsonSerializable(typeof(ClassifiersResponse))]
[JsonSerializable(typeof(CrawlsResponse))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(sbyte))]
[JsonSerializable(typeof(byte))]
[JsonSerializable(typeof(short))]
[JsonSerializable(typeof(ushort))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(uint))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(ulong))]
[JsonSerializable(typeof(float))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(decimal))]
[JsonSerializable(typeof(BigInteger))]
[JsonSerializable(typeof(char))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(DateTime))]
[JsonSerializable(typeof(DateTimeOffset))]
[JsonSerializable(typeof(DateOnly))]
[JsonSerializable(typeof(TimeOnly))]
[JsonSerializable(typeof(TimeSpan))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
