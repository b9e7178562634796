using DevEndpoint.Loading;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Cli.Tests;

public sealed class LoadBadRowLinesTests
{
    [Fact]
    public void The_bad_row_count_comes_with_the_first_five_kept_rows_by_file_line_column_and_value()
    {
        var errors = Errors(Enumerable.Range(1, 6).Select(i => ("a.csv", (long)i + 1, (string?)"amount", (string?)$"x{i}", "not a decimal(10,2)")).ToArray());

        var lines = LoadCommand.BadRowLines(6, errors, BadRecordMode.Permissive);

        Assert.Equal(
            new[]
            {
                "6 bad rows left out (permissive); the first 5:",
                "  a.csv:2: column amount, value 'x1': not a decimal(10,2)",
                "  a.csv:3: column amount, value 'x2': not a decimal(10,2)",
                "  a.csv:4: column amount, value 'x3': not a decimal(10,2)",
                "  a.csv:5: column amount, value 'x4': not a decimal(10,2)",
                "  a.csv:6: column amount, value 'x5': not a decimal(10,2)",
            },
            lines);
    }

    [Fact]
    public void A_row_bad_as_a_whole_has_no_column_and_a_drop_malformed_load_only_counts()
    {
        var kept = LoadCommand.BadRowLines(1, Errors(("b.csv", 9, null, null, "3 fields, expected 4")), BadRecordMode.Permissive);
        var dropped = LoadCommand.BadRowLines(4, Errors(), BadRecordMode.DropMalformed);
        var none = LoadCommand.BadRowLines(0, Errors(), BadRecordMode.Permissive);

        Assert.Equal(new[] { "1 bad rows left out (permissive):", "  b.csv:9: 3 fields, expected 4" }, kept);
        Assert.Equal(new[] { "4 bad rows left out (dropmalformed)." }, dropped);
        Assert.Empty(none);
    }

    private static DataFrame Errors(params (string File, long Line, string? Column, string? Value, string Reason)[] rows) => new(
        new StringDataFrameColumn("file", rows.Select(r => r.File)),
        new Int64DataFrameColumn("line", rows.Select(r => r.Line)),
        new StringDataFrameColumn("column", rows.Select(r => r.Column)),
        new StringDataFrameColumn("value", rows.Select(r => r.Value)),
        new StringDataFrameColumn("reason", rows.Select(r => r.Reason)));
}
