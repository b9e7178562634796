using System.Globalization;
using DevEndpoint.Frames;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Frames;

public sealed class FrameTableTests
{
    [Fact]
    public void A_date_column_shows_dates_without_time_or_zone_and_a_timestamp_column_its_time()
    {
        var frame = new DataFrame(
            new PrimitiveDataFrameColumn<DateTime>("Date", [new DateTime(2022, 8, 5, 0, 0, 0, DateTimeKind.Utc), null]),
            new PrimitiveDataFrameColumn<DateTime>("Kickoff", [new DateTime(2022, 8, 5, 0, 0, 0, DateTimeKind.Utc), new DateTime(2022, 8, 6, 19, 45, 30, 250, DateTimeKind.Utc)]));

        var table = FrameTable.Of(frame, 10);

        Assert.Equal(["2022-08-05", "2022-08-05 00:00:00"], table.Rows[0]);
        Assert.Equal(["", "2022-08-06 19:45:30.25"], table.Rows[1]);
    }

    [Fact]
    public void Text_shows_padded_columns_between_separators_with_numbers_right_and_text_left_whatever_the_culture()
    {
        var frame = new DataFrame(
            new PrimitiveDataFrameColumn<DateTime>("Date", [new DateTime(2000, 9, 30)]),
            new StringDataFrameColumn("HomeTeam", ["Bari"]),
            new PrimitiveDataFrameColumn<double>("Odds", [2.5]),
            new PrimitiveDataFrameColumn<long>("FTHG", [1]));
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var text = FrameTable.Of(frame, 10).ToText();

            Assert.Equal(
                "Date       | HomeTeam | Odds | FTHG\n"
                + "-----------+----------+------+-----\n"
                + "2000-09-30 | Bari     |  2.5 |    1\n"
                + "1 rows x 4 columns.",
                text);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Long_text_is_shortened_with_an_ellipsis_on_one_line()
    {
        var longText = string.Concat(Enumerable.Repeat("abcdefghij", 10));
        var frame = new DataFrame(new StringDataFrameColumn("note", [longText, "two\nlines"]));

        var table = FrameTable.Of(frame, 10);

        Assert.Equal(string.Concat(longText.AsSpan(0, CellText.MaxLength - 1), "…"), table.Rows[0][0]);
        Assert.Equal(CellText.MaxLength, table.Rows[0][0].Length);
        Assert.Equal("two lines", table.Rows[1][0]);
        Assert.Equal(longText, frame.Columns[0][0]);
    }

    [Fact]
    public void A_table_of_the_first_rows_says_how_many_there_are()
    {
        var frame = new DataFrame(new PrimitiveDataFrameColumn<int>("n", Enumerable.Range(0, 25)));

        var table = FrameTable.Of(frame, 20);

        Assert.Equal(20, table.Rows.Count);
        Assert.Equal("25 rows x 1 columns, showing the first 20.", table.Caption);
        Assert.Equal([true], table.RightAligned);
    }
}
