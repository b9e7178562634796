using DevEndpoint.Formats;

namespace DevEndpoint.Tests.Formats;

public sealed class IsoTextTests
{
    [Theory]
    [InlineData("2022-01-05")]
    [InlineData("2024-02-29")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    public void The_fast_check_takes_an_iso_date_that_the_date_parser_also_reads(string text)
    {
        Assert.True(IsoText.IsDate(text));
        Assert.True(TextValues.TryParseDate(text, out _));
    }

    [Theory]
    [InlineData("2023-02-29")]
    [InlineData("2022-13-01")]
    [InlineData("2022-00-10")]
    [InlineData("2022-04-31")]
    [InlineData("0000-01-01")]
    [InlineData("2022/01/05")]
    [InlineData("2022-1-5")]
    [InlineData("22-01-2022")]
    public void The_fast_check_refuses_an_invalid_or_other_shaped_date(string text)
    {
        Assert.False(IsoText.IsDate(text));
    }

    [Theory]
    [InlineData("2022-01-05 18:22:08")]
    [InlineData("2022-01-05T18:22:08")]
    [InlineData("2022-01-05 18:22")]
    [InlineData("2022-01-05T18:22")]
    [InlineData("2022-01-05 18:22:08.5")]
    [InlineData("2022-01-05T18:22:08.1234567")]
    [InlineData("2022-01-05T18:22:08Z")]
    [InlineData("2022-01-05T18:22:08+02:00")]
    [InlineData("2022-01-05 18:22:08-05:30")]
    [InlineData("2022-01-05T18:22:08.123+13:59")]
    [InlineData("2022-01-05T00:00:00-08")]
    [InlineData("2022-12-31 23:59:59.999Z")]
    public void The_fast_check_takes_an_iso_timestamp_that_the_timestamp_parser_also_reads(string text)
    {
        Assert.True(IsoText.IsTimestamp(text));
        Assert.True(TextValues.TryParseTimestamp(text, out _));
    }

    [Theory]
    [InlineData("2022-01-05 24:00:00")]
    [InlineData("2022-01-05 18:60:00")]
    [InlineData("2022-01-05 18:22:60")]
    [InlineData("2022-02-30 18:22:08")]
    [InlineData("2022-01-05 18:22:08.")]
    [InlineData("2022-01-05 18:22:08.12345678")]
    [InlineData("2022-01-05T18:22Z")]
    [InlineData("2022-01-05T18:22:08+14:00")]
    [InlineData("2022-01-05T18:22:08+02:60")]
    [InlineData("2022-01-05T18:22:08+0200")]
    [InlineData("2022-01-05 18:22:08 UTC")]
    [InlineData("2022-01-05_18:22:08")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    public void The_fast_check_leaves_other_texts_to_the_timestamp_parser(string text)
    {
        Assert.False(IsoText.IsTimestamp(text));
    }
}
