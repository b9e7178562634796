using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Loading;
using DevEndpoint.Profiles;
using DuckDB.NET.Data;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Profiles;

/// <summary>Profiles of catalog tables of each common kind and of DataFrames equal figures computed in C# from the loaded rows.</summary>
public sealed class ProfilerTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly DataCatalog catalog;

    public ProfilerTests()
    {
        catalog = DataCatalog.Open(temp.Combine("catalog.db"));
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task A_csv_table_with_nulls_duplicates_and_an_all_null_column_profiles_as_computed_from_its_load()
    {
        temp.Write("lake/orders/a.csv", """
            id,customer,amount,quantity,ordered,express,note
            1,Smith,12.50,3,2024-01-05,true,
            2,Lee,7.25,1,2024-01-06,false,
            3,Smith,100.00,,2024-02-01,true,
            4,Ng,,2,2024-02-03,false,
            5,Lee,7.25,1,2024-01-06,false,
            5,Lee,7.25,1,2024-01-06,false,
            6,Émile,0.5,10,2024-03-30,,
            7,Smith,12.50,3,2024-01-05,true,

            """);
        await CrawlAsync();

        var profile = await new Profiler(catalog).ProfileTableAsync("lake.orders");

        IndependentFigures.AssertMatches(profile, await LoadAsync("lake.orders"));
        Assert.Equal(1, profile.DuplicateRows);
        Assert.Equal(8, profile["note"]!.Nulls);
        Assert.Equal(0, profile["note"]!.Count);
        Assert.Equal([new ValueCount("Lee", 3), new ValueCount("Smith", 3)], profile["customer"]!.TopValues.Take(2));
    }

    [Fact]
    public async Task A_parquet_table_profiles_as_computed_from_its_load()
    {
        Directory.CreateDirectory(temp.Combine("lake", "trips"));
        Duck($"""
            COPY (SELECT i AS id, 'zone-' || (i % 3) AS zone, i * 1.5 AS fare, CASE WHEN i % 5 = 0 THEN NULL ELSE (i * 7) % 11 END AS passengers,
                  DATE '2024-01-01' + CAST(i AS INTEGER) AS day, TIMESTAMP '2024-01-01 00:00:00' + to_seconds(i * 3607) AS picked_up,
                  CASE WHEN i % 4 = 0 THEN NULL ELSE i % 2 = 0 END AS shared
                  FROM range(1, 200) r(i))
            TO '{temp.Combine("lake", "trips", "t.parquet")}' (FORMAT parquet)
            """);
        await CrawlAsync();

        var profile = await new Profiler(catalog).ProfileTableAsync("lake.trips");

        IndependentFigures.AssertMatches(profile, await LoadAsync("lake.trips"));
        Assert.Equal(ProfileKind.Temporal, profile["picked_up"]!.Kind);
        Assert.Equal(ProfileKind.Boolean, profile["shared"]!.Kind);
        Assert.Equal(20, profile["fare"]!.Histogram!.Counts.Count);
    }

    [Fact]
    public async Task A_json_table_profiles_as_computed_from_its_load()
    {
        temp.Write("lake/events/e.json", string.Join('\n', Enumerable.Range(0, 60).Select(i =>
            $$"""{"id": {{i}}, "kind": "{{(i % 4 == 0 ? "click" : i % 3 == 0 ? "view" : "scroll")}}", "score": {{(i % 7 == 0 ? "null" : (i * 0.75).ToString(System.Globalization.CultureInfo.InvariantCulture))}}, "user": "u{{i % 9}}"}""")));
        await CrawlAsync();

        var profile = await new Profiler(catalog).ProfileTableAsync("lake.events");

        IndependentFigures.AssertMatches(profile, await LoadAsync("lake.events"));
    }

    [Fact]
    public async Task A_dataframe_profiles_as_computed_from_its_own_values()
    {
        var frame = new DataFrame(
            new Int32DataFrameColumn("n", [5, 3, null, 3, 8, 13, 3]),
            new DoubleDataFrameColumn("x", [0.5, -2.25, 7, null, 1e6, 3, 3]),
            new StringDataFrameColumn("word", ["a", "bb", null, "bb", "ccc", "", "bb"]),
            new BooleanDataFrameColumn("flag", [true, null, false, true, true, false, true]));

        var profile = await new Profiler(catalog).ProfileFrameAsync(frame, "frame");

        IndependentFigures.AssertMatches(profile, frame);
        Assert.Equal("frame", profile.Source);
        Assert.Equal("integer", profile["n"]!.Type);
    }

    [Fact]
    public async Task Chosen_columns_and_a_sample_profile_only_those_columns_of_that_many_rows()
    {
        var frame = new DataFrame(
            new Int64DataFrameColumn("id", Enumerable.Range(0, 500).Select(i => (long?)i)),
            new StringDataFrameColumn("group", Enumerable.Range(0, 500).Select(i => $"g{i % 7}")));

        var profile = await new Profiler(catalog).ProfileFrameAsync(frame, "frame", new ProfileOptions { Columns = ["GROUP"], Sample = 50 });

        Assert.True(profile.Sampled);
        Assert.Equal(50, profile.Rows);
        Assert.Equal(["group"], profile.Columns.Select(c => c.Name));
        Assert.Equal(50, profile["group"]!.TopValues.Sum(t => t.Count));
    }

    [Fact]
    public async Task Distinct_values_above_the_exact_limit_are_estimated_and_say_so()
    {
        var frame = new DataFrame(new Int64DataFrameColumn("id", Enumerable.Range(0, 5000).Select(i => (long?)i)));

        var profile = await new Profiler(catalog).ProfileFrameAsync(frame, "frame", new ProfileOptions { ExactDistinctRows = 1000 });

        Assert.True(profile["id"]!.DistinctIsApproximate);
        Assert.InRange(profile["id"]!.Distinct, 4000, 6000);
    }

    [Fact]
    public async Task Above_the_exact_limit_duplicates_top_values_and_histograms_stay_exact_and_sampled_quantiles_and_correlations_come_near()
    {
        var group = Enumerable.Range(0, 50_000).Select(i => (long?)(i % 2 == 0 ? 0 : i % 7)).ToList();
        var value = Enumerable.Range(0, 50_000).Select(i => (double?)(i * 37 % 1000)).ToList();
        var noisy = value.Select((v, i) => (double?)(v + (i * 7919 % 500))).ToList();
        var frame = new DataFrame(new Int64DataFrameColumn("group", group), new DoubleDataFrameColumn("value", value), new DoubleDataFrameColumn("noisy", noisy));
        var exact = await new Profiler(catalog).ProfileFrameAsync(frame, "frame");

        var estimated = await new Profiler(catalog).ProfileFrameAsync(frame, "frame", new ProfileOptions { ExactDistinctRows = 10_000 });

        Assert.Equal(50_000 - group.Zip(value, noisy).Distinct().Count(), estimated.DuplicateRows);
        Assert.Equal(
            group.GroupBy(g => g!.Value).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => $"{g.Key}={g.Count()}"),
            estimated["group"]!.TopValues.Select(t => $"{t.Value}={t.Count}"));
        Assert.All(estimated["value"]!.TopValues, t => Assert.Equal(value.Count(v => v == double.Parse(t.Value, CultureInfo.InvariantCulture)), t.Count));
        Assert.Equal(exact["value"]!.Histogram!.Counts, estimated["value"]!.Histogram!.Counts);

        // A sample of about 10,000 rows: a correlation's standard error is at most 1 / sqrt(10,000) = 0.01 and a quantile's rank
        // error sqrt(0.25 / 10,000) = 0.005, 5 on this range of 1,000; both are checked at four of those.
        Assert.Equal(3, estimated.Correlations.Count);
        Assert.All(
            exact.Correlations.Zip(estimated.Correlations),
            c => Assert.InRange(c.Second.Value!.Value, c.First.Value!.Value - 0.04, c.First.Value!.Value + 0.04));
        Assert.All(
            exact["value"]!.Quantiles.Zip(estimated["value"]!.Quantiles),
            q => Assert.InRange(q.Second.Value, q.First.Value - 20, q.First.Value + 20));
    }

    [Fact]
    public async Task A_profile_reports_its_steps_in_order_up_to_done()
    {
        var frame = new DataFrame(new Int32DataFrameColumn("n", [1, 2, 3]));
        var steps = new List<ProfileProgress>();

        await new Profiler(catalog).ProfileFrameAsync(frame, "frame", progress: new SyncProgress(steps.Add));

        Assert.Equal(Enumerable.Range(0, 6), steps.Select(s => s.Step));
        Assert.All(steps, s => Assert.Equal(5, s.Steps));
        Assert.Equal("Done", steps[^1].Activity);
    }

    [Fact]
    public async Task An_unknown_column_fails_naming_the_closest_and_all_columns()
    {
        var frame = new DataFrame(new Int32DataFrameColumn("amount", [1]), new Int32DataFrameColumn("id", [1]));

        var error = await Assert.ThrowsAsync<DevEndpointException>(() =>
            new Profiler(catalog).ProfileFrameAsync(frame, "orders", new ProfileOptions { Columns = ["amout"] }));

        Assert.Equal("DataFrame orders has no column 'amout'. Did you mean 'amount'? Its columns: amount, id.", error.Message);
    }

    [Fact]
    public async Task An_empty_table_or_dataframe_fails_saying_there_are_no_rows()
    {
        temp.Write("lake/orders/a.csv", "id,name\n1,a\n");
        await CrawlAsync();
        File.WriteAllText(temp.Combine("lake", "orders", "a.csv"), "id,name\n");

        var table = await Assert.ThrowsAsync<DevEndpointException>(() => new Profiler(catalog).ProfileTableAsync("lake.orders"));
        var frame = await Assert.ThrowsAsync<DevEndpointException>(() =>
            new Profiler(catalog).ProfileFrameAsync(new DataFrame(new Int32DataFrameColumn("id", 0)), "none"));

        Assert.Equal("Table lake.orders has no rows to profile. Check that its location holds data files, and crawl it again if they changed.", table.Message);
        Assert.Equal("DataFrame none has no rows to profile.", frame.Message);
    }

    [Fact]
    public async Task An_unknown_table_fails_naming_the_closest_table()
    {
        temp.Write("lake/orders/a.csv", "id,name\n1,a\n");
        await CrawlAsync();

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => new Profiler(catalog).ProfileTableAsync("lake.order"));

        Assert.Equal($"Table 'lake.order' does not exist in the catalog {catalog.Path}. Did you mean 'lake.orders'?", error.Message);
    }

    [Fact]
    public async Task A_bad_sample_fails_before_reading_anything()
    {
        var error = await Assert.ThrowsAsync<DevEndpointException>(() =>
            new Profiler(catalog).ProfileTableAsync("lake.none", new ProfileOptions { Sample = 0 }));

        Assert.Equal("--sample must be a number of rows above 0, such as 100000; got 0.", error.Message);
    }

    [Fact]
    public async Task No_top_values_or_no_bins_fail_before_reading_anything()
    {
        var error = await Assert.ThrowsAsync<DevEndpointException>(() =>
            new Profiler(catalog).ProfileTableAsync("lake.none", new ProfileOptions { TopValues = 0, Bins = 20 }));

        Assert.Equal("A profile needs at least one top value and one histogram bin; got 0 top values and 20 bins.", error.Message);
    }

    private async Task CrawlAsync() => await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "lake" });

    private async Task<DataFrame> LoadAsync(string table) => (await new TableLoader(catalog).LoadAsync(table)).Frame;

    private static void Duck(string sql)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Progress reported on the reporting thread, so a test sees every report in order.</summary>
    private sealed class SyncProgress(Action<ProfileProgress> report) : IProgress<ProfileProgress>
    {
        public void Report(ProfileProgress value) => report(value);
    }
}
