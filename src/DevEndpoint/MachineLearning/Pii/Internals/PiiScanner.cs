using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace DevEndpoint.MachineLearning.Pii;

/// <summary>One entity found in a value: its type, and where it is (UTF-16 offset and length).</summary>
internal readonly record struct PiiMatch(string EntityType, int Offset, int Length);

/// <summary>
/// Finds the entities of every type in one value: each type's pattern finds candidates, its check digits or ranges
/// reject numbers of the right shape that are not identifiers, and weak types need a keyword in their context. Where
/// candidates overlap, the type found first in <see cref="Detectors"/> (the more specific) wins.
/// </summary>
internal static partial class PiiScanner
{
    private delegate bool Check(Match match, PiiContext context);

    private sealed record Detector(string Type, Regex Pattern, Check Valid);

    private static readonly Detector[] Detectors =
    [
        new(PiiEntityTypes.Email, EmailPattern(), (m, _) => !m.Value.Contains("..", StringComparison.Ordinal)),
        new(PiiEntityTypes.UsaMedicareBeneficiaryIdentifier, MbiPattern(), (_, _) => true),
        new(PiiEntityTypes.UsaDeaNumber, DeaPattern(), (m, _) => CheckDigits.Dea(m.ValueSpan[2..])),
        new(PiiEntityTypes.CreditCard, CardPattern(), (m, _) => CheckDigits.CreditCard(Digits(m.Value))),
        new(PiiEntityTypes.MacAddress, MacPattern(), (_, _) => true),
        new(PiiEntityTypes.IpAddress, Ipv4Pattern(), (m, _) => m.Value.Split('.').All(p => p.Length == 1 || (p[0] != '0' && int.Parse(p, CultureInfo.InvariantCulture) <= 255))),
        new(PiiEntityTypes.IpAddress, Ipv6Pattern(), (m, _) => IPAddress.TryParse(m.Value, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6),
        new(PiiEntityTypes.UsaHealthInsuranceClaimNumber, HicnPattern(), (m, _) => Ssn(m) && "ABCDEFJKMTW".Contains(m.Groups["bic"].Value[0], StringComparison.Ordinal)),
        new(PiiEntityTypes.UsaHealthInsuranceClaimNumber, RailroadPattern(), (m, c) => c.Has(HicnWords(), m.Index)),
        new(PiiEntityTypes.UsaItin, SsnPattern(), (m, c) => CheckDigits.Itin(Number(m, "area"), Number(m, "group")) && (m.Groups["sep"].Length > 0 || c.Has(ItinWords(), m.Index))),
        new(PiiEntityTypes.UsaSsn, SsnPattern(), (m, c) => Ssn(m) && (m.Groups["sep"].Length > 0 || c.Has(SsnWords(), m.Index))),
        new(PiiEntityTypes.UsaNationalDrugCode, NdcPattern(), (_, _) => true),
        new(PiiEntityTypes.UsaNationalDrugCode, BareNdcPattern(), (m, c) => c.Has(NdcWords(), m.Index)),
        new(PiiEntityTypes.PhoneNumber, UsPhonePattern(), (m, c) => m.Groups["sep"].Success || m.Groups["paren"].Success || m.Groups["country"].Success || c.Has(PhoneWords(), m.Index)),
        new(PiiEntityTypes.PhoneNumber, InternationalPhonePattern(), (m, _) => Digits(m.Value).Length is >= 8 and <= 15),
        new(PiiEntityTypes.Date, DatePattern(), (m, _) => IsDate(m.Value)),
        new(PiiEntityTypes.UsaNationalProviderIdentifier, NpiPattern(), (m, c) => CheckDigits.Npi(m.Value) && c.Has(NpiWords(), m.Index)),
        new(PiiEntityTypes.UsaPassportNumber, PassportPattern(), (m, c) => c.Has(PassportWords(), m.Index)),
        new(PiiEntityTypes.UsaDrivingLicense, LicensePattern(), (m, c) => c.Has(LicenseWords(), m.Index)),
        new(PiiEntityTypes.BankAccount, BankAccountPattern(), (m, c) => c.Has(BankWords(), m.Index)),
        new(PiiEntityTypes.UsaHcpcsCode, HcpcsPattern(), (m, c) => c.Has(HcpcsWords(), m.Index)),
        new(PiiEntityTypes.UsaCptCode, CptPattern(), (m, c) => IsCpt(m.Value) && c.Has(CptWords(), m.Index)),
    ];

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy/MM/dd", "M/d/yyyy", "d/M/yyyy", "M/d/yy", "d/M/yy", "d.M.yyyy", "MMMM d, yyyy", "MMMM d yyyy", "MMM d, yyyy", "MMM d yyyy",
        "MMM. d, yyyy", "d MMMM yyyy", "d MMM yyyy", "d-MMM-yyyy", "yyyyMMdd",
    ];

