namespace DevEndpoint.MachineLearning.Pii;

/// <summary>The check digits and number ranges that tell a real identifier from a number of the same shape.</summary>
internal static class CheckDigits
{
    /// <summary>Whether the digits pass the Luhn (mod 10) check, the last digit being the check digit.</summary>
    public static bool Luhn(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var doubled = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var digit = digits[i] - '0';
            if (doubled)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
            doubled = !doubled;
        }

        return sum % 10 == 0;
    }

    /// <summary>A card number's issuer by its prefix and length (Visa, Mastercard, Amex, Discover, Diners, JCB), and its Luhn check.</summary>
    public static bool CreditCard(string digits)
    {
        var length = digits.Length;
        var two = int.Parse(digits.AsSpan(0, 2), provider: System.Globalization.CultureInfo.InvariantCulture);
        var three = int.Parse(digits.AsSpan(0, 3), provider: System.Globalization.CultureInfo.InvariantCulture);
        var four = int.Parse(digits.AsSpan(0, 4), provider: System.Globalization.CultureInfo.InvariantCulture);
        var issued =
            (digits[0] == '4' && length is 13 or 16 or 19)
            || (((two is >= 51 and <= 55) || (four is >= 2221 and <= 2720)) && length == 16)
            || (two is 34 or 37 && length == 15)
            || ((four == 6011 || two == 65 || three is >= 644 and <= 649) && length is >= 16 and <= 19)
            || (((three is >= 300 and <= 305) || two is 36 or 38) && length is >= 14 and <= 19)
            || (four is >= 3528 and <= 3589 && length is >= 16 and <= 19);
        return issued && Luhn(digits);
    }

    /// <summary>
    /// A Social Security number's area, group and serial: area not 000, 666 or 900-999, group not 00, serial not 0000,
    /// and not one of the numbers published in advertisements (078-05-1120, 219-09-9999).
    /// </summary>
    public static bool Ssn(int area, int group, int serial) =>
        area is > 0 and not 666 and < 900 && group > 0 && serial > 0
        && !(area == 78 && group == 5 && serial == 1120) && !(area == 219 && group == 9 && serial == 9999);

    /// <summary>An ITIN: area 900-999 and group 50-65, 70-88, 90-92 or 94-99.</summary>
    public static bool Itin(int area, int group) =>
        area is >= 900 and <= 999 && group is (>= 50 and <= 65) or (>= 70 and <= 88) or (>= 90 and <= 92) or (>= 94 and <= 99);

    /// <summary>
    /// A DEA registration number (two letters, seven digits): the sum of digits 1, 3 and 5 plus twice the sum of digits
    /// 2, 4 and 6 ends in digit 7.
    /// </summary>
    public static bool Dea(ReadOnlySpan<char> digits)
    {
        var sum = digits[0] - '0' + digits[2] - '0' + digits[4] - '0' + (2 * (digits[1] - '0' + digits[3] - '0' + digits[5] - '0'));
        return sum % 10 == digits[6] - '0';
    }

    /// <summary>A National Provider Identifier: ten digits whose Luhn check covers the card issuer prefix 80840 before them.</summary>
    public static bool Npi(string digits) => digits.Length == 10 && digits[0] is '1' or '2' && Luhn("80840" + digits);
}
