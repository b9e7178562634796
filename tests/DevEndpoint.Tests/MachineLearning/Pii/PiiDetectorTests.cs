using DevEndpoint.MachineLearning.Pii;

namespace DevEndpoint.Tests.MachineLearning.Pii;

public sealed class PiiDetectorTests
{
    [Theory]
    [InlineData("note", "Mail jane.doe@example.com today", "EMAIL", "jane.doe@example.com")]
    [InlineData("card", "4111 1111 1111 1111", "CREDIT_CARD", "4111 1111 1111 1111")]
    [InlineData("card", "paid with 5500-0000-0000-0004.", "CREDIT_CARD", "5500-0000-0000-0004")]
    [InlineData("card", "378282246310005", "CREDIT_CARD", "378282246310005")]
    [InlineData("card", "6011111111111117", "CREDIT_CARD", "6011111111111117")]
    [InlineData("id", "SSN 123-45-6789", "USA_SSN", "123-45-6789")]
    [InlineData("ssn", "123456789", "USA_SSN", "123456789")]
    [InlineData("id", "912-70-1234", "USA_ITIN", "912-70-1234")]
    [InlineData("itin", "912941234", "USA_ITIN", "912941234")]
    [InlineData("id", "AB1234563", "USA_DEA_NUMBER", "AB1234563")]
    [InlineData("npi", "1234567893", "USA_NATIONAL_PROVIDER_IDENTIFIER", "1234567893")]
    [InlineData("id", "1EG4-TE5-MK73", "USA_MEDICARE_BENEFICIARY_IDENTIFIER", "1EG4-TE5-MK73")]
    [InlineData("id", "1EG4TE5MK73", "USA_MEDICARE_BENEFICIARY_IDENTIFIER", "1EG4TE5MK73")]
    [InlineData("code", "0777-3105-02", "USA_NATIONAL_DRUG_CODE", "0777-3105-02")]
    [InlineData("code", "12345-678-90", "USA_NATIONAL_DRUG_CODE", "12345-678-90")]
    [InlineData("code", "12345-6789-0", "USA_NATIONAL_DRUG_CODE", "12345-6789-0")]
    [InlineData("ndc", "12345678901", "USA_NATIONAL_DRUG_CODE", "12345678901")]
    [InlineData("id", "123456789A", "USA_HEALTH_INSURANCE_CLAIM_NUMBER", "123456789A")]
    [InlineData("id", "123-45-6789B1", "USA_HEALTH_INSURANCE_CLAIM_NUMBER", "123-45-6789B1")]
    [InlineData("medicare_claim", "MA123456", "USA_HEALTH_INSURANCE_CLAIM_NUMBER", "MA123456")]
    [InlineData("cpt_code", "99213", "USA_CPT_CODE", "99213")]
    [InlineData("procedure", "0001F", "USA_CPT_CODE", "0001F")]
    [InlineData("hcpcs", "J1100", "USA_HCPCS_CODE", "J1100")]
    [InlineData("passport_number", "C12345678", "USA_PASSPORT_NUMBER", "C12345678")]
    [InlineData("note", "passport 123456789", "USA_PASSPORT_NUMBER", "123456789")]
    [InlineData("DriversLicense", "D1234567", "USA_DRIVING_LICENSE", "D1234567")]
    [InlineData("dl", "S123-4567-8901", "USA_DRIVING_LICENSE", "S123-4567-8901")]
    [InlineData("bank_account", "12345678901", "BANK_ACCOUNT", "12345678901")]
    [InlineData("note", "acct no. 0012345678", "BANK_ACCOUNT", "0012345678")]
    [InlineData("contact", "(212) 555-0123", "PHONE_NUMBER", "(212) 555-0123")]
    [InlineData("contact", "+1 212 555 0123", "PHONE_NUMBER", "+1 212 555 0123")]
    [InlineData("contact", "call 212.555.0123", "PHONE_NUMBER", "212.555.0123")]
    [InlineData("phone", "2125550123", "PHONE_NUMBER", "2125550123")]
    [InlineData("contact", "+44 20 7946 0958", "PHONE_NUMBER", "+44 20 7946 0958")]
    [InlineData("host", "from 192.168.1.20", "IP_ADDRESS", "192.168.1.20")]
    [InlineData("host", "2001:db8::8a2e:370:7334", "IP_ADDRESS", "2001:db8::8a2e:370:7334")]
    [InlineData("host", "::1", "IP_ADDRESS", "::1")]
    [InlineData("device", "00:1A:2B:3C:4D:5E", "MAC_ADDRESS", "00:1A:2B:3C:4D:5E")]
    [InlineData("device", "00-1a-2b-3c-4d-5e", "MAC_ADDRESS", "00-1a-2b-3c-4d-5e")]
    [InlineData("device", "001a.2b3c.4d5e", "MAC_ADDRESS", "001a.2b3c.4d5e")]
    [InlineData("when", "born 2024-02-29", "DATE", "2024-02-29")]
    [InlineData("when", "02/29/2024", "DATE", "02/29/2024")]
    [InlineData("when", "31/12/2023", "DATE", "31/12/2023")]
    [InlineData("when", "March 5, 2024", "DATE", "March 5, 2024")]
    [InlineData("when", "5 Mar 2024", "DATE", "5 Mar 2024")]
    [InlineData("when", "2024-01-15T10:30:00Z", "DATE", "2024-01-15")]
    [InlineData("note", "Ask Mary Smith about it", "PERSON_NAME", "Mary Smith")]
    [InlineData("note", "signed John F. Kennedy", "PERSON_NAME", "John F. Kennedy")]
    [InlineData("note", "Smith, John", "PERSON_NAME", "Smith, John")]
    [InlineData("note", "Mary Ann O'Brien-Smith", "PERSON_NAME", "Mary Ann O'Brien-Smith")]
    [InlineData("customer_name", "Chidi Okafor", "PERSON_NAME", "Chidi Okafor")]
    [InlineData("last_name", "Garcia", "PERSON_NAME", "Garcia")]
    [InlineData("note", "Dr Okafor", "PERSON_NAME", "Okafor")]
    public void A_valid_entity_is_found_with_its_type_and_place(string column, string value, string type, string entity)
    {
        var found = Assert.Single(PiiScanner.Scan(value, column));

        Assert.Equal(type, found.EntityType);
        Assert.Equal(entity, value.Substring(found.Offset, found.Length));
    }

