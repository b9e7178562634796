using Microsoft.Data.Analysis;

namespace DevEndpoint.Interactive.Tests.MachineLearning;

public sealed class FillMissingMagicTests
{
    [Fact]
    public async Task Fill_missing_adds_a_filled_column_learnt_from_the_others()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        KernelFixture.AssertSucceeded(await fixture.SubmitAsync(
            "var xs = Enumerable.Range(0, 200).Select(i => (double?)i).ToArray();"
            + "var ys = xs.Select((x, i) => i % 10 == 0 ? null : 2 * x + 1).ToArray();"
            + "var data = new Microsoft.Data.Analysis.DataFrame(new Microsoft.Data.Analysis.DoubleDataFrameColumn(\"x\", xs), new Microsoft.Data.Analysis.DoubleDataFrameColumn(\"y\", ys));"));

        var result = await fixture.SubmitAsync("#!fill-missing data --column y --as filled");

        KernelFixture.AssertSucceeded(result);
        Assert.Contains("<tr><td style=\"text-align:left\">y</td><td style=\"text-align:left\">y_filled</td><td style=\"text-align:right\">20</td><td style=\"text-align:right\">180</td><td style=\"text-align:left\">FastTree regression (100 trees)</td></tr>", KernelFixture.Html(result));
        Assert.True(fixture.CSharp.TryGetValue<DataFrame>("filled", out var filled));
        Assert.Equal(["x", "y", "y_filled"], filled.Columns.Select(c => c.Name));
        Assert.All(Enumerable.Range(1, 19), k => Assert.InRange((double)filled["y_filled"][k * 10]!, (20 * k) + 1 - 15, (20 * k) + 1 + 15));
    }

    [Fact]
    public async Task Fill_missing_of_an_unknown_column_names_the_closest()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        KernelFixture.AssertSucceeded(await fixture.SubmitAsync(
            "var data = new Microsoft.Data.Analysis.DataFrame(new Microsoft.Data.Analysis.DoubleDataFrameColumn(\"age\", new double?[] { 1, null }));"));

        var result = await fixture.SubmitAsync("#!fill-missing data --column agee");

        Assert.Equal("FillMissingValues: column 'agee' does not exist. Did you mean 'age'? Columns: age.", KernelFixture.Failure(result));
    }
}
