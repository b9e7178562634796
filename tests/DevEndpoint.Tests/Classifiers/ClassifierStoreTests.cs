using DevEndpoint.Catalog;

namespace DevEndpoint.Tests.Classifiers;

public sealed class ClassifierStoreTests
{
    [Fact]
    public void Classifiers_of_every_type_round_trip_through_the_catalog_in_name_order()
    {
        using var temp = new TempFolder();
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        CustomClassifier[] added =
        [
            new XmlCustomClassifier { Name = "books", Classification = "library", RowTag = "book" },
            new GrokCustomClassifier { Name = "app_logs", Classification = "app_log", GrokPattern = "%{ID:id} %{GREEDYDATA:message}", CustomPatterns = "ID [A-Z]+-[0-9]+" },
            new CsvCustomClassifier { Name = "pipes", Delimiter = "|", QuoteSymbol = "'", ContainsHeader = CsvHeader.Absent, Header = ["id", "name"] },
            new JsonCustomClassifier { Name = "records", JsonPath = "$.records[*]" },
        ];

        catalog.Update(u =>
        {
            foreach (var classifier in added)
            {
                u.PutClassifier(classifier);
            }
        });

        var stored = DataCatalog.Open(catalog.Path).GetClassifiers();
        Assert.Equal(["app_logs", "books", "pipes", "records"], stored.Select(c => c.Name));
        Assert.Equal(added.Select(c => CatalogJson.Serialize(c)).Order(), stored.Select(c => CatalogJson.Serialize(c)).Order());
        Assert.Equal("pipes", catalog.GetClassifier("PIPES").Name);
        Assert.Equal(["grok", "xml", "csv", "json"], stored.Select(c => c.Type));
    }

    [Fact]
    public void Listing_as_json_names_each_classifier_type()
    {
        var json = CatalogJson.Serialize(new { Classifiers = new CustomClassifier[] { new JsonCustomClassifier { Name = "records", JsonPath = "$[*]" } } });

        Assert.Equal("""{"Classifiers":[{"Type":"json","Classification":"json","JsonPath":"$[*]","Name":"records"}]}""", json);
    }

    [Fact]
    public void A_removed_classifier_is_gone_and_removing_it_again_names_the_closest()
    {
        using var temp = new TempFolder();
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        catalog.Update(u => u.PutClassifier(new JsonCustomClassifier { Name = "records", JsonPath = "$[*]" }));
        catalog.Update(u => u.PutClassifier(new JsonCustomClassifier { Name = "events", JsonPath = "$[*]" }));

        catalog.Update(u => u.DeleteClassifier("records"));
        var error = Assert.Throws<DevEndpointException>(() => catalog.Update(u => u.DeleteClassifier("event")));

        Assert.Equal(["events"], catalog.GetClassifiers().Select(c => c.Name));
        Assert.Equal($"Classifier 'event' does not exist in the catalog {catalog.Path}. Did you mean 'events'?", error.Message);
    }

    [Fact]
    public void An_unknown_classifier_in_an_empty_catalog_says_how_to_add_one()
    {
        using var temp = new TempFolder();
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));

        var error = Assert.Throws<DevEndpointException>(() => catalog.GetClassifier("logs"));

        Assert.Equal($"Classifier 'logs' does not exist in the catalog {catalog.Path}. The catalog has no classifiers yet: add one with classifier add.", error.Message);
    }

    [Fact]
    public void A_name_is_unique_whatever_its_case()
    {
        using var temp = new TempFolder();
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        catalog.Update(u => u.PutClassifier(new JsonCustomClassifier { Name = "Records", JsonPath = "$[*]" }));

        var error = Assert.Throws<DevEndpointException>(() => catalog.Update(u => u.PutClassifier(new JsonCustomClassifier { Name = "records", JsonPath = "$.x[*]" })));

        Assert.Equal($"Classifier 'Records' already exists in the catalog {catalog.Path}. Choose another name, or remove it first with classifier remove Records.", error.Message);
    }
}