    [Theory]
    [InlineData("card", "4111 1111 1111 1112")] // fails the Luhn check
    [InlineData("card", "9111111111111111")] // no issuer starts with 9
    [InlineData("card", "3782822463100050")] // Amex numbers have 15 digits
    [InlineData("id", "000-12-3456")] // area 000
    [InlineData("id", "666-12-3456")] // area 666
    [InlineData("id", "123-00-4567")] // group 00
    [InlineData("id", "123-45-0000")] // serial 0000
    [InlineData("id", "078-05-1120")] // the Woolworth wallet number
    [InlineData("id", "123456789")] // nine digits with no word for SSN
    [InlineData("id", "912-45-1234")] // area 9xx is no SSN, group 45 no ITIN
    [InlineData("id", "AB1234567")] // DEA check digit should be 3
    [InlineData("id", "IB1234563")] // I is no DEA registrant type
    [InlineData("npi", "1234567890")] // NPI check digit should be 3
    [InlineData("id", "1234567893")] // a valid NPI, but nothing says provider
    [InlineData("id", "1EG4-TS5-MK73")] // S is not an MBI letter
    [InlineData("id", "0EG4TE5MK73")] // an MBI starts with 1-9
    [InlineData("id", "1EG4-TE5MK73")] // one dash but not the other
    [InlineData("code", "123-4567-89")] // not an NDC form
    [InlineData("code", "12345678901")] // eleven digits, nothing says drug code
    [InlineData("id", "000456789A")] // the SSN in the claim number has area 000
    [InlineData("id", "123456789Z")] // Z is no beneficiary code
    [InlineData("id", "MA123456")] // a railroad claim number needs a word for it
    [InlineData("cpt_code", "00050")] // below the CPT range
    [InlineData("id", "99213")] // a CPT code, but nothing says so
    [InlineData("hcpcs", "D1234")] // D is no HCPCS level II letter
    [InlineData("id", "C12345678")] // a passport number, but nothing says so
    [InlineData("id", "D1234567")] // a licence number, but nothing says so
    [InlineData("id", "12345678901")] // an account number, but nothing says so
    [InlineData("contact", "112-555-0123")] // area codes start with 2-9
    [InlineData("contact", "212-155-0123")] // exchanges start with 2-9
    [InlineData("id", "2125550123")] // ten digits, nothing says phone
    [InlineData("host", "256.1.1.1")] // octet over 255
    [InlineData("host", "01.2.3.4")] // leading zero
    [InlineData("host", "12:30:45")] // a time, not IPv6
    [InlineData("device", "00:1A:2B:3C:4D")] // five groups
    [InlineData("device", "00:1A-2B:3C:4D:5E")] // mixed separators
    [InlineData("note", "jane..doe@example.com")] // two dots in a row
    [InlineData("note", "jane@localhost")] // no top-level domain
    [InlineData("when", "2023-02-29")] // 2023 is no leap year
    [InlineData("when", "13/13/2024")] // no month 13
    [InlineData("note", "Blue Sky Report")] // capitalised, but no name in it
    [InlineData("note", "Garcia")] // a surname alone, nothing says name
    public void A_value_that_only_looks_like_an_entity_is_not_found(string column, string value)
    {
        Assert.Empty(PiiScanner.Scan(value, column));
    }

    [Fact]
    public void Every_entity_in_a_value_is_found_in_order()
    {
        var value = "Mary Smith, mary@example.com, 212-555-0123, SSN 123-45-6789";

        var found = PiiScanner.Scan(value, "note").Select(m => (m.EntityType, value.Substring(m.Offset, m.Length)));

        Assert.Equal(
            [("PERSON_NAME", "Mary Smith"), ("EMAIL", "mary@example.com"), ("PHONE_NUMBER", "212-555-0123"), ("USA_SSN", "123-45-6789")],
            found);
    }

    [Fact]
    public void Every_entity_type_has_valid_examples_above()
    {
        var examples = typeof(PiiDetectorTests).GetMethod(nameof(A_valid_entity_is_found_with_its_type_and_place))!
            .GetCustomAttributes(typeof(InlineDataAttribute), inherit: false)
            .Cast<InlineDataAttribute>()
            .Select(a => (string)a.GetData(null!).Single()[2]);

        Assert.Equal(PiiEntityTypes.All.Order(), examples.Distinct().Order());
    }

    [Fact]
    public void All_lists_each_of_Glues_nineteen_entity_types_once()
    {
        Assert.Equal(19, PiiEntityTypes.All.Count);
        Assert.Equal(PiiEntityTypes.All.Order(), typeof(PiiEntityTypes).GetFields().Select(f => (string)f.GetValue(null)!).Order());
    }
}
