using DevEndpoint.Catalog;

namespace DevEndpoint.Tests.Classifiers;

public sealed class ClassifierValidationTests
{
    public static TheoryData<CustomClassifier, string> Invalid => new()
    {
        { new JsonCustomClassifier { Name = "my logs", JsonPath = "$[*]" }, "'my logs' is not a valid classifier name. Use 1 to 255 letters, digits, underscores, hyphens or dots, for example app_logs." },
        { new GrokCustomClassifier { Name = "g", Classification = "app", GrokPattern = "%{NOPE:x}" }, "Classifier 'g' is not valid: The grok pattern '%{NOPE:x}' refers to %{NOPE}, which is not a known pattern." },
        { new GrokCustomClassifier { Name = "g", Classification = "", GrokPattern = "%{WORD:x}" }, "Classifier 'g' is not valid: the classification '' is not valid. Use letters, digits, underscores and hyphens, for example app_log." },
        { new GrokCustomClassifier { Name = "g", Classification = "app", GrokPattern = "%{ID:x}", CustomPatterns = "ID" }, "Classifier 'g' is not valid: custom pattern line 1 'ID' is not 'NAME regular-expression'. Write one pattern per line, for example MYID [A-Z]{3}-[0-9]+." },
        { new CsvCustomClassifier { Name = "c", Delimiter = "||" }, "Classifier 'c' is not valid: the delimiter '||' is not one character. Give one, for example , or ; or \\t for a tab." },
        { new CsvCustomClassifier { Name = "c", QuoteSymbol = "," }, "Classifier 'c' is not valid: the quote symbol ',' is not one character other than the delimiter. Give one, for example \" or '." },
        { new CsvCustomClassifier { Name = "c", Header = ["id", " "] }, "Classifier 'c' is not valid: the header 'id, ' has an empty column name. Name every column, for example id,name,amount." },
        { new CsvCustomClassifier { Name = "c", Classification = "tsv" }, "Classifier 'c' is not valid: a csv classifier's classification is always csv, not 'tsv'." },
        { new CsvCustomClassifier { Name = "c", CustomDatatypes = ["INT", "VARCHAR"] }, "Classifier 'c' is not valid: 'VARCHAR' is not a custom datatype. Use BINARY, BOOLEAN, DATE, DECIMAL, DOUBLE, FLOAT, INT, LONG, SHORT, STRING, TIMESTAMP." },
        { new JsonCustomClassifier { Name = "j", JsonPath = "$.records" }, "Classifier 'j' is not valid: the JSON path '$.records' does not select an array of records. Use $[*] for a top-level array, or $.name[*] (or $['name'][*]) for the array under a property." },
        { new XmlCustomClassifier { Name = "x", Classification = "books", RowTag = "<book>" }, "Classifier 'x' is not valid: the row tag '<book>' is not an XML element name. Give the name of the element that holds one record, for example row (for <row>...</row>)." },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void An_invalid_definition_is_refused_saying_what_to_fix(CustomClassifier classifier, string message)
    {
        var error = Assert.Throws<DevEndpointException>(classifier.Validate);

        Assert.Equal(message, error.Message);
    }
}
