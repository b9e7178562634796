using DevEndpoint.Formats;

namespace DevEndpoint.Tests.Formats;

public sealed class TextValuesTests
{
    [Theory]
    [InlineData("42", "int")]
    [InlineData("-7", "int")]
    [InlineData("+7", "int")]
    [InlineData("0", "int")]
    [InlineData("2147483647", "int")]
    [InlineData("2147483648", "bigint")]
    [InlineData("-3000000000", "bigint")]
    [InlineData("12345678901234567890", "decimal(20,0)")]
    [InlineData("12.50", "decimal(10,2)")]
    [InlineData("0.5", "decimal(10,1)")]
    [InlineData("123456789.123", "decimal(12,3)")]
    [InlineData("1.1234567", "double")]
    [InlineData("1e5", "double")]
    [InlineData("NaN", "double")]
    [InlineData("true", "boolean")]
    [InlineData("FALSE", "boolean")]
    [InlineData("2024-01-15", "date")]
    [InlineData("2024-01-15 10:30:00", "timestamp")]
    [InlineData("2024-01-15T10:30:00Z", "timestamp")]
    [InlineData("2024-01-15 10:30:00.123+02:00", "timestamp")]
    [InlineData("2024-01-15T00:00:00-08", "timestamp")]
    [InlineData("2024-01-15 04:55:03.382494 UTC", "timestamp")]
    [InlineData("2024-01-15 04:55:03.382494 EST", "timestamp")]
    [InlineData("2024-01-15 04:55:03 PDT", "timestamp")]
    [InlineData("2024-01-15 04:55:03 XYZ", "string")]
    [InlineData("hello", "string")]
    [InlineData("12 apples", "string")]
    [InlineData("1E5", "double")]
    [InlineData("2024-01-15T10:30:00+05:30", "timestamp")]
    [InlineData("2024-1-15", "string")]
    [InlineData("2024-02-30", "string")]
    [InlineData("15/01/2024 10:30", "string")]
    public void Infer_gives_the_narrowest_type_of_one_value(string text, string expected)
    {
        Assert.Equal(expected, TextValues.Infer(text).ToHiveType());
    }

    [Theory]
    [InlineData("007")]
    [InlineData("01234")]
    [InlineData("00.5")]
    [InlineData("2024-1-15")]
    [InlineData("15/01/2024")]
    [InlineData("1,000")]
    [InlineData("12 kg")]
    [InlineData("yes")]
    [InlineData("+31885544332")]
    [InlineData("1234567890123456789012345678901234567890")]
    public void Infer_keeps_codes_and_other_texts_as_strings(string text)
    {
        Assert.Equal("string", TextValues.Infer(text).ToHiveType());
    }

    [Theory]
    [InlineData("")]
    [InlineData("NULL")]
    [InlineData("null")]
    [InlineData("NA")]
    [InlineData("N/A")]
    [InlineData("\\N")]
    public void Null_tokens_are_nulls(string text)
    {
        Assert.True(TextValues.IsNull(text));
        Assert.Equal(InferredType.Null, TextValues.Infer(text));
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("Null")]
    [InlineData("NaN")]
    [InlineData("n/a")]
    [InlineData("\\n")]
    [InlineData("NULLS")]
    public void Texts_that_are_no_null_token_are_not_nulls(string text)
    {
        Assert.False(TextValues.NullTokens.Contains(text));
        Assert.False(TextValues.IsNull(text));
    }

    [Theory]
    [InlineData("999999999", "int", 9)]
    [InlineData("-999999999", "int", 9)]
    [InlineData("1000000000", "int", 10)]
    [InlineData("-2147483648", "int", 10)]
    [InlineData("-2147483649", "bigint", 10)]
    [InlineData("9223372036854775807", "bigint", 19)]
    public void Integers_around_the_int_range_get_their_type_and_digits(string text, string expected, int digits)
    {
        var type = TextValues.Infer(text);

        Assert.Equal((expected, digits), (type.ToHiveType(), type.IntegerDigits));
        Assert.Equal(type, type.Widen(TextValues.Infer(text)));
    }

    [Fact]
    public void A_timestamp_with_a_zone_is_converted_to_utc()
    {
        Assert.True(TextValues.TryParseTimestamp("2024-01-15T10:30:00+02:00", out var value));

        Assert.Equal(new DateTime(2024, 1, 15, 8, 30, 0), value);
        Assert.Equal(DateTimeKind.Utc, value.Kind);
    }

    [Fact]
    public void A_zone_abbreviation_is_read_as_its_offset()
    {
        Assert.True(TextValues.TryParseTimestamp("2024-01-15 10:30:00 EST", out var value));

        Assert.Equal(new DateTime(2024, 1, 15, 15, 30, 0), value);
    }

    [Fact]
    public void A_timestamp_without_a_zone_is_kept_as_written()
    {
        Assert.True(TextValues.TryParseTimestamp("2024-01-15 10:30:00", out var value));

        Assert.Equal(new DateTime(2024, 1, 15, 10, 30, 0), value);
    }
}
