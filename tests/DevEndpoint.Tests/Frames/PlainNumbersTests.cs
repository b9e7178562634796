using System.Globalization;
using System.Text;
using DevEndpoint.Frames;

namespace DevEndpoint.Tests.Frames;

/// <summary>The fast paths for plain numbers must give exactly what the .NET parsers give.</summary>
public sealed class PlainNumbersTests
{
    [Fact]
    public void Doubles_read_by_the_fast_path_are_bit_for_bit_the_parsers_doubles()
    {
        var random = new Random(20261125);
        var fast = 0;
        for (var i = 0; i < 200_000; i++)
        {
            var digits = random.Next(1, 19);
            var text = new StringBuilder(random.Next(4) == 0 ? "-" : string.Empty);
            var point = random.Next(digits + 1);
            for (var d = 0; d < digits; d++)
            {
                if (d == point && d > 0)
                {
                    text.Append('.');
                }

                text.Append((char)('0' + random.Next(10)));
            }

            var utf8 = Encoding.UTF8.GetBytes(text.ToString());
            if (PlainNumbers.TryParseDouble(utf8, out var value))
            {
                fast++;
                Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(text.ToString(), CultureInfo.InvariantCulture)), BitConverter.DoubleToInt64Bits(value));
            }
        }

        Assert.Equal(200_000, fast);
    }

    [Fact]
    public void Doubles_printed_in_full_read_as_the_parser_reads_them()
    {
        var random = new Random(17);
        var fast = 0;
        for (var i = 0; i < 200_000; i++)
        {
            var printed = (random.NextDouble() * Math.Pow(10, random.Next(0, 7))).ToString("R", CultureInfo.InvariantCulture);
            if (PlainNumbers.TryParseDouble(Encoding.UTF8.GetBytes(printed), out var value))
            {
                fast++;
                Assert.True(BitConverter.DoubleToInt64Bits(double.Parse(printed, CultureInfo.InvariantCulture)) == BitConverter.DoubleToInt64Bits(value), printed);
            }
        }

        // Those left to the parser have more than 18 digits with their leading zeros, or an exponent.
        Assert.InRange(fast, 180_000, 200_000);
    }

    [Theory]
    [InlineData("9007199254740993", 9007199254740992.0)]
    [InlineData("9007199254740995", 9007199254740996.0)]
    [InlineData("900719925474099.35", 900719925474099.375)]
    [InlineData("106.53911547667306", 106.53911547667306)]
    [InlineData("-0.30000000000000004", -0.30000000000000004)]
    [InlineData("999999999999999999", 1e18)]
    public void Halfway_digits_round_to_the_even_double(string text, double expected)
    {
        Assert.True(PlainNumbers.TryParseDouble(Encoding.UTF8.GetBytes(text), out var value));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(value));
        Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture)), BitConverter.DoubleToInt64Bits(value));
    }

    [Theory]
    [InlineData("1e5")]
    [InlineData("+1.5")]
    [InlineData(" 1.5")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("12345678901234567890")]
    [InlineData("NaN")]
    public void Other_forms_are_left_to_the_parser(string text)
    {
        Assert.False(PlainNumbers.TryParseDouble(Encoding.UTF8.GetBytes(text), out _));
    }
}
