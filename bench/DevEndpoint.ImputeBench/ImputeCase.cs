using Microsoft.Data.Analysis;

namespace DevEndpoint.ImputeBench;

/// <summary>A frame, the column whose values are hidden, and where it comes from.</summary>
internal sealed record ImputeCase(string Name, string Source, DataFrame Frame, string Column);

/// <summary>The generated sets: relations known by construction, with noise.</summary>
internal static class GeneratedCases
{
    public static IEnumerable<ImputeCase> All(int rows, int seed)
    {
        yield return Linear(rows, seed);
        yield return SineByRegion(rows, seed);
        yield return Segments(rows, seed);
    }

    /// <summary>y = 3x + noise; z is unrelated.</summary>
    private static ImputeCase Linear(int rows, int seed)
    {
        var random = new Random(seed);
        var x = Enumerable.Range(0, rows).Select(_ => random.NextDouble() * 10).ToArray();
        var z = Enumerable.Range(0, rows).Select(_ => random.NextDouble() * 10).ToArray();
        var y = x.Select(v => (3 * v) + Normal(random)).ToArray();
        return new("linear", "y = 3x + N(0,1), z unrelated", Frame(("x", x), ("z", z), ("y", y)), "y");
    }

    /// <summary>y = 10 sin(x) + a region's offset + noise: a curve and a category.</summary>
    private static ImputeCase SineByRegion(int rows, int seed)
    {
        var random = new Random(seed + 1);
        string[] regions = ["north", "south", "east", "west"];
        var x = Enumerable.Range(0, rows).Select(_ => random.NextDouble() * 6).ToArray();
        var region = Enumerable.Range(0, rows).Select(_ => regions[random.Next(regions.Length)]).ToArray();
        var y = x.Select((v, i) => (10 * Math.Sin(v)) + (5 * Array.IndexOf(regions, region[i])) + Normal(random)).ToArray();
        var frame = Frame(("x", x), ("y", y));
        frame.Columns.Insert(1, new StringDataFrameColumn("region", region));
        return new("sine-by-region", "y = 10 sin(x) + 5 * region index + N(0,1)", frame, "y");
    }

    /// <summary>A customer segment from age and income, 5% of labels flipped at random.</summary>
    private static ImputeCase Segments(int rows, int seed)
    {
        var random = new Random(seed + 2);
        string[] segments = ["student", "retired", "premium", "standard"];
        var age = Enumerable.Range(0, rows).Select(_ => 18 + (random.NextDouble() * 70)).ToArray();
        var income = Enumerable.Range(0, rows).Select(_ => random.NextDouble() * 200_000).ToArray();
        var segment = age.Select((a, i) => random.NextDouble() < 0.05 ? segments[random.Next(4)]
            : a < 25 ? "student" : a > 65 ? "retired" : income[i] > 100_000 ? "premium" : "standard").ToArray();
        var frame = Frame(("age", age), ("income", income));
        frame.Columns.Add(new StringDataFrameColumn("segment", segment));
        return new("segments", "segment from age < 25, age > 65, income > 100k; 5% noise", frame, "segment");
    }

    private static DataFrame Frame(params (string Name, double[] Values)[] columns) =>
        new(columns.Select(c => (DataFrameColumn)new DoubleDataFrameColumn(c.Name, c.Values)));

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
