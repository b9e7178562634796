using System.Text;
using DevEndpoint.Catalog;
using DevEndpoint.Frames;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Frames;

/// <summary>The bulk ways a reader fills a column (Parquet's): values and validity at once, and UTF-8 text into an array sized ahead.</summary>
public sealed class BulkColumnBuilderTests
{
    [Fact]
    public void Values_added_in_bulk_after_values_one_by_one_keep_every_value_and_null_in_place()
    {
        var builder = ColumnBuilder.For(new Column("n", "int"));
        builder.AddValue(1);
        builder.AddNull();
        builder.AddValue(3);

        builder.AddValues(Enumerable.Range(10, 21).ToArray(), 21);
        builder.AddValues(new[] { 40, 41, 42, 0 }, [1, 0, 1, 0, 0, 1]);
        builder.AddValues(new[] { 50 }, 1);
        var column = (Int32DataFrameColumn)builder.Build();

        int?[] expected = [1, null, 3, .. Enumerable.Range(10, 21).Select(i => (int?)i), 40, null, 41, null, null, 42, 50];
        Assert.Equal(expected, column.ToArray());
        Assert.Equal(4, column.NullCount);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(5)]
    public void Utf8_text_told_its_bytes_ahead_holds_every_value_even_when_told_too_few(long bound)
    {
        string?[] values = ["café", null, "", "naïve, \"quoted\"", .. Enumerable.Range(0, 50).Select(i => $"value {i}")];
        var builder = ColumnBuilder.For(new Column("s", "string"), StringStorage.Utf8);

        builder.ReserveBytes(bound);
        foreach (var value in values)
        {
            if (value is null)
            {
                builder.AddNull();
            }
            else
            {
                builder.TryAddUtf8(Encoding.UTF8.GetBytes(value), quoted: true);
            }
        }

        builder.Complete();
        var column = (Utf8StringDataFrameColumn)builder.Build();

        Assert.Equal(values, column.Cast<string?>());
        Assert.Equal(1, column.NullCount);
    }
}
