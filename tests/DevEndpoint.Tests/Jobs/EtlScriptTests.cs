using DevEndpoint.Catalog;
using DevEndpoint.Jobs;
using DevEndpoint.Transforms;
using DevEndpoint.Writing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DevEndpoint.Tests.Jobs;

public sealed class EtlScriptTests
{
    [Fact]
    public async Task The_script_maps_every_loaded_column_with_its_catalog_type_and_partitions_by_the_sources_keys()
    {
        using var lake = await CrawledSampleLake.CreateAsync();

        var orders = Generate(lake, "sales.orders", "out/orders_clean");
        var customers = Generate(lake, "sales.customers", "out/customers_flat");

        Assert.Equal(new TableName("sales", "orders_clean"), orders.TargetTable);
        Assert.Equal("sales_orders_clean", orders.Job);
        Assert.Equal(
            [
                new FieldMapping("order_id", "int", "order_id", "int"), new FieldMapping("customer_id", "int", "customer_id", "int"),
                new FieldMapping("order_date", "date", "order_date", "date"), new FieldMapping("amount", "decimal(10,2)", "amount", "decimal(10,2)"),
                new FieldMapping("status", "string", "status", "string"), new FieldMapping("note", "string", "note", "string"),
                new FieldMapping("year", "string", "year", "string"), new FieldMapping("month", "string", "month", "string"),
            ],
            orders.Mappings);
        Assert.Contains("    (\"amount\", \"decimal(10,2)\", \"amount\", \"decimal(10,2)\"),\n", orders.Code);
        Assert.Contains("        PartitionBy = new string[] { \"year\", \"month\" },\n", orders.Code);
        Assert.Contains($"var catalog = DataCatalog.Open(\"{lake.Catalog.Path}\");\n", orders.Code);
        Assert.Contains("var source = await new TableLoader(catalog).LoadAsync(\"sales.orders\", new LoadOptions { Bookmark = job });\n", orders.Code);
        Assert.Contains("var commit = new JobBookmarks(catalog).Commit(job);\n", orders.Code);
        Assert.Equal(
            ["customer_id int", "name string", "tier string", "signup_date date", "address.city string", "address.zip string", "tags string"],
            customers.Mappings.Select(m => $"{m.SourceName} {m.SourceType}"));
        Assert.Equal(["customer_id", "name", "tier", "signup_date", "address_city", "address_zip", "tags"], customers.Mappings.Select(m => m.TargetName));
        Assert.Contains("        PartitionBy = new string[] {  },\n", customers.Code);
        Assert.Empty(Errors(orders.Code));
    }

    [Fact]
    public async Task Options_name_the_job_the_target_table_the_format_and_the_partition_columns()
    {
        using var lake = await CrawledSampleLake.CreateAsync();

        var script = EtlScript.Generate(new EtlScriptOptions
        {
            Source = "sales.orders",
            Target = lake.Temp.Combine("out"),
            Format = WriteFormat.Json,
            PartitionBy = ["status"],
            TargetTable = "clean.orders",
            Job = "nightly",
            CatalogPath = lake.Catalog.Path,
        });

        Assert.Equal(("nightly", new TableName("clean", "orders")), (script.Job, script.TargetTable));
        Assert.Contains("var job = \"nightly\";\n", script.Code);
        Assert.Contains("        Format = WriteFormat.Json,\n", script.Code);
        Assert.Contains("        PartitionBy = new string[] { \"status\" },\n", script.Code);
        Assert.Contains("        CatalogTable = \"clean.orders\",\n", script.Code);
    }

    [Fact]
    public void Column_names_with_quotes_backslashes_braces_keywords_and_dots_give_valid_csharp_and_clean_unique_targets()
    {
        using var temp = new TempFolder();
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        string[] names = ["class", "say \"hi\"", "back\\slash", "{x}", "a.b", "a_b", "new\nline", "été", ""];
        catalog.Update(u =>
        {
            u.EnsureDatabase(new Database { Name = "odd" });
            u.PutTable(new CatalogTable
            {
                Name = "t",
                DatabaseName = "odd",
                StorageDescriptor = new StorageDescriptor { Location = temp.Path + "/", Columns = names.Select(n => new Column(n, "string")).ToList() },
            });
        });

        var script = EtlScript.Generate(new EtlScriptOptions { Source = "odd.t", Target = temp.Combine("out"), CatalogPath = catalog.Path });

        Assert.Empty(Errors(script.Code));
        Assert.Equal(names, script.Mappings.Select(m => m.SourceName));
        Assert.Equal(["class", "say__hi_", "back_slash", "_x_", "a_b", "a_b_2", "new_line", "_t_", "col8"], script.Mappings.Select(m => m.TargetName));
        Assert.Contains("    (\"new\\nline\", \"string\", \"new_line\", \"string\"),\n", script.Code);
    }

