using DevEndpoint.Formats;

namespace DevEndpoint.Tests.Formats;

public sealed class CsvDateFormatTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("05/01/2024", "31/01/2024", "date", "d/M/yyyy")]
    [InlineData("01/05/2024", "01/31/2024", "date", "M/d/yyyy")]
    [InlineData("05.01.2024", "31.01.2024", "date", "d.M.yyyy")]
    [InlineData("2024/01/05", "2024/01/31", "date", "yyyy/M/d")]
    [InlineData("05-01-2024 10:30:00", "31-01-2024 18:00:00", "timestamp", "d-M-yyyy H:mm:ss.FFFFFFF")]
    [InlineData("01/05/2024 10:30 AM", "01/31/2024 06:00 PM", "timestamp", "M/d/yyyy H:mm:ss.FFFFFFF")]
    public async Task A_date_form_is_inferred_and_recorded_when_the_sample_settles_day_and_month(string first, string second, string type, string pattern)
    {
        var schema = await SniffAsync($"id,at\n1,{first}\n2,{second}\n");

        Assert.Equal($"at {type}", $"{schema.Columns[1].Name} {schema.Columns[1].Type}");
        Assert.Equal(pattern, schema.Csv!.DateFormats["at"]);
    }

    [Fact]
    public async Task Dates_that_read_both_day_first_and_month_first_stay_text()
    {
        var schema = await SniffAsync("id,at\n1,01/02/2024\n2,03/04/2024\n");

        Assert.Equal("string", schema.Columns[1].Type);
        Assert.Empty(schema.Csv!.DateFormats);
    }

    [Fact]
    public async Task Dotted_dates_that_read_both_ways_are_day_first_by_convention()
    {
        var schema = await SniffAsync("id,at\n1,01.02.2024\n2,03.04.2024\n");

        Assert.Equal("date", schema.Columns[1].Type);
        Assert.Equal("d.M.yyyy", schema.Csv!.DateFormats["at"]);
    }

    [Fact]
    public async Task Iso_dates_need_no_recorded_form()
    {
        var schema = await SniffAsync("id,at,ts\n1,2024-01-31,2024-01-31T10:00:00Z\n2,2024-02-01,2024-02-01 10:00:00+01\n");

        Assert.Equal(["int", "date", "timestamp"], schema.Columns.Select(c => c.Type));
        Assert.Empty(schema.Csv!.DateFormats);
    }

    private async Task<FileSchema> SniffAsync(string content) =>
        (await FileClassifier.ClassifyAsync(temp.Write("a.csv", content), new SampleOptions()))!;
}
