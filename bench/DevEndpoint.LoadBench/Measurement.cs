using DevEndpoint.Bench;
namespace DevEndpoint.LoadBench;

/// <summary>
/// The runs of one reader: a warm-up run (not timed; it warms the page cache), then the timed runs. Readers run in
/// rounds, each once per round, so that a busy moment of the (shared) machine does not fall on one reader only.
/// </summary>
internal sealed class Measurement(Runner runner)
{
    private readonly List<Run> runs = [];

    public Runner Runner => runner;

    public Run? WarmUp { get; private set; }

    public IReadOnlyList<Run> Runs => runs;

    public string? Failure { get; private set; }

    public bool Succeeded => Failure is null;

    public TimeSpan MedianWall => Median(runs.Select(r => r.Wall));

    public double MedianLoadMs => Median(runs.Select(r => r.LoadMs));

    public long MedianPeakBytes => Median(runs.Select(r => r.PeakBytes));

    /// <summary>A warm-up round, then <paramref name="rounds"/> timed rounds of every runner; a runner that fails runs no more.</summary>
    public static async Task<IReadOnlyList<Measurement>> TakeAsync(IReadOnlyList<Runner> runners, int rounds)
    {
        var measurements = runners.Select(r => new Measurement(r)).ToList();
        for (var round = 0; round <= rounds; round++)
        {
            Console.WriteLine(round == 0 ? "Warm-up round (not timed):" : $"Round {round} of {rounds}:");
            foreach (var measurement in measurements.Where(m => m.Succeeded))
            {
                Console.Write($"  {measurement.Runner.Format,-10} {measurement.Runner.Reader,-18}");
                try
                {
                    var run = await Run.OfAsync(measurement.Runner, round == 0 ? [.. measurement.Runner.WarmUpArgs] : []);
                    if (round == 0)
                    {
                        measurement.WarmUp = run;
                    }
                    else
                    {
                        measurement.runs.Add(run);
                    }

                    Console.WriteLine($" {run.Wall.TotalSeconds,7:0.00} s");
                }
                catch (WholeProcessFailedException e)
                {
                    measurement.Failure = e.Message;
                    Console.WriteLine($" FAILED: {e.Message}");
                }
            }
        }

        return measurements;
    }

    private static T Median<T>(IEnumerable<T> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
