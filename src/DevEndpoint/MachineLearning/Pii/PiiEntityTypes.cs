namespace DevEndpoint.MachineLearning.Pii;

/// <summary>The entity types sensitive-data detection finds, by Glue's names (its US and universal types).</summary>
public static class PiiEntityTypes
{
    public const string PersonName = "PERSON_NAME";
    public const string Email = "EMAIL";
    public const string PhoneNumber = "PHONE_NUMBER";
    public const string CreditCard = "CREDIT_CARD";
    public const string UsaSsn = "USA_SSN";
    public const string IpAddress = "IP_ADDRESS";
    public const string MacAddress = "MAC_ADDRESS";
    public const string BankAccount = "BANK_ACCOUNT";
    public const string Date = "DATE";
    public const string UsaPassportNumber = "USA_PASSPORT_NUMBER";
    public const string UsaItin = "USA_ITIN";
    public const string UsaDrivingLicense = "USA_DRIVING_LICENSE";
    public const string UsaDeaNumber = "USA_DEA_NUMBER";
    public const string UsaNationalProviderIdentifier = "USA_NATIONAL_PROVIDER_IDENTIFIER";
    public const string UsaNationalDrugCode = "USA_NATIONAL_DRUG_CODE";
    public const string UsaCptCode = "USA_CPT_CODE";
    public const string UsaHcpcsCode = "USA_HCPCS_CODE";
    public const string UsaMedicareBeneficiaryIdentifier = "USA_MEDICARE_BENEFICIARY_IDENTIFIER";
    public const string UsaHealthInsuranceClaimNumber = "USA_HEALTH_INSURANCE_CLAIM_NUMBER";

    private static readonly string[] Types =
    [
        PersonName, Email, PhoneNumber, CreditCard, UsaSsn, IpAddress, MacAddress, BankAccount, Date, UsaPassportNumber, UsaItin,
        UsaDrivingLicense, UsaDeaNumber, UsaNationalProviderIdentifier, UsaNationalDrugCode, UsaCptCode, UsaHcpcsCode,
        UsaMedicareBeneficiaryIdentifier, UsaHealthInsuranceClaimNumber,
    ];

    /// <summary>Every type, in Glue's order.</summary>
    public static IReadOnlyList<string> All => Types;

    /// <summary>A type's place in <see cref="All"/>, for ordering.</summary>
    internal static int Order(string type) => Array.IndexOf(Types, type);

    /// <summary>
    /// Entity types as a user typed them (comma-separated, any case, <c>ALL</c> for every type); <c>null</c> or empty
    /// for every type; an unknown name is an error naming the closest ones.
    /// </summary>
    public static IReadOnlyList<string> Parse(string? text)
    {
        var names = (text ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0 || names.Any(n => n.Equals("ALL", StringComparison.OrdinalIgnoreCase)))
        {
            return All;
        }

        return names.Select(name => All.FirstOrDefault(t => t.Equals(name, StringComparison.OrdinalIgnoreCase)) ?? throw PiiErrors.UnknownEntityType(name))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }
}
