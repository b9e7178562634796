using System.Text.Json.Nodes;
using DevEndpoint.Catalog;
using DevEndpoint.Cli.Tests;
using static DevEndpoint.Run.Tests.RunNotebookFile;

namespace DevEndpoint.Run.Tests;

public sealed class RunCommandTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public async Task A_job_cell_calls_transforms_without_a_using_line()
    {
        var notebook = Write(
            folder.Combine("job.ipynb"),
            Code("""
                var frame = new DataFrame(new Int32DataFrameColumn("id", new int?[] { 1, 2 }));
                var other = new DataFrame(new Int64DataFrameColumn("id", new long?[] { 2 }), new StringDataFrameColumn("name", new[] { "Bo" }));
                Console.WriteLine(frame.Join(other, "id", JoinType.Inner).Rows[0][1]);
                """));

        var result = await DevEndpointCommand.RunAsync("run", notebook);

        Assert.Equal(string.Empty, result.Error);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\nBo\n", result.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parameters_are_injected_after_the_parameters_cell_as_typed_literals()
    {
        var notebook = Write(
            folder.Combine("job.ipynb"),
            Markdown("# A job"),
            Code("int rows = 1;\nlong big = 2;\ndouble ratio = 0.5;\nbool flag = false;\nstring name = \"a\";\nvar region = \"eu\";", parameters: true),
            Code("Console.WriteLine($\"{rows.GetType().Name} {rows}|{big.GetType().Name} {big}|{ratio.GetType().Name} {ratio.ToString(System.Globalization.CultureInfo.InvariantCulture)}|{flag.GetType().Name} {flag}|{name.GetType().Name} [{name}]|{region}\");"));
        var executed = folder.Combine("out", "executed.ipynb");

        var result = await DevEndpointCommand.RunAsync(
            "run", notebook, "--param", "rows=42", "--param", "big=9000000000", "--param", "ratio=2.25", "--param", "flag=true",
            "--param", "name=say \"hi\" \\ C:\\temp\nnext", "--param", "region=west", "--output", executed);

        Assert.Equal(string.Empty, result.Error);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\nInt32 42|Int64 9000000000|Double 2.25|Boolean True|String [say \"hi\" \\ C:\\temp\nnext]|west\n", result.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var cells = Cells(executed);
        Assert.Equal(4, cells.Count);
        var injected = cells[2]!;
        Assert.Equal("injected-parameters", (string?)injected["metadata"]!["tags"]![0]);
        Assert.Equal(
            "// Parameters injected by devendpoint run\nrows = 42;\nbig = 9000000000L;\nratio = 2.25;\nflag = true;\nname = \"say \\\"hi\\\" \\\\ C:\\\\temp\\nnext\";\nregion = \"west\";\n",
            Source(injected));
        Assert.Equal(2, (int?)injected["execution_count"]);
        var output = Assert.Single(cells[3]!["outputs"]!.AsArray())!;
        Assert.Equal("stream", (string?)output["output_type"]);
        Assert.Equal("stdout", (string?)output["name"]);
        Assert.Equal("Int32 42|Int64 9000000000|Double 2.25|Boolean True|String [say \"hi\" \\ C:\\temp\nnext]|west\n", ((string?)output["text"])!.ReplaceLineEndings("\n"));
        Assert.Equal(3, (int?)cells[3]!["execution_count"]);
    }

    [Theory]
    [InlineData("rws=5", "error: --param rws: the parameters cell (cell 1) declares no variable 'rws'. Did you mean 'rows'? It declares: rows, start, name.")]
    [InlineData("rows=ten", "error: --param rows=ten: 'rows' is an int in the parameters cell (cell 1), and 'ten' is not an int.")]
    [InlineData("start=2024-01-01", "error: --param start: 'start' is declared as DateTime in the parameters cell (cell 1); devendpoint run passes int, long, double, bool and string parameters. Declare it as a string and convert it in the notebook.")]
    [InlineData("name", "error: --param 'name': expected name=value, where name is a C# variable of the parameters cell.")]
    public async Task A_parameter_the_cell_does_not_declare_or_of_the_wrong_type_exits_2_before_any_cell_runs(string parameter, string error)
    {
        var notebook = Write(
            folder.Combine("job.ipynb"),
            Code("int rows = 1;\nDateTime start = DateTime.Today;\nstring name = \"a\";", parameters: true),
            Code("Console.WriteLine(\"ran\");"));

        var result = await DevEndpointCommand.RunAsync("run", notebook, "--param", parameter);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Equal(error + "\n", result.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task A_parameter_for_a_notebook_without_a_parameters_cell_exits_2()
    {
        var notebook = Write(folder.Combine("job.ipynb"), Code("Console.WriteLine(\"ran\");"));

        var result = await DevEndpointCommand.RunAsync("run", notebook, "--param", "rows=5");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: --param rows: {notebook} has no cell tagged 'parameters' to declare its parameters (in a .dib: a C# cell whose first line is '// parameters').\n", result.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task The_first_failing_cell_stops_the_run_with_exit_code_1_naming_the_cell_and_the_notebook_keeps_its_error()
    {
        var notebook = Write(
            folder.Combine("job.ipynb"),
            Code("Console.WriteLine(\"before\");"),
            Markdown("Then it fails."),
            Code("// load the orders\nthrow new InvalidOperationException(\"boom\");"),
            Code("Console.WriteLine(\"after\");"));
        var executed = folder.Combine("executed.ipynb");
        var saved = Cells(notebook);
        saved[3]!["execution_count"] = 9;
        saved[3]!["outputs"]!.AsArray().Add(new JsonObject { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = "after, in an earlier run\n" });
        Write(notebook, [.. saved.Select(c => c!.DeepClone().AsObject())]);

        var result = await DevEndpointCommand.RunAsync("run", notebook, "--output", executed);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: cell 3 ('// load the orders') failed: System.InvalidOperationException: boom\n", result.Error.ReplaceLineEndings("\n"));
        Assert.Contains("[cell 1] Console.WriteLine(\"before\");\nbefore\n[cell 3] // load the orders\n", result.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("after", result.Output, StringComparison.Ordinal);
        var cells = Cells(executed);
        var error = Assert.Single(cells[2]!["outputs"]!.AsArray())!;
        Assert.Equal("error", (string?)error["output_type"]);
        Assert.StartsWith("System.InvalidOperationException: boom", (string?)error["evalue"], StringComparison.Ordinal);
        Assert.Null(cells[3]!["execution_count"]);
        Assert.Empty(cells[3]!["outputs"]!.AsArray());
    }

    [Fact]
    public async Task A_cell_that_does_not_compile_fails_with_the_compiler_error()
    {
        var notebook = Write(folder.Combine("job.ipynb"), Code("int x = \"s\";"));

        var result = await DevEndpointCommand.RunAsync("run", notebook);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: cell 1 ('int x = \"s\";') failed: (1,9): error CS0029: Cannot implicitly convert type 'string' to 'int'\n", result.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task A_dib_file_runs_its_csharp_cells_with_parameters_and_skips_markdown()
    {
        var notebook = folder.Write(
            "job.dib",
            "#!meta\n\n{\"kernelInfo\":{\"defaultKernelName\":\"csharp\",\"items\":[{\"aliases\":[],\"name\":\"csharp\"}]}}\n\n"
            + "#!markdown\n\n# Not code\n\n#!csharp\n\n// parameters\nvar factor = 2;\n\n#!csharp\n\nConsole.WriteLine($\"answer {21 * factor}\");\n");
        var executed = folder.Combine("job.ipynb");

        var result = await DevEndpointCommand.RunAsync("run", notebook, "--param", "factor=3", "--output", executed);

        Assert.Equal(string.Empty, result.Error);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("[cell 2] // parameters\n[injected-parameters] // Parameters injected by devendpoint run\n[cell 3] Console.WriteLine($\"answer {21 * factor}\");\nanswer 63\n", result.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("Not code", result.Output, StringComparison.Ordinal);
        var cells = Cells(executed);
        Assert.Equal(["markdown", "code", "code", "code"], cells.Select(c => (string?)c!["cell_type"]));
        Assert.Equal("// Parameters injected by devendpoint run\nfactor = 3;\n", Source(cells[2]!));
        Assert.Equal("answer 63\n", (string?)cells[3]!["outputs"]![0]!["text"]);
    }

    [Fact]
    public async Task A_notebook_crawls_and_loads_a_folder_next_to_it_into_the_catalog_given()
    {
        folder.Write("job/raw/orders/part-1.csv", "order_id,amount\n1,10.5\n2,20\n3,7.25\n");
        var notebook = Write(
            folder.Combine("job", "etl.ipynb"),
            Code("#i \"nuget:../artifacts/packages\"\n#r \"nuget:DevEndpoint.Interactive,*-*\""),
            Code("#!crawl raw --database raw"),
            Code("#!load raw.orders --as orders"),
            Code("Console.WriteLine($\"rows: {orders.Rows.Count}, sum: {orders[\"amount\"].Sum()}\");"));
        var catalog = folder.Combine("catalog.db");
        var executed = folder.Combine("executed.ipynb");

        var result = await DevEndpointCommand.RunAsync("run", notebook, "--catalog", catalog, "--output", executed);

        Assert.Equal(string.Empty, result.Error);
        Assert.Equal(0, result.ExitCode);
        var output = result.Output.ReplaceLineEndings("\n");
        Assert.StartsWith($"DevEndpoint is ready: ", output, StringComparison.Ordinal);
        Assert.Contains($"Catalog: {catalog}\n", output, StringComparison.Ordinal);
        Assert.Contains("(left out: #i \"nuget:../artifacts/packages\")\n(left out: #r \"nuget:DevEndpoint.Interactive,*-*\")\n", output, StringComparison.Ordinal);
        Assert.Contains("\nrows: 3, sum: 37.75\n", output, StringComparison.Ordinal);
        Assert.Matches($@"\nRan 4 code cells of .*etl\.ipynb in [0-9.]+ s\. Executed notebook: {System.Text.RegularExpressions.Regex.Escape(executed)}\n$", output);
        Assert.Equal(["orders"], DataCatalog.Open(catalog).GetTables("raw").Select(t => t.Name));
        var loaded = Assert.Single(Cells(executed)[0]!["outputs"]!.AsArray())!;
        Assert.StartsWith("DevEndpoint is ready: ", (string?)loaded["data"]!["text/plain"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_notebook_shows_a_frame_as_an_html_table_and_prints_it_and_the_magics_tables_with_iso_dates_and_separated_columns()
    {
        folder.Write("show/raw/matches/part-1.csv", "Date,HomeTeam,FTHG\n2000-09-30,Bari,1\n2000-10-01,Roma,12\n");
        var notebook = Write(
            folder.Combine("show", "show.ipynb"),
            Code("#!crawl raw --database raw"),
            Code("#!load raw.matches --as matches"),
            Code("matches"));
        var executed = folder.Combine("show-executed.ipynb");

        var result = await DevEndpointCommand.RunAsync("run", notebook, "--catalog", folder.Combine("show.db"), "--output", executed);

        Assert.Equal(0, result.ExitCode);
        var output = result.Output.ReplaceLineEndings("\n");
        Assert.Contains(
            "\n[cell 3] matches\ndate       | hometeam | fthg\n-----------+----------+-----\n2000-09-30 | Bari     |    1\n2000-10-01 | Roma     |   12\n2 rows x 3 columns.\nRan 3 code cells",
            output,
            StringComparison.Ordinal);
        Assert.Contains(
            "table   | change  | classification | columns | partitions | partitions added | files | records\n"
                + "--------+---------+----------------+---------+------------+------------------+-------+--------\n"
                + "matches | created | csv            |       3 |          0 |                0 |     1 |       2\n",
            output,
            StringComparison.Ordinal);
        var shown = Assert.Single(Cells(executed)[2]!["outputs"]!.AsArray())!;
        Assert.Equal("execute_result", (string?)shown["output_type"]);
        Assert.Contains(
            "<tr><td style=\"text-align:left\">2000-09-30</td><td style=\"text-align:left\">Bari</td><td style=\"text-align:right\">1</td></tr>",
            (string?)shown["data"]!["text/html"],
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Libraries_are_attached_before_the_first_cell_and_their_nuget_lines_are_left_out()
    {
        var library = folder.Write("libs/Greeter.cs", "namespace Acme;\n\npublic static class Greeter\n{\n    public static string Hello(string name) => $\"hello {name}\";\n}\n");
        var notebook = Write(
            folder.Combine("job.ipynb"),
            Code("#r \"nuget:Humanizer.Core,2.14.1\"\nusing Humanizer;\nConsole.WriteLine(Acme.Greeter.Hello(\"order_lines\".Humanize()));"));

        var result = await DevEndpointCommand.RunAsync(
            ["run", notebook, "--libraries", library, "--libraries", "nuget:Humanizer.Core,2.14.1"],
            new Dictionary<string, string> { [DevEndpointHome.PathVariable] = folder.Combine("home") });

        Assert.Equal(string.Empty, result.Error);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("(left out: #r \"nuget:Humanizer.Core,2.14.1\")\nhello order lines\n", result.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_package_that_run_cannot_restore_fails_its_cell_saying_how_to_attach_it()
    {
        var notebook = Write(folder.Combine("job.ipynb"), Code("#r \"nuget:Humanizer.Core,2.14.1\""));

        var result = await DevEndpointCommand.RunAsync("run", notebook);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "error: cell 1 ('#r \"nuget:Humanizer.Core,2.14.1\"') failed: devendpoint run cannot restore NuGet packages (#r \"nuget:Humanizer.Core,2.14.1\"). Attach the package with --libraries nuget:Humanizer.Core,<version> (from the NuGet packages folder, where a restore puts it) and the line is left out.\n",
            result.Error.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("missing.ipynb", "{0}: no such file.")]
    [InlineData("notes.txt", "{0}: devendpoint run executes Jupyter notebooks (.ipynb) and Polyglot Notebooks files (.dib), not '.txt' files.")]
    [InlineData("old.ipynb", "{0}: is not an nbformat 4 notebook (it needs \"nbformat\": 4 and a \"cells\" array); open and save it in Jupyter to upgrade it.")]
    public async Task A_notebook_that_cannot_be_read_exits_3(string name, string error)
    {
        folder.Write("notes.txt", "text");
        folder.Write("old.ipynb", "{\"nbformat\": 3, \"worksheets\": []}");
        var path = folder.Combine(name);

        var result = await DevEndpointCommand.RunAsync("run", path);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("error: " + string.Format(System.Globalization.CultureInfo.InvariantCulture, error, path) + "\n", result.Error.ReplaceLineEndings("\n"));
    }

    public void Dispose() => folder.Dispose();
}
