using System.Text.Json;
using System.Text.RegularExpressions;

namespace DevEndpoint.Cli.Tests;

public sealed class CrawlPolicyCommandTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Crawl_help_describes_every_grouping_and_policy_option()
    {
        var help = await DevEndpointCommand.RunAsync("crawl", "--help");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("--table-level", help.Output, StringComparison.Ordinal);
        Assert.Contains("The folder depth at which tables start: 1 is the path itself, 2 its subfolders;", help.Output, StringComparison.Ordinal);
        Assert.Contains("--combine-compatible-schemas", help.Output, StringComparison.Ordinal);
        Assert.Contains("--new-folders-only", help.Output, StringComparison.Ordinal);
        Assert.Contains("When a table's schema changed: update (default) the table, or log the change and keep the table.", help.Output, StringComparison.Ordinal);
        Assert.Contains("For tables and partitions whose files vanished: deprecate (default; marks the table", help.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Crawl_sample_rows_bounds_the_rows_that_type_the_columns_and_a_bad_size_is_refused()
    {
        temp.Write("lake/codes/a.csv", "id,code\n" + string.Concat(Enumerable.Range(1, 50).Select(i => $"{i},{i * 10}\n")) + "51,abc\n");

        var crawl = await DevEndpointCommand.RunAsync("crawl", temp.Combine("lake"), "--database", "lake", "--sample-rows", "20", "--catalog", temp.Combine("catalog.db"));
        var table = await DevEndpointCommand.RunAsync("catalog", "table", "lake.codes", "--catalog", temp.Combine("catalog.db"), "--json");
        var refused = await DevEndpointCommand.RunAsync("crawl", temp.Combine("lake"), "--database", "lake", "--sample-bytes", "10", "--catalog", temp.Combine("catalog.db"));

        Assert.Equal(0, crawl.ExitCode);
        var columns = JsonDocument.Parse(table.Output).RootElement.GetProperty("Table").GetProperty("StorageDescriptor").GetProperty("Columns");
        Assert.Equal("int", columns[1].GetProperty("Type").GetString());
        Assert.Equal(1, refused.ExitCode);
        Assert.Equal(
            $"error: --sample-bytes must be between 4096 and 2147483647; got 10. The default, 1048576, reads the first MiB of each file.{Environment.NewLine}",
            refused.Error);
    }

    [Fact]
    public async Task Crawl_sample_files_reads_that_many_files_of_a_folder_and_says_how_many_were_listed()
    {
        for (var i = 0; i < 5; i++)
        {
            temp.Write($"lake/events/part-{i}.csv", i == 2 ? "{\"a\":1}\n[1,2]\n" : $"id,kind\n{i},click\n");
        }

        var crawl = await CrawlAsync("--sample-files", "2");
        var json = await DevEndpointCommand.RunAsync(
            "crawl", temp.Combine("lake"), "--database", "again", "--catalog", temp.Combine("catalog.db"), "--sample-files", "2", "--json");
        var help = await DevEndpointCommand.RunAsync("crawl", "--help");

        Assert.Equal((0, string.Empty), (crawl.ExitCode, crawl.Error));
        Assert.Equal(
            "Tables: 1 created, 0 updated, 0 unchanged. Partitions added: 0. Files read: 2, skipped: 0, excluded: 0. Files listed: 5, sampled: 2 (--sample-files 2: at most 2 per folder, unless its files make several tables); files not sampled count in their tables but were not read.",
            crawl.Output.ReplaceLineEndings("\n").Split('\n')[1]);
        var root = JsonDocument.Parse(json.Output).RootElement;
        Assert.Equal(5, Assert.Single(root.GetProperty("Tables").EnumerateArray()).GetProperty("Files").GetInt32());
        var run = root.GetProperty("Crawl");
        Assert.Equal((2, 5, 2), (run.GetProperty("SampleFiles").GetInt32(), run.GetProperty("Metrics").GetProperty("FilesListed").GetInt32(), run.GetProperty("Metrics").GetProperty("FilesScanned").GetInt32()));
        Assert.Contains("--sample-files <sample-files>", help.Output, StringComparison.Ordinal);
        Assert.Contains("How many files of each folder are read to classify them and infer their schema", help.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("ten")]
    public async Task Crawl_sample_files_that_is_not_a_whole_number_of_at_least_one_exits_1(string value)
    {
        temp.Write("lake/orders/a.csv", "order_id,amount\n1,9.5\n");

        var crawl = await CrawlAsync("--sample-files", value);

        Assert.Equal(
            (1, $"error: --sample-files must be a whole number of files from 1 to 2147483647; got '{value}'. It is how many files of each folder are read; leave it out to read every file."),
            (crawl.ExitCode, crawl.Error.TrimEnd()));
    }

    [Fact]
    public async Task Delete_behavior_delete_removes_a_vanished_table_and_says_so()
    {
        temp.Write("lake/orders/a.csv", "order_id,amount\n1,9.5\n");
        temp.Write("lake/returns/a.json", "{\"id\":1,\"reason\":\"late\"}\n");
        await CrawlAsync();
        Directory.Delete(temp.Combine("lake", "returns"), recursive: true);

        var crawl = await CrawlAsync("--delete-behavior", "delete");

        Assert.Equal((0, string.Empty), (crawl.ExitCode, crawl.Error));
        Assert.Equal("Vanished tables: 0 deprecated, 1 deleted. Vanished partitions removed: 0.", crawl.Output.ReplaceLineEndings("\n").Split('\n')[2]);
        Assert.Contains(
            "Reported changes:\n  returns: its files vanished; the table and its partitions were deleted (delete behavior delete)\n",
            crawl.Output.ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
        var tables = await DevEndpointCommand.RunAsync("catalog", "tables", "lake", "--catalog", temp.Combine("catalog.db"), "--json");
        Assert.Equal(new[] { "orders" }, JsonDocument.Parse(tables.Output).RootElement.GetProperty("TableList").EnumerateArray().Select(t => t.GetProperty("Name").GetString()));
    }

    [Fact]
    public async Task Table_level_and_combine_options_reach_the_crawler()
    {
        temp.Write("lake/orders/a.csv", "order_id,amount\n1,9.5\n");
        temp.Write("lake/returns/a.json", "{\"id\":1,\"reason\":\"late\"}\n");
        temp.Write("lake/refunds/a.json", "{\"id\":2,\"reason\":\"broken\"}\n");

        var level = await CrawlAsync("--table-level", "2", "--json");
        var combined = await DevEndpointCommand.RunAsync(
            "crawl", temp.Combine("lake"), "--database", "combined", "--catalog", temp.Combine("catalog.db"), "--combine-compatible-schemas", "--json");

        Assert.Equal(new[] { "orders", "refunds", "returns" }, TableNames(level));
        Assert.Equal(new[] { "lake", "lake_csv" }, TableNames(combined));
    }

    [Fact]
    public async Task New_folders_only_and_schema_change_log_reach_the_crawler()
    {
        temp.Write("lake/logs/2024/a.csv", "id,kind\n1,click\n");
        temp.Write("lake/logs/2025/a.csv", "id,kind\n2,view\n");
        await CrawlAsync();
        temp.Write("lake/logs/2026/a.csv", "id,kind,coupon\n3,view,X\n");

        var crawl = await CrawlAsync("--new-folders-only", "--schema-change", "log", "--json");

        var root = JsonDocument.Parse(crawl.Output).RootElement;
        Assert.Equal(1, root.GetProperty("Crawl").GetProperty("Metrics").GetProperty("FilesScanned").GetInt32());
        Assert.Equal(1, root.GetProperty("Crawl").GetProperty("Metrics").GetProperty("SchemaChangesLogged").GetInt32());
        Assert.Equal(
            "schema changed (columns added: coupon string); the table is kept as it was (schema change policy log)",
            Assert.Single(root.GetProperty("Notices").EnumerateArray()).GetProperty("Message").GetString());
    }

    [Theory]
    [InlineData("--schema-change", "replace", "error: 'replace' is not a schema change policy. Use update or log.")]
    [InlineData("--delete-behavior", "ignore", "error: 'ignore' is not a delete behavior. Use deprecate or delete or log.")]
    [InlineData("--table-level", "0", "error: Table level 0 is not valid: level 1 is the include path itself, 2 its subfolders, and so on.")]
    public async Task A_bad_policy_value_exits_1_naming_the_choices(string option, string value, string error)
    {
        temp.Write("lake/orders/a.csv", "order_id,amount\n1,9.5\n");

        var crawl = await CrawlAsync(option, value);

        Assert.Equal((1, error), (crawl.ExitCode, crawl.Error.TrimEnd()));
    }

    [Fact]
    public async Task Catalog_runs_lists_crawls_newest_first_as_text_and_json()
    {
        temp.Write("lake/orders/a.csv", "order_id,amount\n1,9.5\n");
        temp.Write("lake/orders/_SUCCESS", string.Empty);
        temp.Write("lake/orders/b.csv", string.Empty);
        var first = await CrawlAsync("--json");
        var second = await CrawlAsync("--json");

        var text = await DevEndpointCommand.RunAsync("catalog", "runs", "--catalog", temp.Combine("catalog.db"));
        var json = await DevEndpointCommand.RunAsync("catalog", "runs", "lake", "--catalog", temp.Combine("catalog.db"), "--json");

        var rows = text.Output.ReplaceLineEndings("\n").TrimEnd().Split('\n').Select(l => Regex.Split(l, "  +")).ToList();
        Assert.Equal(
            new[]
            {
                "run", "database", "location", "started", "seconds", "files listed", "files scanned", "skipped", "bytes read", "created", "updated",
                "unchanged", "deprecated", "deleted", "partitions added", "partitions removed", "skipped files",
            },
            rows[0]);
        Assert.Equal(new[] { RunId(second), RunId(first) }, rows.Skip(1).Select(r => r[0]));
        Assert.Equal(
            new[] { "lake", temp.Combine("lake") + "/", "1", "1", "2", "22", "1", "0", "0", "0", "0", "0", "0", "orders/b.csv: the file is empty." },
            rows[2].Skip(1).Take(2).Concat(rows[2].Skip(5)));
        var root = JsonDocument.Parse(json.Output).RootElement;
        var runs = root.GetProperty("Crawls").EnumerateArray().ToList();
        Assert.Equal(new[] { RunId(second), RunId(first) }, runs.Select(r => r.GetProperty("CrawlId").GetString()));
        Assert.Equal("COMPLETED", runs[0].GetProperty("State").GetString());
        Assert.Equal("""{"TABLE":{"ADD":{"Count":0},"UPDATE":{"Count":0},"DELETE":{"Count":0}},"PARTITION":{"ADD":{"Count":0},"DELETE":{"Count":0}}}""", runs[0].GetProperty("Summary").GetString());
        Assert.Equal(
            Math.Round((runs[0].GetProperty("EndTime").GetDateTimeOffset() - runs[0].GetProperty("StartTime").GetDateTimeOffset()).TotalSeconds, 3),
            runs[0].GetProperty("DurationSeconds").GetDouble());
        Assert.Equal(1, runs[0].GetProperty("Metrics").GetProperty("FilesScanned").GetInt32());
        Assert.Equal(22, runs[0].GetProperty("Metrics").GetProperty("BytesRead").GetInt64());
        var metrics = Assert.Single(root.GetProperty("CrawlerMetricsList").EnumerateArray());
        Assert.Equal(("lake", false, 0.0), (metrics.GetProperty("CrawlerName").GetString(), metrics.GetProperty("StillEstimating").GetBoolean(), metrics.GetProperty("TimeLeftSeconds").GetDouble()));
        Assert.Equal(runs[0].GetProperty("DurationSeconds").GetDouble(), metrics.GetProperty("LastRuntimeSeconds").GetDouble());
        var error = Assert.Single(runs[0].GetProperty("Errors").EnumerateArray());
        Assert.Equal("orders/b.csv: the file is empty.", $"{error.GetProperty("Path").GetString()}: {error.GetProperty("Reason").GetString()}");
    }

    [Fact]
    public async Task Empty_folders_and_symbolic_link_loops_are_listed_with_their_reasons_and_not_counted_as_files_read()
    {
        temp.Write("lake/orders/a.csv", "order_id,amount\n1,9.5\n");
        Directory.CreateDirectory(temp.Combine("lake", "returns"));
        Directory.CreateSymbolicLink(temp.Combine("lake", "orders", "again"), temp.Combine("lake"));

        var crawl = await CrawlAsync();

        var lines = crawl.Output.ReplaceLineEndings("\n").TrimEnd().Split('\n');
        Assert.Equal("Tables: 1 created, 0 updated, 0 unchanged. Partitions added: 0. Files read: 1, skipped: 2, excluded: 0.", lines[1]);
        Assert.Equal(
            new[]
            {
                "Skipped files:",
                $"  orders/again/: symbolic link loop: it points to {temp.Combine("lake")}, a folder that contains it; not followed",
                "  returns/: empty folder: it holds no files, so it makes no table",
            },
            lines[^3..]);
    }

    [Fact]
    public async Task Catalog_runs_of_an_unknown_database_exits_1_naming_the_databases()
    {
        temp.Write("lake/orders/a.csv", "order_id,amount\n1,9.5\n");
        await CrawlAsync();

        var runs = await DevEndpointCommand.RunAsync("catalog", "runs", "nope", "--catalog", temp.Combine("catalog.db"));

        Assert.Equal(1, runs.ExitCode);
        Assert.Equal($"error: Database 'nope' does not exist in the catalog {temp.Combine("catalog.db")}. Databases: 'lake'.", runs.Error.TrimEnd());
    }

    private static string RunId(CliResult crawl) =>
        JsonDocument.Parse(crawl.Output).RootElement.GetProperty("Crawl").GetProperty("CrawlId").GetString()!;

    private static IEnumerable<string?> TableNames(CliResult crawl) =>
        JsonDocument.Parse(crawl.Output).RootElement.GetProperty("Tables").EnumerateArray().Select(t => t.GetProperty("Name").GetString());

    private Task<CliResult> CrawlAsync(params string[] options) =>
        DevEndpointCommand.RunAsync(["crawl", temp.Combine("lake"), "--database", "lake", "--catalog", temp.Combine("catalog.db"), .. options]);
}