    [Fact]
    public async Task Save_writes_the_script_once_and_never_replaces_an_edited_one()
    {
        using var lake = await CrawledSampleLake.CreateAsync();
        var script = Generate(lake, "sales.orders", "out/orders_clean");
        var path = lake.Temp.Combine("scripts", "etl.cs");

        var saved = script.Save(path);
        var again = script.Save(path);
        File.AppendAllText(path, "// edited\n");
        var error = Assert.Throws<DevEndpointException>(() => script.Save(path));

        Assert.Equal(path, saved);
        Assert.Equal(path, again);
        Assert.Equal(script.Code + "// edited\n", File.ReadAllText(path));
        Assert.Equal($"The script file {path} already exists with other content, and it is kept as it is. Give another script file, or delete it first.", error.Message);
    }

    [Fact]
    public async Task A_job_name_that_is_not_valid_is_refused()
    {
        using var lake = await CrawledSampleLake.CreateAsync();

        var error = Assert.Throws<DevEndpointException>(
            () => EtlScript.Generate(new EtlScriptOptions { Source = "sales.orders", Target = lake.Temp.Combine("out"), Job = "my job", CatalogPath = lake.Catalog.Path }));

        Assert.Equal("'my job' is not a valid job name. Use 1 to 255 letters, digits, underscores, hyphens or dots, for example nightly_orders.", error.Message);
    }

    [Theory]
    [InlineData(WriteMode.Append)]
    [InlineData(WriteMode.Overwrite)]
    [InlineData(WriteMode.OverwriteTable)]
    public async Task The_generated_job_compiles_as_a_kernel_cell_without_a_warning(WriteMode mode)
    {
        using var lake = await CrawledSampleLake.CreateAsync();

        var script = EtlScript.Generate(new EtlScriptOptions { Source = "sales.orders", Target = lake.Temp.Combine("out"), Mode = mode, CatalogPath = lake.Catalog.Path });

        Assert.Empty(Compile(script.Code).Select(d => d.ToString()));
    }

    [Fact]
    public void The_compile_check_sees_the_warning_a_nullable_annotation_raises_in_a_kernel_cell()
    {
        var diagnostics = Compile("using DevEndpoint.Writing;\nWriteResult? written = null;\nwritten?.Files.Count");

        Assert.Equal(["CS8632"], diagnostics.Select(d => d.Id));
    }

    [Fact]
    public async Task An_overwriting_job_reads_the_whole_source_replaces_the_partitions_it_writes_and_says_what_it_replaced()
    {
        using var lake = await CrawledSampleLake.CreateAsync();

        var overwrite = EtlScript.Generate(new EtlScriptOptions { Source = "sales.orders", Target = lake.Temp.Combine("out"), Mode = WriteMode.Overwrite, CatalogPath = lake.Catalog.Path });
        var table = EtlScript.Generate(new EtlScriptOptions { Source = "sales.orders", Target = lake.Temp.Combine("out"), Mode = WriteMode.OverwriteTable, CatalogPath = lake.Catalog.Path });

        Assert.Equal(WriteMode.Overwrite, overwrite.Mode);
        Assert.Contains("var source = await new TableLoader(catalog).LoadAsync(\"sales.orders\");\n", overwrite.Code);
        Assert.DoesNotContain("Bookmark", overwrite.Code);
        Assert.Contains("        Mode = WriteMode.Overwrite,\n", overwrite.Code);
        Assert.Contains("{written?.RemovedSummary ?? \"Nothing was replaced.\"}", overwrite.Code);
        Assert.Contains("// Each run reads the whole source and replaces the target's partitions it writes; the partitions it does not write are kept.\n", overwrite.Code);
        Assert.Contains("        Mode = WriteMode.OverwriteTable,\n", table.Code);
        Assert.Contains("// Each run reads the whole source and replaces everything in the target folder and table.\n", table.Code);
    }

    [Fact]
    public async Task A_job_that_would_refuse_a_target_holding_files_is_refused()
    {
        using var lake = await CrawledSampleLake.CreateAsync();

        var error = Assert.Throws<DevEndpointException>(() => EtlScript.Generate(
            new EtlScriptOptions { Source = "sales.orders", Target = lake.Temp.Combine("out"), Mode = WriteMode.ErrorIfExists, CatalogPath = lake.Catalog.Path }));

        Assert.Equal(
            "A job runs again and again, so it cannot refuse a target that holds files. Use mode append (a bookmark makes each run add only new rows), overwrite (replace the partitions written) or overwrite-table (replace the whole target).",
            error.Message);
    }

    private static EtlScript Generate(CrawledSampleLake lake, string source, string target) =>
        EtlScript.Generate(new EtlScriptOptions { Source = source, Target = lake.Temp.Combine(target.Split('/')), CatalogPath = lake.Catalog.Path });

    /// <summary>
    /// The warnings and errors of <paramref name="code"/> compiled as a C# kernel compiles a cell: a script, the nullable
    /// context the compiler's default (disabled), and every assembly this test runs with referenced.
    /// </summary>
    private static List<Diagnostic> Compile(string code)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.CreateScriptCompilation(
            "job",
            CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(kind: SourceCodeKind.Script)),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, usings: ["System", "System.Collections.Generic", "System.Linq", "System.Threading.Tasks"]));
        return compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
    }

    /// <summary>The errors the C# compiler finds in the script's syntax.</summary>
    private static List<Diagnostic> Errors(string code) =>
        CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(kind: SourceCodeKind.Script))
            .GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .ToList();
}
