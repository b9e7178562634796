using System.Text.Json;
using DevEndpoint.Catalog;
using Microsoft.Data.Sqlite;

namespace DevEndpoint.Cli.Tests;

/// <summary>
/// Every <c>--json</c> output of the command line, for every kind of table the crawler makes, checked against Glue's
/// service model (botocore's service-2.json): the response shape of the Glue request that asks the same.
/// </summary>
public sealed class GlueModelConformanceTests(GlueModelConformanceTests.Lake lake) : IClassFixture<GlueModelConformanceTests.Lake>
{
    [Fact]
    public void The_glue_service_model_is_installed_where_debian_puts_it()
    {
        Assert.True(GlueServiceModel.Missing is null, GlueServiceModel.Missing);
    }

    [Fact]
    public void Every_json_output_conforms_to_the_shape_of_the_glue_response_that_answers_the_same_request()
    {
        var problems = lake.Outputs.SelectMany(o => GlueServiceModel.Problems(o.Json, o.Shape).Select(p => $"{o.Command}: {p}")).ToList();

        Assert.True(problems.Count == 0, $"{problems.Count} departures from Glue's model:\n{string.Join('\n', problems.Take(50))}");
    }

    [Fact]
    public void The_lake_has_every_kind_of_table_the_crawler_makes()
    {
        var classifications = lake.Tables.Select(t => t.GetProperty("Parameters").GetProperty("classification").GetString()).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(["app_log", "avro", "combined_apache", "csv", "json", "orc", "parquet", "sqlite", "xml"], classifications);
        Assert.Contains(lake.Tables, t => t.GetProperty("StorageDescriptor").GetProperty("SerdeInfo").GetProperty("Parameters").TryGetProperty("escapeChar", out _));
        Assert.Contains(lake.Tables, t => t.GetProperty("PartitionKeys").GetArrayLength() > 0);
        Assert.Contains(lake.Tables, t => t.GetProperty("Parameters").TryGetProperty("sharedFolderFiles", out _));
        Assert.Contains(lake.Outputs, o => o.Shape == "GetTableVersionsResponse" && o.Json.GetProperty("TableVersions").GetArrayLength() == 2);
    }

    [Fact]
    public void The_crawl_output_is_the_run_as_CrawlerHistory_and_CrawlerMetrics_beside_devendpoints_report()
    {
        foreach (var crawl in lake.Crawls)
        {
            Assert.Equal(["Crawl", "CrawlerMetrics", "Tables", "SkippedFiles", "Notices"], crawl.EnumerateObject().Select(p => p.Name));
        }
    }

