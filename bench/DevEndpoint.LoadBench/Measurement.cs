namespace DevEndpoint.LoadBench;

/// <summary>The runs of one reader: a warm-up run (not timed, it warms the page cache), then the timed runs.</summary>
internal sealed record Measurement(Runner Runner, Run? WarmUp, IReadOnlyList<Run> Runs, string? Failure)
{
    public TimeSpan MedianWall => Runs.Select(r => r.Wall).Order().ElementAt(Runs.Count / 2);

    public double MedianLoadMs => Runs.Select(r => r.LoadMs).Order().ElementAt(Runs.Count / 2);

    public long MedianPeakBytes => Runs.Select(r => r.PeakBytes).Order().ElementAt(Runs.Count / 2);

    public bool Succeeded => Failure is null;

    /// <summary>Runs <paramref name="runner"/>: a warm-up run with <paramref name="warmUpArgs"/>, then <paramref name="runs"/> timed runs.</summary>
    public static async Task<Measurement> TakeAsync(Runner runner, int runs, params string[] warmUpArgs)
    {
        Console.Write($"{runner.Format,-10} {runner.Reader,-18}");
        Run? warmUp = null;
        var timed = new List<Run>();
        try
        {
            warmUp = await Run.OfAsync(runner, warmUpArgs);
            for (var i = 0; i < runs; i++)
            {
                timed.Add(await Run.OfAsync(runner));
                Console.Write($" {timed[^1].Wall.TotalSeconds:0.00}s");
            }

            Console.WriteLine();
            return new Measurement(runner, warmUp, timed, null);
        }
        catch (RunFailedException e)
        {
            Console.WriteLine($" FAILED: {e.Message}");
            return new Measurement(runner, warmUp, timed, e.Message);
        }
    }
}