    /// <summary>The entities in <paramref name="value"/>, a value of column <paramref name="column"/>, in order of offset.</summary>
    public static List<PiiMatch> Scan(string value, string column)
    {
        var found = new List<PiiMatch>();
        if (value.Length == 0)
        {
            return found;
        }

        var context = new PiiContext(column, value);
        if (value.AsSpan().ContainsAnyInRange('0', '9'))
        {
            foreach (var detector in Detectors)
            {
                foreach (Match match in detector.Pattern.Matches(value))
                {
                    if (!Overlaps(found, match.Index, match.Length) && detector.Valid(match, context))
                    {
                        found.Add(new(detector.Type, match.Index, match.Length));
                    }
                }
            }
        }
        else
        {
            var email = Detectors[0];
            foreach (Match match in email.Pattern.Matches(value))
            {
                if (email.Valid(match, context))
                {
                    found.Add(new(email.Type, match.Index, match.Length));
                }
            }
        }

        foreach (var name in PersonNames.Find(value, context))
        {
            if (!Overlaps(found, name.Offset, name.Length))
            {
                found.Add(name);
            }
        }

        found.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        return found;
    }

    private static bool Overlaps(List<PiiMatch> found, int offset, int length) =>
        found.Exists(f => offset < f.Offset + f.Length && f.Offset < offset + length);

