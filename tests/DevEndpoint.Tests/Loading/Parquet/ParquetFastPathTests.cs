using System.Globalization;
using DevEndpoint.Formats.Parquet.Pages;
using DevEndpoint.Frames;
using DevEndpoint.Loading;
using DevEndpoint.Tests.Loading.Parity;
using global::Parquet;
using global::Parquet.Serialization;
using Microsoft.Data.Analysis;
using Xunit.Abstractions;

namespace DevEndpoint.Tests.Loading.Parquet;

/// <summary>
/// Column chunks read without Parquet.Net (<see cref="ColumnChunkReader"/>) load the frame Parquet.Net's read gives:
/// every file of the corpus loaded both ways, and written files of every codec the fast path reads.
/// </summary>
public sealed partial class ParquetFastPathTests(ITestOutputHelper output)
{
    /// <summary>The corpus files compared with DuckDB that Parquet.Net reads too.</summary>
    public static TheoryData<string> Files => [.. ((IEnumerable<object[]>)ParquetCorpusParityTests.Files).Select(row => (string)row[0]).Where(f => f != ParquetNetCannotRead)];

    /// <summary>
    /// A file only the fast path reads: Parquet.Net 6.1 fails on its gzip pages ("The archive entry was compressed using
    /// an unsupported compression method"); its cells are compared with DuckDB's in <see cref="ParquetCorpusParityTests"/>.
    /// </summary>
    private const string ParquetNetCannotRead = "parquet-testing/data/rle_boolean_encoding.parquet";

