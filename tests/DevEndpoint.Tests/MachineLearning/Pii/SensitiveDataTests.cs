using DevEndpoint.MachineLearning.Pii;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.MachineLearning.Pii;

public sealed class SensitiveDataTests
{
    private static DataFrame People() => new(
        new Int64DataFrameColumn("id", [1L, 2L, 3L, 4L]),
        new StringDataFrameColumn("contact", ["mary@example.com", "call 212-555-0123", null, "joe@example.org"]),
        new StringDataFrameColumn("card", ["4111 1111 1111 1111", "none", "5500-0000-0000-0004", "n/a"]),
        new StringDataFrameColumn("ssn", ["123-45-6789", "987654321", "234-56-7890", "345-67-8901"]));

    [Fact]
    public void Detect_reports_each_entity_with_its_column_row_offset_and_type()
    {
        var detection = SensitiveData.Detect(People());

        Assert.Equal(
            [
                new PiiEntity("contact", 0, 0, 16, "EMAIL"),
                new PiiEntity("card", 0, 0, 19, "CREDIT_CARD"),
                new PiiEntity("ssn", 0, 0, 11, "USA_SSN"),
                new PiiEntity("contact", 1, 5, 12, "PHONE_NUMBER"),
                new PiiEntity("card", 2, 0, 19, "CREDIT_CARD"),
                new PiiEntity("ssn", 2, 0, 11, "USA_SSN"),
                new PiiEntity("contact", 3, 0, 15, "EMAIL"),
                new PiiEntity("ssn", 3, 0, 11, "USA_SSN"),
            ],
            detection.Entities);
        Assert.Equal(4, detection.Rows);
    }

    [Fact]
    public void A_column_is_classified_as_a_type_that_at_least_the_threshold_of_its_values_hold()
    {
        var detection = SensitiveData.Detect(People(), new PiiOptions { ThresholdFraction = 0.5 });

        Assert.Equal(
            [
                new PiiColumn("contact", "EMAIL", 2 / 3.0, 3, 2),
                new PiiColumn("card", "CREDIT_CARD", 0.5, 4, 2),
                new PiiColumn("ssn", "USA_SSN", 0.75, 4, 3),
            ],
            detection.Columns);
        Assert.Equal("EMAIL", detection.ColumnEntityTypes()["contact"]);
    }

    [Fact]
    public void A_type_below_the_threshold_does_not_classify_its_column()
    {
        var detection = SensitiveData.Detect(People(), new PiiOptions { ThresholdFraction = 0.7 });

        Assert.Equal(["ssn"], detection.Columns.Select(c => c.Column));
    }

    [Fact]
    public void Column_classification_reads_only_the_sampled_rows_and_the_same_rows_for_a_seed()
    {
        var frame = new DataFrame(new StringDataFrameColumn("mail", Enumerable.Range(0, 1000).Select(i => i % 2 == 0 ? $"user{i}@example.com" : "none")));
        var options = new PiiOptions { SampleFraction = 0.2, MinimumSampleRows = 10, Seed = 7 };

        var first = SensitiveData.Detect(frame, options);
        var again = SensitiveData.Detect(frame, options);

        Assert.Equal(200, first.SampledRows);
        Assert.Equal(200, Assert.Single(first.Columns).SampledValues);
        Assert.Equal(first.Columns, again.Columns);
        Assert.InRange(first.Columns[0].Fraction, 0.4, 0.6);
        Assert.Equal(500, first.Entities.Count);
    }

    [Fact]
    public void Only_the_entity_types_asked_for_are_reported()
    {
        var detection = SensitiveData.Detect(People(), new PiiOptions { EntityTypes = PiiEntityTypes.Parse("email, usa_ssn") });

        Assert.Equal(["EMAIL", "USA_SSN"], detection.Entities.Select(e => e.EntityType).Distinct().Order());
    }

