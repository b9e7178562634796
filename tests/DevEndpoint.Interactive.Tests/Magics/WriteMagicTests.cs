using DevEndpoint.Catalog;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Interactive.Tests.Magics;

public sealed class WriteMagicTests
{
    [Fact]
    public async Task Write_puts_a_loaded_frame_in_partition_folders_and_a_catalog_table_that_loads_back()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();
        KernelFixture.AssertSucceeded(await fixture.MagicAsync("#!load sales.orders --as orders --where \"year = '2024' AND month IN ('01','02')\""));
        var target = Path.Combine(fixture.Folder, "out", "orders");

        var write = await fixture.SubmitAsync(
            $"#!write orders --to {target} --format csv --partition-by month --compression gzip --catalog clean.orders --catalog-file {fixture.CatalogPath}");
        var load = await fixture.MagicAsync("#!load clean.orders --as again");

        KernelFixture.AssertSucceeded(write);
        var html = KernelFixture.Html(write);
        Assert.Contains($"Wrote orders (80 rows) to {target} as csv (gzip compression, mode error-if-exists): 2 files, ", html);
        Assert.Contains("bytes in 2 partitions.", html);
        Assert.Contains("Catalog table clean.orders: created, 2 partitions added.", html);
        Assert.Matches(@"<td style=""text-align:left"">month=01/part-00000-[0-9a-f]{32}\.csv\.gz</td>", html);
        KernelFixture.AssertSucceeded(load);
        Assert.True(fixture.CSharp.TryGetValue<DataFrame>("orders", out var orders));
        Assert.True(fixture.CSharp.TryGetValue<DataFrame>("again", out var again));
        Assert.Equal(orders.Columns.Select(c => c.Name).Where(n => n != "month").Append("month"), again.Columns.Select(c => c.Name));
        Assert.Equal(orders["order_id"].Cast<int>().Order(), again["order_id"].Cast<int>().Order());
        Assert.Equal("gzip", DataCatalog.Open(fixture.CatalogPath).GetTable(new TableName("clean", "orders")).Parameter("compressionType"));
    }

    [Fact]
    public async Task Overwrite_of_one_season_keeps_the_other_seasons_and_the_summary_lists_the_partition_it_replaced()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        var target = Path.Combine(fixture.Folder, "out", "standings");
        var write = $"#!write standings --to {target} --partition-by league,season --mode overwrite --catalog lake.standings --catalog-file {fixture.CatalogPath}";
        KernelFixture.AssertSucceeded(await fixture.SubmitAsync(Standings("2324", "\"Arsenal\", \"Chelsea\"")));
        KernelFixture.AssertSucceeded(await fixture.SubmitAsync(write));
        KernelFixture.AssertSucceeded(await fixture.SubmitAsync(Standings("2223", "\"Arsenal\"")));

        var second = await fixture.SubmitAsync(write);
        KernelFixture.AssertSucceeded(await fixture.SubmitAsync(Standings("2223", "\"Arsenal\", \"Chelsea\"")));
        var third = await fixture.SubmitAsync(write);
        var load = await fixture.MagicAsync("#!load lake.standings --as all");

        KernelFixture.AssertSucceeded(second);
        Assert.Contains($"Wrote standings (1 rows) to {target} as parquet (snappy compression, mode overwrite): 1 files, ", KernelFixture.Html(second));
        Assert.Contains("Catalog table lake.standings: updated, 1 partitions added.", KernelFixture.Html(second));
        Assert.DoesNotContain("Replaced", KernelFixture.Html(second));
        KernelFixture.AssertSucceeded(third);
        Assert.Contains(
            "<div style=\"margin:4px 0\">Replaced 1 partitions, deleting their 1 earlier files: league=E0/season=2223 (1 files). The partitions not written are kept.</div>",
            KernelFixture.Html(third));
        Assert.Contains("Catalog table lake.standings: updated, 0 partitions added, 1 replaced.", KernelFixture.Html(third));
        KernelFixture.AssertSucceeded(load);
        Assert.True(fixture.CSharp.TryGetValue<DataFrame>("all", out var all));
        Assert.Equal(["2223", "2223", "2324", "2324"], all["season"].Cast<string>().Order());
        Assert.Equal(["season=2223", "season=2324"], Directory.GetDirectories(Path.Combine(target, "league=E0")).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task Overwrite_table_says_it_replaced_everything_and_lists_each_partition_removed()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        var target = Path.Combine(fixture.Folder, "out", "standings");
        var write = $"#!write standings --to {target} --partition-by league,season --catalog lake.standings --catalog-file {fixture.CatalogPath} --mode ";
        KernelFixture.AssertSucceeded(await fixture.SubmitAsync(Standings("2324", "\"Arsenal\"")));
        KernelFixture.AssertSucceeded(await fixture.SubmitAsync(write + "overwrite"));
        KernelFixture.AssertSucceeded(await fixture.SubmitAsync(Standings("2223", "\"Arsenal\"")));
        KernelFixture.AssertSucceeded(await fixture.SubmitAsync(write + "append"));
        KernelFixture.AssertSucceeded(await fixture.SubmitAsync(Standings("2425", "\"Arsenal\"")));

        var result = await fixture.SubmitAsync(write + "overwrite-table");

        KernelFixture.AssertSucceeded(result);
        Assert.Contains(
            "Replaced everything in the folder, deleting its 2 earlier files: league=E0/season=2223 (1 files), league=E0/season=2324 (1 files).",
            KernelFixture.Html(result));
        Assert.Contains("Catalog table lake.standings: updated, 1 partitions added, 2 removed.", KernelFixture.Html(result));
        Assert.Equal(["season=2425"], Directory.GetDirectories(Path.Combine(target, "league=E0")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Write_with_schema_change_log_reports_the_change_it_kept_out_of_the_table()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        var target = Path.Combine(fixture.Folder, "out");
        var catalog = $"--catalog lake.t --catalog-file {fixture.CatalogPath}";
        KernelFixture.AssertSucceeded(await fixture.SubmitAsync(
            "var t = new Microsoft.Data.Analysis.DataFrame(new Microsoft.Data.Analysis.Int32DataFrameColumn(\"id\", new[] { 1 }));"));
        KernelFixture.AssertSucceeded(await fixture.SubmitAsync($"#!write t --to {target} {catalog}"));
        KernelFixture.AssertSucceeded(await fixture.SubmitAsync(
            "t.Columns.Add(new Microsoft.Data.Analysis.StringDataFrameColumn(\"name\", new[] { \"a\" }));"));

        var write = await fixture.SubmitAsync($"#!write t --to {target} --mode append --schema-change log {catalog}");

        KernelFixture.AssertSucceeded(write);
        Assert.Contains("Catalog table lake.t: unchanged, 0 partitions added.", KernelFixture.Html(write));
        Assert.Contains("schema changed (columns added: name string); the table is kept as it was (schema change policy log)", KernelFixture.Html(write));
    }

    [Fact]
    public async Task Write_in_an_endpoint_cell_reads_the_endpoints_variable_and_updates_its_catalog()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        var target = Path.Combine(fixture.Folder, "out");
        KernelFixture.AssertSucceeded(await fixture.SubmitAsync($"#!endpoint create next --catalog {fixture.CatalogPath}"));
        KernelFixture.AssertSucceeded(await fixture.SubmitAsync(
            "#!next\nvar t = new Microsoft.Data.Analysis.DataFrame(new Microsoft.Data.Analysis.Int32DataFrameColumn(\"id\", new[] { 1, 2 }));"));

        var write = await fixture.SubmitAsync($"#!next\n#!write t --to {target} --catalog lake.t");
        var inCsharp = await fixture.SubmitAsync($"#!write t --to {target}");

        KernelFixture.AssertSucceeded(write);
        Assert.Contains($"Wrote t (2 rows) to {target} as parquet", KernelFixture.Html(write));
        Assert.Equal("2", DataCatalog.Open(fixture.CatalogPath).GetTable(new TableName("lake", "t")).Parameter("recordCount"));
        Assert.Equal("There is no C# variable 't'. Load or build a DataFrame into it first (#!load <db>.<table> --as t).", KernelFixture.Failure(inCsharp));
    }

    [Fact]
    public async Task Write_of_an_unknown_variable_says_how_to_make_one()
    {
        await using var fixture = await KernelFixture.CreateAsync();

        var result = await fixture.SubmitAsync($"#!write orders --to {Path.Combine(fixture.Folder, "out")}");

        Assert.Equal("There is no C# variable 'orders'. Load or build a DataFrame into it first (#!load <db>.<table> --as orders).", KernelFixture.Failure(result));
    }

    [Fact]
    public async Task Write_of_a_variable_that_is_not_a_frame_is_refused()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        KernelFixture.AssertSucceeded(await fixture.SubmitAsync("var orders = 42;"));

        var result = await fixture.SubmitAsync($"#!write orders --to {Path.Combine(fixture.Folder, "out")}");

        Assert.Equal("The C# variable 'orders' is of type Int32, not Microsoft.Data.Analysis.DataFrame.", KernelFixture.Failure(result));
    }

    [Fact]
    public async Task Write_errors_from_the_core_fail_the_cell_with_their_message()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        KernelFixture.AssertSucceeded(await fixture.SubmitAsync(
            "var orders = new Microsoft.Data.Analysis.DataFrame(new Microsoft.Data.Analysis.Int32DataFrameColumn(\"id\", new[] { 1 }));"));
        var target = Path.Combine(fixture.Folder, "out");
        KernelFixture.AssertSucceeded(await fixture.SubmitAsync($"#!write orders --to {target}"));

        var again = await fixture.SubmitAsync($"#!write orders --to {target}");
        var badMode = await fixture.SubmitAsync($"#!write orders --to {target} --mode replace");

        Assert.Equal($"Cannot write to '{target}': the folder already holds files. Use mode append to add to them, overwrite to replace the partitions written (keeping the others), or overwrite-table to replace them all.", KernelFixture.Failure(again));
        Assert.Equal(
            "Unknown mode 'replace'. Use overwrite (replace the partitions written, keep the others), overwrite-table (replace everything in the folder), "
            + "append (add files) or error-if-exists (refuse a folder that holds files).",
            KernelFixture.Failure(badMode));
    }

    /// <summary>C# that sets <c>standings</c> to one season of league E0, a row per team.</summary>
    [Fact]
    public async Task Write_format_delta_commits_a_version_a_season_overwrite_replaces_and_load_version_reads_the_earlier_one()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        var target = Path.Combine(fixture.Folder, "out", "standings");
        var write = $"#!write standings --to {target} --format delta --partition-by season --catalog lake.standings --catalog-file {fixture.CatalogPath} --mode ";
        KernelFixture.AssertSucceeded(await fixture.SubmitAsync(Standings("2324", "\"Arsenal\", \"Chelsea\"")));
        KernelFixture.AssertSucceeded(await fixture.SubmitAsync(write + "append"));
        KernelFixture.AssertSucceeded(await fixture.SubmitAsync(Standings("2324", "\"Spurs\"")));

        var overwrite = await fixture.SubmitAsync(write + "overwrite");
        var latest = await fixture.MagicAsync("#!load lake.standings --as latest");
        var first = await fixture.MagicAsync("#!load lake.standings --as first --version 0");

        KernelFixture.AssertSucceeded(overwrite);
        Assert.Contains($"Wrote standings (1 rows) to {target} as delta (snappy compression, mode overwrite): 1 files, ", KernelFixture.Html(overwrite));
        Assert.Contains("bytes in 1 partitions. Committed version 1 of the Delta table.", KernelFixture.Html(overwrite));
        Assert.Contains(
            "Replaced 1 partitions: version 1 removes their 1 earlier files from the table (they stay on disk for --version): season=2324 (1 files). The partitions not written are kept.",
            KernelFixture.Html(overwrite));
        Assert.Contains("Catalog table lake.standings: updated, 0 partitions added.", KernelFixture.Html(overwrite));
        KernelFixture.AssertSucceeded(latest);
        KernelFixture.AssertSucceeded(first);
        Assert.True(fixture.CSharp.TryGetValue<DataFrame>("latest", out var after));
        Assert.True(fixture.CSharp.TryGetValue<DataFrame>("first", out var before));
        Assert.Equal(["Spurs"], after["team"].Cast<string>());
        Assert.Equal(["Arsenal", "Chelsea"], before["team"].Cast<string>().Order());
        Assert.Equal("delta", DataCatalog.Open(fixture.CatalogPath).GetTable(new TableName("lake", "standings")).Parameter("classification"));
    }

    private static string Standings(string season, string teams) =>
        "var teams = new[] { " + teams + " };\n"
        + "var standings = new Microsoft.Data.Analysis.DataFrame("
        + "new Microsoft.Data.Analysis.StringDataFrameColumn(\"league\", teams.Select(_ => \"E0\")), "
        + $"new Microsoft.Data.Analysis.StringDataFrameColumn(\"season\", teams.Select(_ => \"{season}\")), "
        + "new Microsoft.Data.Analysis.StringDataFrameColumn(\"team\", teams), "
        + "new Microsoft.Data.Analysis.Int32DataFrameColumn(\"points\", teams.Select(t => t.Length)));";
}
