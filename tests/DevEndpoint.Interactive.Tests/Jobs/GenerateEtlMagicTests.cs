using DevEndpoint.Catalog;
using DevEndpoint.Jobs;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;

namespace DevEndpoint.Interactive.Tests.Jobs;

public sealed class GenerateEtlMagicTests
{
    [Fact]
    public async Task The_generated_job_compiles_and_runs_in_the_csharp_kernel_and_a_second_run_reads_only_new_files()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();
        var target = Path.Combine(fixture.Folder, "out", "orders_clean");
        var scriptFile = Path.Combine(fixture.Folder, "etl.cs");

        var generate = await fixture.MagicAsync($"#!generate-etl --source sales.orders --target {target} --script-file {scriptFile}");
        KernelFixture.AssertSucceeded(generate);
        var code = File.ReadAllText(scriptFile);
        var firstRun = KernelFixture.ReturnValue(await fixture.SubmitAsync(code));
        File.Copy(
            Path.Combine(fixture.Lake, "orders", "year=2024", "month=01", "part-0000.csv"),
            Path.Combine(fixture.Lake, "orders", "year=2024", "month=02", "part-0001.csv"));
        var secondRun = KernelFixture.ReturnValue(await fixture.SubmitAsync(code));
        var thirdRun = KernelFixture.ReturnValue(await fixture.SubmitAsync(code));
        var load = await fixture.MagicAsync("#!load sales.orders_clean --as clean");

