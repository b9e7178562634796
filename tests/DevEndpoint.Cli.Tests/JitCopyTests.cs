using System.Text.Json;
using DevEndpoint.Commands;

namespace DevEndpoint.Cli.Tests;

public sealed class JitCopyTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void The_commands_that_train_or_score_with_ml_net_are_the_ones_described_as_needing_dynamic_code()
    {
        Assert.Equal(
            ["ml labeling-set", "ml evaluate", "ml find-matches"],
            CommandDescriptions.All.Where(d => d.NeedsDynamicCode).Select(d => d.Name));
    }

    [Theory]
    [InlineData("ml evaluate people", true)]
    [InlineData("ml find-matches people --output m.csv", true)]
    [InlineData("ml labeling-set people --output l.csv", true)]
    [InlineData("ml create people --source crm.people --primary-key id", false)]
    [InlineData("ml import-labels people --input l.csv", false)]
    [InlineData("ml list", false)]
    [InlineData("catalog tables crm", false)]
    [InlineData("sql x", false)]
    public void Only_a_process_without_dynamic_code_hands_such_a_command_over(string line, bool needsDynamicCode)
    {
        var parse = CliApp.Root(TextWriter.Null).Parse(line.Split(' '));

        Assert.Empty(parse.Errors);
        Assert.Equal(needsDynamicCode, JitCopy.HandsOver(parse, dynamicCodeSupported: false));
        Assert.False(JitCopy.HandsOver(parse, dynamicCodeSupported: true));
    }

    [Fact]
    public async Task The_jit_copy_runs_the_command_with_the_same_arguments_and_its_output_and_exit_code_come_back()
    {
        temp.Write("lake/people/people.csv", PeopleTable.Csv.ReplaceLineEndings("\n") + "\n");
        Assert.Equal(0, (await RunAsync("crawl", temp.Combine("lake"), "--database", "crm")).ExitCode);
        Assert.Equal(0, (await RunAsync("ml", "create", "people", "--source", "crm.people", "--primary-key", "id")).ExitCode);
        for (var round = 1; round <= 2; round++)
        {
            var file = temp.Combine($"round{round}.csv");
            Assert.Equal(0, (await RunAsync("ml", "labeling-set", "people", "--output", file)).ExitCode);
            var lines = File.ReadAllLines(file);
            File.WriteAllLines(file, [lines[0], .. lines.Skip(1).Select(l => l.Split(',')).Select(f => string.Join(',', [f[0], PeopleTable.EntityOf(f[2]), .. f[2..]]))]);
            Assert.Equal(0, (await RunAsync("ml", "import-labels", "people", "--input", file)).ExitCode);
        }

        var evaluate = await HandOverAsync("ml", "evaluate", "people", "--json");
        var refused = await HandOverAsync("ml", "find-matches", "nobody", "--output", temp.Combine("m.csv"));

        Assert.Equal((0, string.Empty), (evaluate.ExitCode, evaluate.Error));
        Assert.InRange(JsonDocument.Parse(evaluate.Output).RootElement.GetProperty("FindMatchesMetrics").GetProperty("F1").GetDouble(), 0, 1);
        var direct = await RunAsync("ml", "find-matches", "nobody", "--output", temp.Combine("m.csv"));
        Assert.Equal((1, direct.Output, direct.Error), (refused.ExitCode, refused.Output, refused.Error));
        Assert.StartsWith("error: ", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_jit_copy_is_an_error_that_says_to_reinstall()
    {
        var missing = temp.Combine("jit", "DevEndpoint.Cli.dll");

        var error = await Assert.ThrowsAsync<DevEndpointException>(
            () => JitCopy.RunAsync("devendpoint ml evaluate", missing, ["ml", "evaluate", "people"], TextWriter.Null, TextWriter.Null));

        Assert.Equal(
            $"devendpoint ml evaluate trains or scores with ML.NET, which needs code generated at run time: this devendpoint, compiled ahead of time, hands it to the copy of the command for the JIT beside it, and {missing} is missing. Reinstall the command with ./build.sh cli, which publishes that copy into its 'jit' folder.",
            error.Message);
    }

    private async Task<CliResult> HandOverAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await JitCopy.RunAsync($"devendpoint {args[0]} {args[1]}", DevEndpointCommand.DllPath, [.. args, "--catalog", temp.Combine("catalog.db")], output, error);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    private Task<CliResult> RunAsync(params string[] args) => DevEndpointCommand.RunAsync([.. args, "--catalog", temp.Combine("catalog.db")]);
}
