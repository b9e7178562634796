using System.Globalization;
using System.Text;
using DevEndpoint.Loading;

namespace DevEndpoint.Tests.Loading;

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

        Assert.InRange(fast, 100_000, 200_000);
    }

    [Theory]
    [InlineData("1e5")]
    [InlineData("+1.5")]
    [InlineData(" 1.5")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("12345678901234567890")]
    [InlineData("9007199254740993")]
    [InlineData("NaN")]
    public void Other_forms_are_left_to_the_parser(string text)
    {
        Assert.False(PlainNumbers.TryParseDouble(Encoding.UTF8.GetBytes(text), out _));
    }
}