        Assert.Contains(
            $"ETL job sales_orders_clean: sales.orders -&gt; sales.orders_clean in {target}, 8 columns mapped. Written to {scriptFile}; copy it into a new C# cell",
            KernelFixture.Html(generate));
        Assert.Contains($"<pre><code class=\"language-csharp\">{System.Net.WebUtility.HtmlEncode(code)}</code></pre>", KernelFixture.Html(generate));
        Assert.Equal("Run 1 of sales_orders_clean: 200 rows from 5 new files, 5 files written to sales.orders_clean.", firstRun);
        Assert.Equal("Run 2 of sales_orders_clean: 40 rows from 1 new files, 1 files written to sales.orders_clean.", secondRun);
        Assert.Equal("Run 3 of sales_orders_clean: 0 rows from 0 new files, 0 files written to nothing.", thirdRun);
        var table = DataCatalog.Open(fixture.CatalogPath).GetTable(new TableName("sales", "orders_clean"));
        Assert.Equal(["year", "month"], table.PartitionKeys.Select(k => k.Name));
        Assert.Equal("parquet", table.Parameter("classification"));
        Assert.Equal("240", table.Parameter("recordCount"));
        Assert.Equal(6, Directory.GetFiles(target, "*.parquet", SearchOption.AllDirectories).Length);
        KernelFixture.AssertSucceeded(load);
        Assert.True(fixture.CSharp.TryGetValue<DataFrame>("clean", out var clean));
        Assert.Equal(240, clean.Rows.Count);
        Assert.Equal(["order_id", "customer_id", "order_date", "amount", "status", "note", "year", "month"], clean.Columns.Select(c => c.Name));
        Assert.Equal(typeof(decimal), clean["amount"].DataType);
    }

    [Fact]
    public async Task In_polyglot_notebooks_the_job_is_sent_to_the_frontend_as_a_new_cell()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();
        var frontend = new FrontendKernel();
        fixture.Kernel.Add(frontend);
        var target = Path.Combine(fixture.Folder, "out", "products_csv");
        var scriptFile = Path.Combine(fixture.Folder, "products.cs");

        var submit = new SubmitCode($"#!generate-etl sales.products --target {target} --format csv --job products_daily --script-file {scriptFile} --catalog {fixture.CatalogPath}");
        submit.Parameters["cellIndex"] = "3";

        var generate = await fixture.Kernel.SendAsync(submit);

        KernelFixture.AssertSucceeded(generate);
        var cell = Assert.Single(frontend.Cells);
        Assert.Equal("csharp", cell.KernelName);
        Assert.Equal(4, cell.InsertAtPosition);
        var expected = EtlScript.Generate(new EtlScriptOptions
        {
            Source = "sales.products",
            Target = target,
            Format = Writing.WriteFormat.Csv,
            Job = "products_daily",
            CatalogPath = fixture.CatalogPath,
        });
        Assert.Equal(expected.Code, cell.Code);
        Assert.Contains($"Inserted ETL job products_daily as a new cell below: sales.products -&gt; sales.products_csv in {target}", KernelFixture.Html(generate));
        Assert.False(File.Exists(scriptFile));
    }

    [Fact]
    public async Task A_job_for_columns_with_spaces_keywords_quotes_and_nested_fields_is_valid_csharp_that_runs()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        var lake = Path.Combine(fixture.Folder, "odd");
        Directory.CreateDirectory(Path.Combine(lake, "people"));
        Directory.CreateDirectory(Path.Combine(lake, "events"));
        File.WriteAllText(Path.Combine(lake, "people", "a.csv"), "id,Order Date,class,\"say \"\"hi\"\"\",back\\slash,{x}\n1,2024-01-02,a,b,c,d\n2,2024-01-03,e,f,g,h\n");
        File.WriteAllText(Path.Combine(lake, "events", "a.json"), "{\"id\":1,\"a\":{\"b\":10,\"c\":{\"d\":\"x\"}},\"tags\":[\"t\"]}\n{\"id\":2,\"a\":{\"b\":20,\"c\":{\"d\":\"y\"}},\"tags\":[]}\n");
        KernelFixture.AssertSucceeded(await fixture.MagicAsync($"#!crawl {lake} --database odd"));
        var scripts = Path.Combine(fixture.Folder, "scripts");

        KernelFixture.AssertSucceeded(await fixture.MagicAsync($"#!generate-etl odd.people --target {Path.Combine(fixture.Folder, "out", "people_clean")} --script-file {Path.Combine(scripts, "people.cs")}"));
        KernelFixture.AssertSucceeded(await fixture.MagicAsync($"#!generate-etl odd.events --target {Path.Combine(fixture.Folder, "out", "events_clean")} --script-file {Path.Combine(scripts, "events.cs")}"));
        var people = File.ReadAllText(Path.Combine(scripts, "people.cs"));
        var events = File.ReadAllText(Path.Combine(scripts, "events.cs"));
        var peopleRun = KernelFixture.ReturnValue(await fixture.SubmitAsync(people));
        var eventsRun = KernelFixture.ReturnValue(await fixture.SubmitAsync(events));

        Assert.Contains("    (\"say \\\"hi\\\"\", \"string\", \"say__hi_\", \"string\"),", people);
        Assert.Contains("    (\"back\\\\slash\", \"string\", \"back_slash\", \"string\"),", people);
        Assert.Contains("    (\"{x}\", \"string\", \"_x_\", \"string\"))", people);
        Assert.Contains("    (\"a.c.d\", \"string\", \"a_c_d\", \"string\"),", events);
        Assert.Equal("Run 1 of odd_people_clean: 2 rows from 1 new files, 1 files written to odd.people_clean.", peopleRun);
        Assert.Equal("Run 1 of odd_events_clean: 2 rows from 1 new files, 1 files written to odd.events_clean.", eventsRun);
        var catalog = DataCatalog.Open(fixture.CatalogPath);
        Assert.Equal(
            ["id", "order_date", "class", "say__hi_", "back_slash", "_x_"],
            catalog.GetTable(new TableName("odd", "people_clean")).StorageDescriptor.Columns.Select(c => c.Name));
        Assert.Equal(["id", "a_b", "a_c_d", "tags"], catalog.GetTable(new TableName("odd", "events_clean")).StorageDescriptor.Columns.Select(c => c.Name));
    }

    [Fact]
    public async Task An_overwriting_job_runs_without_a_warning_replaces_only_the_partitions_it_writes_and_says_which()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();
        var target = Path.Combine(fixture.Folder, "out", "orders_clean");
        var scriptFile = Path.Combine(fixture.Folder, "etl.cs");
        KernelFixture.AssertSucceeded(await fixture.MagicAsync($"#!generate-etl --source sales.orders --target {target} --mode overwrite --partition-by year --script-file {scriptFile}"));
        var code = File.ReadAllText(scriptFile);

        var firstRun = await fixture.SubmitAsync(code);
        Directory.CreateDirectory(Path.Combine(target, "year=1999"));
        File.WriteAllText(Path.Combine(target, "year=1999", "kept.txt"), "a partition this job does not write");
        var secondRun = await fixture.SubmitAsync(code);

        Assert.Empty(firstRun.Events.OfType<DiagnosticsProduced>().SelectMany(d => d.Diagnostics).Select(d => d.ToString()));
        Assert.Equal("sales_orders_clean: 200 rows from 5 files, 2 files written to sales.orders_clean. Nothing was replaced.", KernelFixture.ReturnValue(firstRun));
        Assert.Equal(
            "sales_orders_clean: 200 rows from 5 files, 2 files written to sales.orders_clean. "
            + "Replaced 2 partitions, deleting their 2 earlier files: year=2023 (1 files), year=2024 (1 files). The partitions not written are kept.",
            KernelFixture.ReturnValue(secondRun));
        Assert.True(File.Exists(Path.Combine(target, "year=1999", "kept.txt")));
        Assert.Equal("200", DataCatalog.Open(fixture.CatalogPath).GetTable(new TableName("sales", "orders_clean")).Parameter("recordCount"));
    }

    [Fact]
    public async Task Generate_errors_name_what_is_wrong()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();
        var scriptFile = Path.Combine(fixture.Folder, "etl.cs");
        File.WriteAllText(scriptFile, "// my edited job\n");

        var unknownTable = await fixture.MagicAsync($"#!generate-etl sales.order --target {Path.Combine(fixture.Folder, "out")}");
        var partition = await fixture.MagicAsync($"#!generate-etl sales.orders --target {Path.Combine(fixture.Folder, "out")} --partition-by yeer");
        var sameTable = await fixture.MagicAsync($"#!generate-etl sales.orders --target {Path.Combine(fixture.Folder, "orders")}");
        var existing = await fixture.MagicAsync($"#!generate-etl sales.orders --target {Path.Combine(fixture.Folder, "out")} --script-file {scriptFile}");
        var format = await fixture.MagicAsync($"#!generate-etl sales.orders --target {Path.Combine(fixture.Folder, "out")} --format avro");

        Assert.Equal($"Table 'sales.order' does not exist in the catalog {fixture.CatalogPath}. Did you mean 'sales.orders'?", KernelFixture.Failure(unknownTable));
        Assert.Equal(
            "Cannot partition the job's output by 'yeer': it is not one of the target columns. Did you mean 'year'? Target columns: order_id, customer_id, order_date, amount, status, note, year, month.",
            KernelFixture.Failure(partition));
        Assert.Equal(
            "The target table would be the source table sales.orders (it is named after the target folder). Name another target table, as <database>.<table>.",
            KernelFixture.Failure(sameTable));
        Assert.Equal(
            $"The script file {scriptFile} already exists with other content, and it is kept as it is. Give another script file, or delete it first.",
            KernelFixture.Failure(existing));
        Assert.Equal("// my edited job\n", File.ReadAllText(scriptFile));
        Assert.Equal("Unknown format 'avro'. Use parquet, csv, json (JSON lines) or delta (a Delta Lake table).", KernelFixture.Failure(format));
    }
}
