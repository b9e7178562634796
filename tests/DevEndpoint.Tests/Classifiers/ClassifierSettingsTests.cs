using DevEndpoint.Catalog;
using DevEndpoint.Classifiers;

namespace DevEndpoint.Tests.Classifiers;

public sealed class ClassifierSettingsTests
{
    [Fact]
    public void Settings_build_a_csv_classifier_with_a_tab_delimiter_and_lists()
    {
        var classifier = ClassifierSettings.Create("tabs", "CSV", new Dictionary<string, string?>
        {
            ["--delimiter"] = "\\t",
            ["--header"] = "id, name",
            ["--contains-header"] = "Present",
            ["--custom-datatypes"] = "INT,STRING",
        });

        var csv = Assert.IsType<CsvCustomClassifier>(classifier);
        Assert.Equal(("\t", CsvHeader.Present), (csv.Delimiter, csv.ContainsHeader));
        Assert.Equal(["id", "name"], csv.Header);
        Assert.Equal(["INT", "STRING"], csv.CustomDatatypes);
    }

    [Theory]
    [InlineData("avro", null, null, "'avro' is not a classifier type. Use grok, csv, json or xml.")]
    [InlineData("grok", "--classification", "app", "A grok classifier needs --grok-pattern.")]
    [InlineData("xml", "--json-path", "$[*]", "An xml classifier does not take --json-path. It takes --classification, --row-tag.")]
    [InlineData("csv", "--contains-header", "yes", "'yes' is not a --contains-header value. Use present, absent or unknown.")]
    public void Wrong_settings_are_refused_naming_what_to_give(string type, string? option, string? value, string message)
    {
        var settings = option is null ? new Dictionary<string, string?>() : new Dictionary<string, string?> { [option] = value };

        var error = Assert.Throws<DevEndpointException>(() => ClassifierSettings.Create("c", type, settings));

        Assert.Equal(message, error.Message);
    }
}
