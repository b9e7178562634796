using DevEndpoint.Jobs;
using DevEndpoint.Loading;

namespace DevEndpoint.Tests.Loading;

/// <summary>Samples and bookmarked loads with a predicate: the rows they keep are the rows the predicate keeps.</summary>
public sealed partial class WhereOnAnyColumnTests
{
    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_sample_with_a_predicate_keeps_the_sampled_rows_the_predicate_keeps(string format)
    {
        var table = await WriteAndCrawlAsync(format, partitioned: true);
        var sampled = Matches((await LoadAsync(table, new LoadOptions { SampleFraction = 0.3 })).Frame);

        var loaded = Ids((await LoadAsync(table, new LoadOptions { SampleFraction = 0.3, Where = "league = 'I1' AND FTAG > 0" })).Frame);

        Assert.Equal(sampled.Where(m => m.League == "I1" && m.Ftag > 0).Select(m => m.Id), loaded);
        Assert.InRange(loaded.Count, 100, 170);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_sample_of_n_rows_is_taken_over_the_partitions_the_predicate_keeps(string format)
    {
        var table = await WriteAndCrawlAsync(format, partitioned: true);

        // 400 of the table's 1,200 rows are in season 2324: 100 of them is a quarter, not a twelfth.
        var loaded = Matches((await LoadAsync(table, new LoadOptions { Where = "season = '2324'", SampleRows = 100 })).Frame);

        Assert.InRange(loaded.Count, 70, 130);
        Assert.All(loaded, m => Assert.Equal("2324", m.Season));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_sample_of_n_rows_is_taken_over_the_rows_a_filter_on_data_columns_keeps(string format)
    {
        var table = await WriteAndCrawlAsync(format, partitioned: true);
        var all = Matches((await LoadAsync(table, new LoadOptions())).Frame);
        var kept = all.Where(m => m.Fthg > 3).Select(m => m.Id).ToHashSet();

        var first = Ids((await LoadAsync(table, new LoadOptions { Where = "FTHG > 3", SampleRows = 100 })).Frame);
        var second = Ids((await LoadAsync(table, new LoadOptions { Where = "FTHG > 3", SampleRows = 100 })).Frame);

        Assert.InRange(first.Count, 70, 130);
        Assert.All(first, id => Assert.Contains(id, kept));
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task A_bookmarked_load_filters_the_rows_of_the_files_it_reads_and_leaves_them_processed()
    {
        var table = await WriteAndCrawlAsync("csv", partitioned: true);
        var all = Matches((await LoadAsync(table, new LoadOptions())).Frame);

        var first = await LoadAsync(table, new LoadOptions { Bookmark = "daily", Where = "FTHG > 3 OR season = '2425'" });
        new JobBookmarks(catalog).Commit("daily");
        var second = await LoadAsync(table, new LoadOptions { Bookmark = "daily", Where = "FTHG > 3 OR season = '2425'" });

        Assert.Equal(all.Where(m => m.Fthg > 3 || m.Season == "2425").Select(m => m.Id), Ids(first.Frame));
        Assert.Equal(6, first.FilesRead);
        Assert.Equal((0L, 0), (second.Frame.Rows.Count, second.FilesRead));
    }
}
