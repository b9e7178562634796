using Xunit.Abstractions;

namespace DevEndpoint.Tests.Formats.Delta;

/// <summary>Every Delta golden table read exactly (rows, time travel, active files) or refused by name, never read wrongly.</summary>
public sealed class DeltaGoldenTableTests(DeltaGoldenFixture golden, ITestOutputHelper output) : IClassFixture<DeltaGoldenFixture>
{
    public static TheoryData<string> Tables() => [.. DeltaGolden.Tables.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Tables))]
    public async Task A_golden_table_is_read_exactly_or_refused_by_name(string name)
    {
        var outcome = await golden.OutcomeAsync(DeltaGolden.Get(name));

        output.WriteLine(outcome);
        Assert.DoesNotMatch("^wrong", outcome);
    }

    [Fact]
    public async Task At_least_nine_in_ten_golden_tables_that_hold_data_are_read_and_none_wrongly()
    {
        var outcomes = new List<(DeltaGolden.Table Table, string Outcome)>();
        foreach (var table in DeltaGolden.Tables)
        {
            outcomes.Add((table, await golden.OutcomeAsync(table)));
        }

        var readable = outcomes.Where(o => o.Table.Kind is "rows" or "files").ToList();
        var read = readable.Count(o => o.Outcome == "read");
        output.WriteLine($"{DeltaGolden.Tables.Count} tables; of {readable.Count} with rows or files: {read} read, {readable.Count(o => o.Outcome.StartsWith("refused", StringComparison.Ordinal))} refused; "
            + $"{outcomes.Count(o => o.Outcome.StartsWith("wrong", StringComparison.Ordinal))} wrong");
        foreach (var (table, outcome) in outcomes.Where(o => o.Outcome != "read"))
        {
            output.WriteLine($"{table.Name}: {outcome}");
        }

        Assert.Equal(106, DeltaGolden.Tables.Count);
        Assert.DoesNotContain(outcomes, o => o.Outcome.StartsWith("wrong", StringComparison.Ordinal));
        Assert.True(read >= 0.9 * readable.Count, $"{read} of {readable.Count} read");
    }
}