    private static string Digits(string text) => string.Concat(text.Where(char.IsAsciiDigit));

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].ValueSpan, provider: CultureInfo.InvariantCulture);

    private static bool Ssn(Match match) => CheckDigits.Ssn(Number(match, "area"), Number(match, "group"), Number(match, "serial"));

    private static bool IsDate(string text) =>
        DateTime.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 1800 and <= 2200;

    /// <summary>Category I codes 00100-99607; category II (<c>dddd</c>F) and III (<c>dddd</c>T) codes.</summary>
    private static bool IsCpt(string code) =>
        code[^1] is 'F' or 'T' || int.Parse(code, CultureInfo.InvariantCulture) is >= 100 and <= 99607;

    [GeneratedRegex(@"(?<![\w.%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]*[A-Za-z0-9_%+-])?@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}(?![\w-])")]
    private static partial Regex EmailPattern();

    /// <summary>Medicare beneficiary identifier: 11 characters by position, letters without S, L, O, I, B and Z; dashes after the 4th and 7th allowed.</summary>
    [GeneratedRegex(@"(?<![\w-])[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9](?<d>-?)[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9]\k<d>[AC-HJKMNP-RT-Y]{2}[0-9]{2}(?![\w-])")]
    private static partial Regex MbiPattern();

    /// <summary>DEA number: a registrant-type letter, a letter (or 9), seven digits.</summary>
    [GeneratedRegex(@"(?<![\w-])[ABCDEFGHJKLMPRSTUX][A-Z9][0-9]{7}(?![\w-])")]
    private static partial Regex DeaPattern();

    [GeneratedRegex(@"(?<![\d-])(?:[0-9]{4}(?<s>[ -]?)[0-9]{4}\k<s>[0-9]{4}\k<s>[0-9]{1,7}|[0-9]{4}(?<t>[ -]?)[0-9]{6}\k<t>[0-9]{4,5})(?![\d]|-\d)")]
    private static partial Regex CardPattern();

    [GeneratedRegex(@"(?<![\w:.-])(?:[0-9A-Fa-f]{2}(?<s>[:-])(?:[0-9A-Fa-f]{2}\k<s>){4}[0-9A-Fa-f]{2}|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4})(?![\w:.-])")]
    private static partial Regex MacPattern();

    [GeneratedRegex(@"(?<![\w.])(?:[0-9]{1,3}\.){3}[0-9]{1,3}(?![\w]|\.\w)")]
    private static partial Regex Ipv4Pattern();

    [GeneratedRegex(@"(?<![\w:.])(?:[0-9A-Fa-f]{1,4})?(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:])")]
    private static partial Regex Ipv6Pattern();

    /// <summary>Health insurance claim number: the holder's SSN and a beneficiary identification code (a letter, maybe a digit or letter).</summary>
    [GeneratedRegex(@"(?<![\w-])(?<area>[0-9]{3})-?(?<group>[0-9]{2})-?(?<serial>[0-9]{4})(?<bic>[A-Z][0-9A-Z]?)(?![\w-])")]
    private static partial Regex HicnPattern();

    /// <summary>Railroad Retirement Board claim numbers: one to three letters, then six or nine digits.</summary>
    [GeneratedRegex(@"(?<![\w-])[A-Z]{1,3}[0-9]{6}(?:[0-9]{3})?(?![\w-])")]
    private static partial Regex RailroadPattern();

    [GeneratedRegex(@"(?<![\w-])(?<area>[0-9]{3})(?<sep>[- ]?)(?<group>[0-9]{2})\k<sep>(?<serial>[0-9]{4})(?![\w]|-\w)")]
    private static partial Regex SsnPattern();

    /// <summary>National drug code, labeler-product-package: 4-4-2, 5-3-2, 5-4-1, or the 11-digit 5-4-2.</summary>
    [GeneratedRegex(@"(?<![\w-])(?:[0-9]{4}-[0-9]{4}-[0-9]{2}|[0-9]{5}-[0-9]{3}-[0-9]{2}|[0-9]{5}-[0-9]{4}-[0-9]{1,2})(?![\w]|-\w)")]
    private static partial Regex NdcPattern();

    [GeneratedRegex(@"(?<![\w-])[0-9]{10,11}(?![\w]|-\w)")]
    private static partial Regex BareNdcPattern();

    /// <summary>North American numbers: area code and exchange start with 2-9; separators, parentheses or +1 unless a keyword says phone.</summary>
    [GeneratedRegex(@"(?<![\w+-])(?:(?<country>\+1)[ .-]?)?(?:(?<paren>\([2-9][0-9]{2}\))[ .-]?|[2-9][0-9]{2}(?<sep>[ .-])|[2-9][0-9]{2})[2-9][0-9]{2}[ .-]?[0-9]{4}(?![\w]|-\w)")]
    private static partial Regex UsPhonePattern();

    [GeneratedRegex(@"(?<![\w+])\+[2-9][0-9]{0,2}(?:[ .-]?\(?[0-9]{1,4}\)?){2,6}(?![\w]|-\w)")]
    private static partial Regex InternationalPhonePattern();

    [GeneratedRegex(@"(?<![\w/.-])(?:[0-9]{4}[-/][0-9]{2}[-/][0-9]{2}|[0-9]{1,2}/[0-9]{1,2}/(?:[0-9]{4}|[0-9]{2})|[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? [0-9]{1,2},? [0-9]{4}|[0-9]{1,2}[ -](?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*[ -][0-9]{4})(?![A-SU-Za-z0-9_/]|[.-]\w)")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"(?<![\w-])[12][0-9]{9}(?![\w-])")]
    private static partial Regex NpiPattern();

    [GeneratedRegex(@"(?<![\w-])(?:[A-Z][0-9]{8}|[0-9]{9})(?![\w-])")]
    private static partial Regex PassportPattern();

    /// <summary>State licence numbers: letters and digits (A1234567, WDL12345678), 7 to 12 digits, or dashed forms (S123-4567-8901).</summary>
    [GeneratedRegex(@"(?<![\w-])(?:[A-Z]{1,3}[0-9]{4,14}|[0-9]{7,12}|[A-Z][0-9]{3}-[0-9]{3,4}-[0-9]{2,4}(?:-[0-9]{1,3}){0,2})(?![\w-])")]
    private static partial Regex LicensePattern();

    [GeneratedRegex(@"(?<![\w-])[0-9]{8,17}(?![\w-])")]
    private static partial Regex BankAccountPattern();

    /// <summary>HCPCS level II: a letter A-V (not D, F, I, N or O) and four digits.</summary>
    [GeneratedRegex(@"(?<![\w-])[ABCEGHJKLMPQRSTUV][0-9]{4}(?![\w-])")]
    private static partial Regex HcpcsPattern();

    [GeneratedRegex(@"(?<![\w-])[0-9]{4}[0-9FT](?![\w-])")]
    private static partial Regex CptPattern();

    [GeneratedRegex(@" (?:ssn|social security|social sec|soc sec) ")]
    private static partial Regex SsnWords();

    [GeneratedRegex(@" (?:itin|taxpayer|tin|tax id) ")]
    private static partial Regex ItinWords();

    [GeneratedRegex(@" (?:phone|telephone|tel|mobile|cell|fax|contact number)")]
    private static partial Regex PhoneWords();

    [GeneratedRegex(@" (?:account|acct|bank|checking|savings|a c |iban)")]
    private static partial Regex BankWords();

    [GeneratedRegex(@" passport")]
    private static partial Regex PassportWords();

    [GeneratedRegex(@" (?:driver|driving|licen[cs]e|dl |dln )")]
    private static partial Regex LicenseWords();

    [GeneratedRegex(@" (?:npi|national provider|provider)")]
    private static partial Regex NpiWords();

    [GeneratedRegex(@" (?:ndc|drug code|national drug)")]
    private static partial Regex NdcWords();

    [GeneratedRegex(@" (?:cpt|procedure)")]
    private static partial Regex CptWords();

    [GeneratedRegex(@" (?:hcpcs|procedure|supply code)")]
    private static partial Regex HcpcsWords();

    [GeneratedRegex(@" (?:hicn|medicare|claim|railroad|rrb) ")]
    private static partial Regex HicnWords();
}
