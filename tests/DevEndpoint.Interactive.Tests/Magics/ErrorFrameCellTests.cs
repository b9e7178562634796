using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Events;

namespace DevEndpoint.Interactive.Tests.Magics;

public sealed class ErrorFrameCellTests
{
    [Fact]
    public async Task Head_and_Tail_of_an_empty_errors_variable_and_of_a_transforms_errors_work_in_a_cell()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.CrawlSampleAsync();
        KernelFixture.AssertSucceeded(await fixture.MagicAsync("#!load sales.orders --as orders --errors-as rejected --where \"year = '2024' AND month = '01'\""));

        var head = await fixture.SubmitAsync("rejected.Head(3)");
        var tail = await fixture.SubmitAsync("rejected.Tail(3).Rows.Count");
        var transform = await fixture.SubmitAsync(
            "var mapped = DevEndpoint.Transforms.FrameTransforms.ApplyMapping(orders, (\"order_id\", \"int\", \"id\", \"bigint\"));\nmapped.Errors.Head(3)");

        var frame = Assert.IsAssignableFrom<DataFrame>(KernelFixture.ReturnValue(head));
        Assert.Equal(0, frame.Rows.Count);
        Assert.Equal(["file", "line", "column", "value", "reason"], frame.Columns.Select(c => c.Name));
        Assert.NotEmpty(Assert.Single(head.Events.OfType<ReturnValueProduced>()).FormattedValues);
        Assert.Equal(0L, KernelFixture.ReturnValue(tail));
        Assert.Equal(["row", "column", "value", "reason"], Assert.IsAssignableFrom<DataFrame>(KernelFixture.ReturnValue(transform)).Columns.Select(c => c.Name));
    }
}
