using System.Diagnostics;
using System.Globalization;

namespace DevEndpoint.Bench;

/// <summary>
/// One run of a command as a process of its own: its wall time, its CPU time (user and system), its peak resident memory
/// and its output. On a busy machine the CPU time is the steadier figure.
/// </summary>
internal sealed record WholeProcess(TimeSpan Wall, TimeSpan? Cpu, long? PeakBytes, string Output)
{
    private const string Time = "/usr/bin/time";

    /// <summary>
    /// Runs <c>dotnet <paramref name="args"/></c> (or, when the first argument is not a <c>.dll</c>, that program itself,
    /// such as the command <c>./build.sh cli</c> installs), under <c>/usr/bin/time</c> when the machine has it (for the peak
    /// resident memory and the CPU time), and fails (<see cref="WholeProcessFailedException"/>) with its exit code and first
    /// error line when it exits with an error.
    /// </summary>
    public static async Task<WholeProcess> RunAsync(params string[] args)
    {
        var peakFile = Path.GetTempFileName();
        try
        {
            var timed = File.Exists(Time);
            string[] command = args[0].EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? ["dotnet", .. args] : args;
            var start = new ProcessStartInfo(timed ? Time : command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in (timed ? ["-f", "%M %U %S", "-o", peakFile] : Array.Empty<string>()).Concat(timed ? command : command[1..]))
            {
                start.ArgumentList.Add(arg);
            }

            var stopwatch = Stopwatch.StartNew();
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {command[0]}.");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var wall = stopwatch.Elapsed;
            if (process.ExitCode != 0)
            {
                var firstError = (await error).Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "no message";
                throw new WholeProcessFailedException($"exit code {process.ExitCode}: {firstError.Trim()}");
            }

            var measured = timed ? (await File.ReadAllTextAsync(peakFile)).Trim().Split(' ') : [];
            return measured.Length == 3
                && long.TryParse(measured[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kib)
                && double.TryParse(measured[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var user)
                && double.TryParse(measured[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var system)
                ? new WholeProcess(wall, TimeSpan.FromSeconds(user + system), kib * 1024, await output)
                : new WholeProcess(wall, null, null, await output);
        }
        finally
        {
            File.Delete(peakFile);
        }
    }
}

/// <summary>A process that exited with an error: its exit code and first error line.</summary>
internal sealed class WholeProcessFailedException(string message) : Exception(message);