    [Theory]
    [MemberData(nameof(Files))]
    public async Task A_corpus_file_loads_the_same_frame_through_the_fast_path_as_through_parquet_net(string file)
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Combine("t"));
        File.Copy(Corpora.Path(file.Split('/')), folder.Combine("t", Path.GetFileName(file)));
        using var lake = await CrawledFolder.CreateAsync(folder.Path, "fast");

        var (frame, paths) = await LoadAsync(lake, parquetNetOnly: false);
        var (reference, referencePaths) = await LoadAsync(lake, parquetNetOnly: true);

        output.WriteLine($"{file}: {paths.Fast} chunks fast, {paths.ParquetNet} through Parquet.Net");
        Assert.Equal(0, referencePaths.Fast);
        Assert.Equal(paths.Fast + paths.ParquetNet, referencePaths.ParquetNet);
        AssertSameFrames(reference, frame);
    }

    /// <summary>
    /// Files whose flat columns are of the common kinds (alltypes' two BYTE_ARRAY columns without a UTF8 annotation are
    /// binary, loaded as base64 text) are read without Parquet.Net; delta-encoded ones go through Parquet.Net.
    /// </summary>
    [Theory]
    [InlineData("parquet-testing/data/alltypes_plain.parquet", 11, 0)]
    [InlineData("parquet-testing/data/alltypes_plain.snappy.parquet", 11, 0)]
    [InlineData("parquet-testing/data/alltypes_dictionary.parquet", 11, 0)]
    [InlineData("parquet-testing/data/datapage_v1-snappy-compressed-checksum.parquet", 2, 0)]
    [InlineData("parquet-testing/data/datapage_v1-uncompressed-checksum.parquet", 2, 0)]
    [InlineData("parquet-testing/data/int32_decimal.parquet", 1, 0)]
    [InlineData("parquet-testing/data/int64_decimal.parquet", 1, 0)]
    [InlineData("parquet-testing/data/fixed_length_decimal.parquet", 1, 0)]
    [InlineData("parquet-testing/data/delta_binary_packed.parquet", 0, 66)]
    public async Task A_files_flat_chunks_of_common_kinds_are_read_without_parquet_net(string file, int fast, int parquetNet)
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Combine("t"));
        File.Copy(Corpora.Path(file.Split('/')), folder.Combine("t", Path.GetFileName(file)));
        using var lake = await CrawledFolder.CreateAsync(folder.Path, "fast");

        var (_, paths) = await LoadAsync(lake, parquetNetOnly: false);

        Assert.Equal((fast, parquetNet), (paths.Fast, paths.ParquetNet));
    }

    [Fact]
    public async Task A_file_parquet_net_cannot_read_is_read_by_the_fast_path()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Combine("t"));
        File.Copy(Corpora.Path(ParquetNetCannotRead.Split('/')), folder.Combine("t", Path.GetFileName(ParquetNetCannotRead)));
        using var lake = await CrawledFolder.CreateAsync(folder.Path, "fast");

        var (_, paths) = await LoadAsync(lake, parquetNetOnly: false);

        Assert.Equal((1, 0), (paths.Fast, paths.ParquetNet));
        await Assert.ThrowsAsync<DevEndpointException>(() => LoadAsync(lake, parquetNetOnly: true));
    }

    [Theory]
    [InlineData(CompressionMethod.None)]
    [InlineData(CompressionMethod.Snappy)]
    [InlineData(CompressionMethod.Gzip)]
    [InlineData(CompressionMethod.Zstd)]
    public async Task A_written_file_of_every_common_type_loads_as_parquet_net_reads_it(CompressionMethod codec)
    {
        using var folder = new TempFolder();
        await WriteAsync(folder.Combine("t", "rows.parquet"), codec);
        using var lake = await CrawledFolder.CreateAsync(folder.Path, "fast");

        var (frame, paths) = await LoadAsync(lake, parquetNetOnly: false);
        var (reference, _) = await LoadAsync(lake, parquetNetOnly: true);

        Assert.Equal(8 * 3, paths.Fast);
        Assert.Equal(0, paths.ParquetNet);
        Assert.Equal(3000, frame.Rows.Count);
        AssertSameFrames(reference, frame);
    }

    [Theory]
    [InlineData(StringStorage.Auto)]
    [InlineData(StringStorage.Dotnet)]
    [InlineData(StringStorage.Utf8)]
    public async Task Dictionary_encoded_strings_load_as_parquet_net_reads_them_whichever_storage_holds_them(StringStorage strings)
    {
        using var folder = new TempFolder();
        var path = folder.Combine("t", "rows.parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        DuckDb.Query(
            $"COPY (SELECT CASE WHEN i % 17 = 0 THEN NULL ELSE 'kind ' || (i * 7 % 23) || ' é' END AS category FROM range({3 * AutoTrial}) t(i)) " +
            $"TO {DuckDb.Literal(path)} (FORMAT parquet, ROW_GROUP_SIZE {2 * AutoTrial})");
        await using (var file = File.OpenRead(path))
        {
            await using var reader = await ParquetReader.CreateAsync(file);
            Assert.All(reader.Metadata!.RowGroups, group => Assert.Contains(global::Parquet.Meta.Encoding.PLAIN_DICTIONARY, group.Columns[0].MetaData!.Encodings));
        }

        using var lake = await CrawledFolder.CreateAsync(folder.Path, "fast");
        var options = new LoadOptions { Strings = strings };
        var paths = ChunkPaths.Watch();
        var frame = (await lake.LoadAsync("t", options)).Frame;
        ChunkPaths.Watch(parquetNetOnly: true);
        var reference = (await lake.LoadAsync("t", new LoadOptions { Strings = StringStorage.Dotnet })).Frame;

        Assert.Equal(2, paths.Fast);
        Assert.Equal(3 * AutoTrial, frame.Rows.Count);
        Assert.Equal(reference["category"].Cast<string?>(), frame["category"].Cast<string?>());
        Assert.Equal(reference["category"].NullCount, frame["category"].NullCount);
    }

    /// <summary>
    /// Plain (not dictionary-encoded) strings go straight into a UTF-8 column's array, sized from the chunks' footer;
    /// row groups of an odd size put each group's values and validity bits part-way into a byte.
    /// </summary>
    [Theory]
    [InlineData(StringStorage.Auto)]
    [InlineData(StringStorage.Dotnet)]
    [InlineData(StringStorage.Utf8)]
    public async Task Plain_strings_and_numbers_in_odd_row_groups_load_as_parquet_net_reads_them_whichever_storage_holds_strings(StringStorage strings)
    {
        using var folder = new TempFolder();
        var path = folder.Combine("t", "rows.parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        DuckDb.Query(
            "COPY (SELECT i AS id, CASE WHEN i % 5 = 0 THEN NULL ELSE i * 3 END AS score, " +
            "CASE WHEN i % 17 = 0 THEN NULL ELSE repeat('é' || i, 1 + i % 9) END AS note " +
            $"FROM range({3 * AutoTrial}) t(i)) TO {DuckDb.Literal(path)} (FORMAT parquet, ROW_GROUP_SIZE 3001, DICTIONARY_SIZE_LIMIT 1)");
        await using (var file = File.OpenRead(path))
        {
            await using var reader = await ParquetReader.CreateAsync(file);
            Assert.All(reader.Metadata!.RowGroups, group => Assert.DoesNotContain(global::Parquet.Meta.Encoding.PLAIN_DICTIONARY, group.Columns[2].MetaData!.Encodings));
            Assert.True(reader.Metadata!.RowGroups.Count > 2);
        }

        using var lake = await CrawledFolder.CreateAsync(folder.Path, "fast");
        var paths = ChunkPaths.Watch();
        var frame = (await lake.LoadAsync("t", new LoadOptions { Strings = strings })).Frame;
        ChunkPaths.Watch(parquetNetOnly: true);
        var reference = (await lake.LoadAsync("t", new LoadOptions { Strings = StringStorage.Dotnet })).Frame;

        Assert.Equal(0, paths.ParquetNet);
        Assert.Equal(3 * AutoTrial, frame.Rows.Count);
        Assert.Equal(reference["note"].Cast<string?>(), frame["note"].Cast<string?>());
        Assert.Equal(reference["note"].NullCount, frame["note"].NullCount);
        reference.Columns.Remove("note");
        frame.Columns.Remove("note");
        AssertSameFrames(reference, frame);
    }

    private static async Task<(DataFrame Frame, ChunkPaths Paths)> LoadAsync(CrawledFolder lake, bool parquetNetOnly)
    {
        var paths = ChunkPaths.Watch(parquetNetOnly);
        return ((await lake.LoadAsync(lake.Result.Tables.Single().Name)).Frame, paths);
    }

    /// <summary>3,000 rows (or as many as asked for) in row groups of 1,000: required and nullable numbers, strings that repeat and that do not, dates, timestamps, decimals.</summary>
    private static async Task WriteAsync(string path, CompressionMethod codec, int rows = 3000)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var start = new DateTime(2024, 2, 29, 23, 59, 58, DateTimeKind.Utc);
        var values = Enumerable.Range(0, rows).Select(i => new WrittenRow
        {
            Id = i - 1500,
            Big = i % 7 == 0 ? null : (long)i * 1_000_000_007L,
            Amount = i % 11 == 0 ? null : i / 3.0,
            Name = i % 13 == 0 ? null : i % 2 == 0 ? $"café {i % 5}" : $"free text {i}, unique",
            Flag = i % 3 == 0,
            At = start.AddMilliseconds(i * 1234.5),
            Day = new DateOnly(1969, 12, 1).AddDays(i),
            Price = (i - 1000) * 0.01m,
        });
        await using var file = File.Create(path);
        await ParquetSerializer.SerializeAsync(values, file, new ParquetOptions { CompressionMethod = codec, RowGroupSize = 1000 });
    }

    private static void AssertSameFrames(DataFrame expected, DataFrame actual)
    {
        Assert.Equal(expected.Columns.Select(c => (c.Name, c.DataType)), actual.Columns.Select(c => (c.Name, c.DataType)));
        Assert.Equal(expected.Rows.Count, actual.Rows.Count);
        for (var c = 0; c < expected.Columns.Count; c++)
        {
            for (var row = 0L; row < expected.Rows.Count; row++)
            {
                Assert.True(
                    Exact(expected.Columns[c][row]) == Exact(actual.Columns[c][row]),
                    $"{expected.Columns[c].Name} row {row}: {Exact(expected.Columns[c][row])} expected, {Exact(actual.Columns[c][row])} loaded");
            }
        }
    }

    /// <summary>A value with all it holds: a decimal's scale, a timestamp's ticks and kind, a double's bits.</summary>
    private static string? Exact(object? value) => value switch
    {
        null => null,
        DateTime time => $"{time.Ticks} {time.Kind}",
        double number => BitConverter.DoubleToInt64Bits(number).ToString(CultureInfo.InvariantCulture),
        float number => BitConverter.SingleToInt32Bits(number).ToString(CultureInfo.InvariantCulture),
        IFormattable formattable => $"{value.GetType().Name} {formattable.ToString(null, CultureInfo.InvariantCulture)}",
        _ => $"{value.GetType().Name} {value}",
    };

    /// <summary>More values than the trial in which <c>--strings auto</c> picks a column's storage.</summary>
    private const int AutoTrial = 4096;

    public sealed class WrittenRow
    {
        public int Id { get; init; }

        public long? Big { get; init; }

        public double? Amount { get; init; }

        public string? Name { get; init; }

        public bool Flag { get; init; }

        public DateTime At { get; init; }

        public DateOnly Day { get; init; }

        public decimal Price { get; init; }
    }
}
