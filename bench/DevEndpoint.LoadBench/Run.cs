using System.Text.Json;
using DevEndpoint.Bench;

namespace DevEndpoint.LoadBench;

/// <summary>What a process took from start to exit, and the JSON line it printed last.</summary>
internal sealed record Run(TimeSpan Wall, JsonElement Report)
{
    public double LoadMs => Report.GetProperty("elapsedMs").GetDouble();

    public long PeakBytes => Report.GetProperty("peakWorkingSetBytes").GetInt64();

    public long Rows => Report.GetProperty("rows").GetInt64();

    /// <summary>Runs <paramref name="runner"/> once, with <paramref name="extraArgs"/>; fails with <see cref="WholeProcessFailedException"/>.</summary>
    public static async Task<Run> OfAsync(Runner runner, params string[] extraArgs)
    {
        var process = await WholeProcess.RunAsync([runner.Dll, .. runner.Args, .. extraArgs]);
        var last = process.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last();
        using var json = JsonDocument.Parse(last);
        return new Run(process.Wall, json.RootElement.Clone());
    }
}