    [Fact]
    public void Redact_replaces_each_entity_by_the_mask()
    {
        var frame = People();
        var options = new PiiOptions { Action = PiiAction.Redact };

        var redacted = SensitiveData.Apply(frame, SensitiveData.Detect(frame, options), options);

        Assert.Equal(["*******", "call *******", null, "*******"], redacted["contact"].Cast<string?>());
        Assert.Equal(["*******", "none", "*******", "n/a"], redacted["card"].Cast<string?>());
        Assert.Equal([1L, 2L, 3L, 4L], redacted["id"].Cast<long?>().Select(v => v!.Value));
        Assert.Equal("mary@example.com", frame["contact"][0]);
    }

    [Fact]
    public void Partial_redact_keeps_the_last_four_letters_or_digits_and_the_separators()
    {
        var frame = People();
        var options = new PiiOptions { Action = PiiAction.PartialRedact };

        var redacted = SensitiveData.Apply(frame, SensitiveData.Detect(frame, options), options);

        Assert.Equal(["**** **** **** 1111", "none", "****-****-****-0004", "n/a"], redacted["card"].Cast<string?>());
        Assert.Equal(["***-**-6789", "987654321", "***-**-7890", "***-**-8901"], redacted["ssn"].Cast<string?>());
        Assert.Equal("****@******e.com", redacted["contact"][0]);
    }

    [Fact]
    public void Sha256_hash_replaces_each_entity_by_the_hex_of_its_hash()
    {
        var frame = People();
        var options = new PiiOptions { Action = PiiAction.Sha256Hash, EntityTypes = [PiiEntityTypes.PhoneNumber] };

        var hashed = SensitiveData.Apply(frame, SensitiveData.Detect(frame, options), options);

        Assert.Equal("call 070790e60b434fa58816252098aaad87fa84ff793e62c737afbe71b1f14d3f45", hashed["contact"][1]);
        Assert.Equal("mary@example.com", hashed["contact"][0]);
    }

    [Fact]
    public void Numbers_and_dates_are_read_as_text_and_a_column_with_entities_becomes_text()
    {
        var frame = new DataFrame(
            new Int64DataFrameColumn("bank_account", [12345678901L, 42L]),
            new DateTimeDataFrameColumn("born", [new DateTime(1980, 5, 17), null]));
        var options = new PiiOptions { Action = PiiAction.Redact };

        var redacted = SensitiveData.Apply(frame, SensitiveData.Detect(frame, options), options);

        Assert.Equal(["*******", "42"], redacted["bank_account"].Cast<string?>());
        Assert.Equal(["*******", null], redacted["born"].Cast<string?>());
    }

    [Fact]
    public void Unknown_entity_types_actions_and_fractions_are_errors_that_say_what_to_use()
    {
        Assert.Equal(
            "'EMAILS' is not an entity type. Did you mean EMAIL? Use ALL or some of: PERSON_NAME, EMAIL, PHONE_NUMBER, CREDIT_CARD, USA_SSN, IP_ADDRESS, MAC_ADDRESS, BANK_ACCOUNT, DATE, USA_PASSPORT_NUMBER, USA_ITIN, USA_DRIVING_LICENSE, USA_DEA_NUMBER, USA_NATIONAL_PROVIDER_IDENTIFIER, USA_NATIONAL_DRUG_CODE, USA_CPT_CODE, USA_HCPCS_CODE, USA_MEDICARE_BENEFICIARY_IDENTIFIER, USA_HEALTH_INSURANCE_CLAIM_NUMBER.",
            Assert.Throws<DevEndpointException>(() => PiiEntityTypes.Parse("EMAILS")).Message);
        Assert.Equal(
            "'mask' is not an action. Use detect, redact, partial-redact or sha256-hash.",
            Assert.Throws<DevEndpointException>(() => PiiOptions.ParseAction("mask")).Message);
        Assert.Equal(
            "--threshold-fraction must be a fraction greater than 0 and at most 1 (0.1 is one in ten); got '1.5'.",
            Assert.Throws<DevEndpointException>(() => SensitiveData.Detect(People(), new PiiOptions { ThresholdFraction = 1.5 })).Message);
        Assert.Equal(PiiAction.PartialRedact, PiiOptions.ParseAction("PARTIAL_REDACT"));
        Assert.Equal(PiiEntityTypes.All, PiiEntityTypes.Parse("all"));
    }
}
