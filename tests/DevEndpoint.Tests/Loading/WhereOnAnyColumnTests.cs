using System.Globalization;
using System.Text;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Formats.Parquet.Pages;
using DevEndpoint.Jobs;
using DevEndpoint.Loading;
using global::Parquet;
using global::Parquet.Serialization;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Loading;

/// <summary>
/// <c>--where</c> over any column of a table of files: partition terms prune folders, the rest filters rows. Every
/// result is checked against the same filter computed by hand over a full load of the table.
/// </summary>
public sealed partial class WhereOnAnyColumnTests : IDisposable
{
    private static readonly string[] Teams = ["Arsenal", "Bari", "Bologna", "Chelsea", "Brentford", "Everton"];

    /// <summary>Predicates and the same filter written by hand, with SQL's nulls: a comparison with a null is not true.</summary>
    private static readonly (string Where, Func<Match, bool> Keep)[] Filters =
    [
        ("FTHG > 2", m => m.Fthg > 2),
        ("season = '2324' AND FTHG > 2", m => m.Season == "2324" && m.Fthg > 2),
        ("season = '2324' OR FTHG >= 4", m => m.Season == "2324" || m.Fthg >= 4),
        ("HomeTeam LIKE 'B%' AND NOT FTAG = 0", m => m.HomeTeam.StartsWith('B') && m.Ftag != 0),
        ("Odds IS NULL", m => m.Odds is null),
        ("Odds > 2.5", m => m.Odds > 2.5),
        ("NOT Odds > 2.5", m => m.Odds <= 2.5),
        ("Odds IS NOT NULL AND Odds <> 2", m => m.Odds is not null && m.Odds != 2),
        ("Date BETWEEN '2022-09-01' AND '2022-12-31'", m => string.CompareOrdinal(m.Date, "2022-09-01") >= 0 && string.CompareOrdinal(m.Date, "2022-12-31") <= 0),
        ("HomeTeam IN ('Arsenal', 'Bari') AND league <> 'E0'", m => m.HomeTeam is "Arsenal" or "Bari" && m.League != "E0"),
        ("FTHG = FTAG", m => m.Fthg == m.Ftag),
        ("(league = 'I1' AND FTHG = 0) OR (season = '2223' AND Odds < 2)", m => (m.League == "I1" && m.Fthg == 0) || (m.Season == "2223" && m.Odds < 2)),
        ("NOT (season = '2425' OR FTHG IN (1, 2))", m => m.Season != "2425" && m.Fthg is not 1 and not 2),
        ("Id < 100 OR Id >= 1150", m => m.Id < 100 || m.Id >= 1150),
        ("NOT Id BETWEEN 100 AND 1100 AND season <> '2223'", m => m.Id is < 100 or > 1100 && m.Season != "2223"),
        ("Id IN (5, 640, 1199) OR (Id > 700 AND Date = '2022-08-01')", m => m.Id is 5 or 640 or 1199 || (m.Id > 700 && m.Date == "2022-08-01")),
        ("season = '2324' OR Id <= 64", m => m.Season == "2324" || m.Id <= 64),
        ("Corners > 6", m => m.Corners > 6),
        ("Corners IS NULL AND Id < 300", m => m.Corners is null && m.Id < 300),
        ("NOT Corners < 3 OR Id BETWEEN 130 AND 140", m => m.Corners >= 3 || m.Id is >= 130 and <= 140),
        ("Corners <> 4 AND Id >= 100 AND Id < 200", m => m.Corners is not null and not 4 && m.Id is >= 100 and < 200),
    ];

    private readonly TempFolder temp = new();
    private readonly DataCatalog catalog;

    public WhereOnAnyColumnTests()
    {
        catalog = DataCatalog.Open(temp.Combine("catalog.db"));
    }

    public static TheoryData<string> Formats => new() { "csv", "json", "parquet" };