    [Theory]
    [InlineData("bookmark", "status")]
    [InlineData("catalog", "check")]
    [InlineData("pii")]
    [InlineData("write")]
    public async Task A_command_glue_has_no_request_for_says_its_json_is_devendpoints_own(params string[] command)
    {
        var help = await DevEndpointCommand.RunAsync([.. command, "--help"]);

        Assert.Contains("Print JSON instead of text (DevEndpoint's own shape: Glue's API has no such request).", help.Output.ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.DoesNotContain("Glue's API shapes", help.Output, StringComparison.Ordinal);
    }

    /// <summary>A lake of every kind of table, crawled, with connections, classifiers and an ML transform; and every JSON output about it.</summary>
    public sealed class Lake : IAsyncLifetime
    {
        private readonly TempFolder temp = new();

        internal List<(string Command, string Shape, JsonElement Json)> Outputs { get; } = [];

        internal List<JsonElement> Crawls { get; } = [];

        internal List<JsonElement> Tables { get; } = [];

        public async Task InitializeAsync()
        {
            var root = temp.Combine("lake");
            Assert.Equal(0, (await DevEndpointCommand.RunAsync("sample-data", root)).ExitCode);
            WriteFiles(root);
            await RunAsync("classifier", "add", "app", "--type", "grok", "--classification", "app_log", "--grok-pattern", "%{TIMESTAMP_ISO8601:at} %{LOGLEVEL:level} %{GREEDYDATA:message}");
            await RunAsync("classifier", "add", "pipes", "--type", "csv", "--delimiter", "|", "--contains-header", "present");
            await RunAsync("classifier", "add", "records", "--type", "json", "--json-path", "$.records[*]");
            await RunAsync("classifier", "add", "books", "--type", "xml", "--classification", "library", "--row-tag", "book");
            await RunAsync("connection", "add", "shop", "--type", "postgres", "--url", "Host=127.0.0.1;Port=5432;Database=shop", "--user", "reader", "--password-env", "SHOP_PASSWORD");
            await RunAsync("connection", "add", "crm", "--type", "mysql", "--url", "Server=127.0.0.1;Port=3306;Database=crm", "--user", "app", "--password-env", "CRM_PASSWORD");
            await RunAsync("connection", "add", "objects", "--type", "s3", "--url", "http://127.0.0.1:4568", "--region", "eu-west-1");
            await RunAsync("connection", "add", "local", "--type", "sqlite", "--url", WriteDatabase());

            await CrawlAsync("crawl", root, "--database", "lake", "--classifier", "app", "--json");
            await CrawlAsync("crawl", "--connection", "local", "--include", "main/%", "--database", "shop", "--json");
            File.WriteAllText(Path.Combine(root, "tabs", "a.tsv"), "id\tname\tscore\n1\tx\t0.5\n2\ty\t1.5\n");
            await CrawlAsync("crawl", root, "--database", "lake", "--classifier", "app", "--json");
            await RunAsync("ml", "create", "dedupe", "--source", "lake.tabs", "--primary-key", "id");

            await CollectAsync("GetDatabasesResponse", "catalog", "databases", "--json");
            foreach (var database in new[] { "lake", "shop" })
            {
                var tables = await CollectAsync("GetTablesResponse", "catalog", "tables", database, "--json");
                foreach (var table in tables.GetProperty("TableList").EnumerateArray())
                {
                    Tables.Add(table);
                    var name = $"{database}.{table.GetProperty("Name").GetString()}";
                    await CollectAsync("GetTableResponse", "catalog", "table", name, "--json");
                    await CollectAsync("GetPartitionsResponse", "catalog", "partitions", name, "--json");
                    await CollectAsync("GetTableVersionsResponse", "catalog", "versions", name, "--json");
                }
            }

            await CollectAsync("ListCrawlsResponse", "catalog", "runs", "--json");
            await CollectAsync("ListCrawlsResponse", "catalog", "runs", "lake", "--json");
            await CollectAsync("GetConnectionsResponse", "connection", "list", "--json");
            await CollectAsync("GetClassifiersResponse", "classifier", "list", "--json");
            await CollectAsync("GetMLTransformsResponse", "ml", "list", "--json");
            await CollectAsync("GetMLTransformResponse", "ml", "show", "dedupe", "--json");
            RecordJobRuns(DataCatalog.Open(temp.Combine("catalog.db")));
            await CollectAsync("GetJobRunResponse", "job", "status", "run-1", "--json");
            await CollectAsync("GetJobRunResponse", "job", "status", "run-2", "--json");
            await CollectAsync("GetJobRunsResponse", "job", "list", "--json");
            await CollectAsync("GetJobRunsResponse", "job", "list", "--job", "nightly", "--json");
        }

        /// <summary>A run that succeeded on two workers and one whose process died (read as lost).</summary>
        private static void RecordJobRuns(DataCatalog catalog)
        {
            var now = DateTimeOffset.UtcNow;
            catalog.RecordJobRun(new JobRun
            {
                Id = "run-1",
                JobName = "nightly",
                StartedOn = now.AddSeconds(-12),
                LastModifiedOn = now,
                CompletedOn = now,
                JobRunState = JobRunStates.Succeeded,
                Arguments = new Dictionary<string, string> { ["--source"] = "lake.tabs", ["--bookmark"] = "nightly" },
                NumberOfWorkers = 2,
                Coordinator = "build-7:4242",
                Tasks = 3,
                TasksSucceeded = 3,
                TasksRetried = 1,
                TasksByWorker = new Dictionary<string, int> { ["w1"] = 2, ["w2"] = 1 },
            });
            catalog.RecordJobRun(new JobRun { Id = "run-2", JobName = "Cleaning.Drop", StartedOn = now.AddHours(-1), LastModifiedOn = now.AddHours(-1), JobRunState = JobRunStates.Running });
        }

        public Task DisposeAsync()
        {
            temp.Dispose();
            return Task.CompletedTask;
        }

        private static void WriteFiles(string root)
        {
            void Write(string path, string text)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, path))!);
                File.WriteAllText(Path.Combine(root, path), text);
            }

            Write("semis/a.csv", "id;note\n1;\"say \\\"hi\\\"; then go\"\n2;\"plain\"\n");
            Write("tabs/a.tsv", "id\tname\n1\tx\n2\ty\n");
            Write("pipes/a.txt", "id|name\n1|x\n2|y\n");
            Write("quoted/a.csv", "id,note\n1,\"say \"\"hi\"\", then go\"\n2,\"plain, quoted\"\n");
            Write("nested/a.json", "{\"id\":1,\"who\":{\"name\":\"a\",\"tags\":[\"x\",\"y\"]},\"at\":\"2024-01-31T10:30:05Z\"}\n{\"id\":2,\"who\":{\"name\":\"b\",\"tags\":[]},\"at\":\"2024-02-01T08:00:00Z\"}\n");
            Write("array/a.json", "[{\"id\":1,\"ok\":true},{\"id\":2,\"ok\":false}]");
            Write("records/a.json", "{\"records\":[{\"id\":1},{\"id\":2}]}");
            Write("books/a.xml", "<catalog><book><id>1</id><title>Dune</title></book><book><id>2</id><title>Emma</title></book></catalog>");
            Write("weblogs/access.log", string.Concat(Enumerable.Range(1, 3).Select(i => $"127.0.0.{i} - frank [10/Oct/2000:13:55:3{i} -0700] \"GET /a{i}.gif HTTP/1.0\" 200 232{i} \"http://example.com/\" \"Mozilla/4.08\"\n")));
            Write("applog/a.log", "2024-01-31T10:30:05Z ERROR disk full\n2024-01-31 10:31:00,123 INFO recovered\n");
            Write("events/day=2024-01-05/a.csv", "id,kind\n1,click\n");
            Write("events/day=/a.csv", "id,kind\n2,view\n");
            Write("mixed/a.csv", "id,name\n1,x\n");
            Write("mixed/b.json", "{\"code\":\"a\",\"n\":1}\n");
            Directory.CreateDirectory(Path.Combine(root, "avro"));
            File.Copy(Path.Combine(Corpora(), "arrow-testing", "data", "avro", "alltypes_plain.avro"), Path.Combine(root, "avro", "a.avro"));
            Directory.CreateDirectory(Path.Combine(root, "orc"));
            File.WriteAllBytes(
                Path.Combine(root, "orc", "a.orc"),
                DevEndpoint.Tests.Formats.Orc.OrcFiles.Build([new(12, [1, 2, 3], ["id", "name", "tags"]), new(3), new(7), new(10, [4]), new(7)], 10));

            // Glue's limits: a shared folder whose file list passes 512,000 characters, and a struct type string past 131,072.
            var longName = new string('f', 230);
            for (var i = 0; i < 2300; i++)
            {
                Write($"crowded/{longName}{i:0000}.csv", "id,name\n1,x\n");
            }

            Write("crowded/other.json", "{\"code\":\"a\",\"n\":1}\n");
            Write("wide/a.json", "{\"id\":1,\"wide\":{" + string.Join(',', Enumerable.Range(0, 5000).Select(i => $"\"field_with_a_long_name_{i:0000}\":{i}")) + "}}\n");
        }

        private string WriteDatabase()
        {
            var path = temp.Combine("shop.db");
            using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE orders (id INTEGER PRIMARY KEY, amount NUMERIC(10,2), note TEXT); INSERT INTO orders VALUES (1, 9.5, 'a'), (2, 3.25, NULL); CREATE VIEW big AS SELECT * FROM orders WHERE amount > 5;";
            command.ExecuteNonQuery();
            return path;
        }

        private static string Corpora()
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (Directory.Exists(Path.Combine(folder.FullName, "shared", "corpora")))
                {
                    return Path.Combine(folder.FullName, "shared", "corpora");
                }
            }

            Assert.Fail($"The test corpora were not found: no folder 'shared/corpora' in {AppContext.BaseDirectory} or above it.");
            return string.Empty;
        }

        private async Task CrawlAsync(params string[] args)
        {
            var crawl = Json(await RunAsync(args), args);
            Crawls.Add(crawl);
            Outputs.Add(($"devendpoint {string.Join(' ', args)} (Crawl)", "CrawlerHistory", crawl.GetProperty("Crawl")));
            Outputs.Add(($"devendpoint {string.Join(' ', args)} (CrawlerMetrics)", "CrawlerMetrics", crawl.GetProperty("CrawlerMetrics")));
        }

        private async Task<JsonElement> CollectAsync(string shape, params string[] args)
        {
            var json = Json(await RunAsync(args), args);
            Outputs.Add(($"devendpoint {string.Join(' ', args)}", shape, json));
            return json;
        }

        private static JsonElement Json(CliResult result, string[] args)
        {
            Assert.True(result.ExitCode == 0, $"devendpoint {string.Join(' ', args)} failed: {result.Error}");
            using var document = JsonDocument.Parse(result.Output);
            return document.RootElement.Clone();
        }

        private async Task<CliResult> RunAsync(params string[] args)
        {
            var result = await DevEndpointCommand.RunAsync([.. args, "--catalog", temp.Combine("catalog.db")]);
            Assert.True(result.ExitCode == 0, $"devendpoint {string.Join(' ', args)} failed: {result.Error}");
            return result;
        }
    }
}