    public void Dispose() => temp.Dispose();

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Each_predicate_keeps_the_rows_a_filter_by_hand_over_the_full_load_keeps(string format)
    {
        var table = await WriteAndCrawlAsync(format, partitioned: true);
        var all = Matches((await LoadAsync(table, new LoadOptions())).Frame);

        foreach (var (where, keep) in Filters)
        {
            var expected = all.Where(keep).Select(m => m.Id).ToList();
            var loaded = Ids((await LoadAsync(table, new LoadOptions { Where = where })).Frame);

            Assert.True(expected.Count > 0, $"{where} keeps no rows of the test data");
            Assert.True(expected.SequenceEqual(loaded), $"{format}, {where}: {expected.Count} rows expected, {loaded.Count} loaded");
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_table_without_partitions_is_filtered_on_its_columns(string format)
    {
        var table = await WriteAndCrawlAsync(format, partitioned: false);
        var all = Matches((await LoadAsync(table, new LoadOptions())).Frame);

        var loaded = Ids((await LoadAsync(table, new LoadOptions { Where = "FTHG >= 3 AND Odds < 3" })).Frame);

        Assert.Equal(all.Where(m => m.Fthg >= 3 && m.Odds < 3).Select(m => m.Id), loaded);
    }

    [Fact]
    public async Task A_mixed_predicate_reads_only_the_partitions_its_partition_terms_keep()
    {
        var table = await WriteAndCrawlAsync("csv", partitioned: true);

        var mixed = await LoadAsync(table, new LoadOptions { Where = "season = '2324' AND FTHG > 2" });
        var across = await LoadAsync(table, new LoadOptions { Where = "season = '2324' OR FTHG > 2" });
        var negated = await LoadAsync(table, new LoadOptions { Where = "NOT (season <> '2324' OR FTHG <= 2)" });

        Assert.Equal((2, 6, 2), (mixed.PartitionsRead, mixed.PartitionsTotal, mixed.FilesRead));
        Assert.Equal((6, 6), (across.PartitionsRead, across.FilesRead));
        Assert.Equal((2, 2), (negated.PartitionsRead, negated.FilesRead));
        Assert.Equal(Ids(mixed.Frame), Ids(negated.Frame));
    }

    [Fact]
    public async Task Parquet_row_groups_whose_statistics_rule_out_the_predicate_are_not_read()
    {
        var table = await WriteAndCrawlAsync("parquet", partitioned: true);

        // Row groups of 64 rows: ids 200 to 399 are league E0, season 2324; its groups of ids 200-263 and 264-327 hold 250 to 300.
        var paths = ChunkPaths.Watch();
        var loaded = Ids((await LoadAsync(table, new LoadOptions { Columns = ["Id"], Where = "Id BETWEEN 250 AND 300" })).Frame);

        Assert.Equal(Enumerable.Range(250, 51), loaded);
        Assert.Equal(2, paths.Fast + paths.ParquetNet);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_filter_column_left_out_of_the_columns_is_read_for_the_filter_but_not_returned(string format)
    {
        var table = await WriteAndCrawlAsync(format, partitioned: true);
        var all = Matches((await LoadAsync(table, new LoadOptions())).Frame);

        var frame = (await LoadAsync(table, new LoadOptions { Columns = ["Id", "season"], Where = "Odds > 3 AND HomeTeam <> 'Bari'" })).Frame;

        Assert.Equal(["id", "season"], frame.Columns.Select(c => c.Name));
        Assert.Equal(all.Where(m => m.Odds > 3 && m.HomeTeam != "Bari").Select(m => m.Id), Ids(frame));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_limit_counts_the_rows_the_predicate_keeps(string format)
    {
        var table = await WriteAndCrawlAsync(format, partitioned: true);
        var all = Matches((await LoadAsync(table, new LoadOptions())).Frame);

        var loaded = Ids((await LoadAsync(table, new LoadOptions { Where = "FTHG = 5", Limit = 50 })).Frame);

        // Fewer than 50 rows in the first file have FTHG = 5, so the limit is reached in a later file.
        Assert.Equal(all.Where(m => m.Fthg == 5).Take(50).Select(m => m.Id), loaded);
        Assert.Equal(50, loaded.Count);
    }

    private static List<int> Ids(DataFrame frame) => frame.Columns["id"].Cast<object>().Select(v => Convert.ToInt32(v, CultureInfo.InvariantCulture)).ToList();

    private static List<Match> Matches(DataFrame frame)
    {
        var matches = new List<Match>();
        for (var i = 0L; i < frame.Rows.Count; i++)
        {
            object? Cell(string name) => frame.Columns[name][i];
            int? Number(string name) => Cell(name) is { } value ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : null;
            matches.Add(new Match(
                Number("id")!.Value,
                Cell("date") is DateTime date ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : (string)Cell("date")!,
                (string)Cell("hometeam")!,
                Number("fthg"),
                Number("ftag"),
                Cell("odds") is { } odds ? Convert.ToDouble(odds, CultureInfo.InvariantCulture) : null,
                Number("corners"),
                frame.Columns.IndexOf("league") >= 0 ? (string)Cell("league")! : string.Empty,
                frame.Columns.IndexOf("season") >= 0 ? (string)Cell("season")! : string.Empty));
        }

        return matches;
    }

    private Task<LoadResult> LoadAsync(string table, LoadOptions options) => new TableLoader(catalog).LoadAsync(table, options);

    /// <summary>
    /// 1,200 matches, in six partitions <c>league=E0|I1/season=2223|2324|2425</c> of 200 rows (or six files in one
    /// folder), as CSV, JSON lines or Parquet; crawled into database <c>lake_&lt;format&gt;</c>, table <c>matches</c>.
    /// </summary>
    private async Task<string> WriteAndCrawlAsync(string format, bool partitioned)
    {
        var root = temp.Combine(format, "matches");
        var id = 0;
        foreach (var league in new[] { "E0", "I1" })
        {
            foreach (var season in new[] { "2223", "2324", "2425" })
            {
                var rows = Enumerable.Range(0, 200).Select(_ => Row(id++)).ToList();
                var folder = partitioned ? Path.Combine(root, $"league={league}", $"season={season}") : root;
                Directory.CreateDirectory(folder);
                var file = Path.Combine(folder, partitioned ? $"part.{format}" : $"{league}-{season}.{format}");
                await WriteAsync(file, format, rows);
            }
        }

        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine(format), Database = $"lake_{format}" });
        return $"lake_{format}.matches";
    }

    private static WrittenMatch Row(int id) => new()
    {
        Id = id,
        Date = new DateOnly(2022, 8, 1).AddDays(id * 7 % 300),
        HomeTeam = Teams[id * 5 % Teams.Length],
        FTHG = id * 7 % 6,
        FTAG = id * 5 % 4,
        Odds = id % 7 == 0 ? null : 1.5 + (id % 10 * 0.25),

        // Null in every row of the row group of ids 128 to 191 (Parquet row groups of 64 rows), and in some rows elsewhere.
        Corners = id is >= 128 and < 192 || id % 5 == 0 ? null : id % 9,
    };

    private static async Task WriteAsync(string path, string format, List<WrittenMatch> rows)
    {
        string Odds(WrittenMatch m) => m.Odds?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
        string Date(WrittenMatch m) => m.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        switch (format)
        {
            case "csv":
                var csv = new StringBuilder("Id,Date,HomeTeam,FTHG,FTAG,Odds,Corners\n");
                rows.ForEach(m => csv.Append(CultureInfo.InvariantCulture, $"{m.Id},{Date(m)},{m.HomeTeam},{m.FTHG},{m.FTAG},{Odds(m)},{m.Corners}\n"));
                await File.WriteAllTextAsync(path, csv.ToString());
                break;
            case "json":
                var json = new StringBuilder();
                rows.ForEach(m => json.Append(CultureInfo.InvariantCulture, $"{{\"Id\":{m.Id},\"Date\":\"{Date(m)}\",\"HomeTeam\":\"{m.HomeTeam}\",\"FTHG\":{m.FTHG},\"FTAG\":{m.FTAG},\"Odds\":{(m.Odds is null ? "null" : Odds(m))},\"Corners\":{m.Corners?.ToString(CultureInfo.InvariantCulture) ?? "null"}}}\n"));
                await File.WriteAllTextAsync(path, json.ToString());
                break;
            default:
                await using (var file = File.Create(path))
                {
                    await ParquetSerializer.SerializeAsync(rows, file, new ParquetOptions { RowGroupSize = 64 });
                }

                break;
        }
    }

    /// <summary>A loaded row, the date as text (yyyy-MM-dd) whatever its type.</summary>
    private sealed record Match(int Id, string Date, string HomeTeam, int? Fthg, int? Ftag, double? Odds, int? Corners, string League, string Season);

    private sealed class WrittenMatch
    {
        public int Id { get; set; }

        public DateOnly Date { get; set; }

        public string HomeTeam { get; set; } = string.Empty;

        public int FTHG { get; set; }

        public int FTAG { get; set; }

        public double? Odds { get; set; }

        public int? Corners { get; set; }
    }
}
