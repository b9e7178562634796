using DevEndpoint.Catalog;

namespace DevEndpoint.Interactive.Tests.Magics;

public sealed class ClassifierMagicTests
{
    [Fact]
    public async Task Classifiers_are_added_listed_and_removed_in_process()
    {
        await using var fixture = await KernelFixture.CreateAsync();

        var grok = await fixture.MagicAsync("#!classifier add orders_grok --type grok --classification orders_log --grok-pattern \"%{WORD:id};%{INT:qty:int}\"");
        var csv = await fixture.MagicAsync("#!classifier add pipes --type csv --delimiter | --contains-header absent --header id,name");
        var list = await fixture.MagicAsync("#!classifier list");
        var removed = await fixture.MagicAsync("#!classifier remove pipes");

        KernelFixture.AssertSucceeded(grok);
        KernelFixture.AssertSucceeded(csv);
        KernelFixture.AssertSucceeded(list);
        KernelFixture.AssertSucceeded(removed);
        Assert.Contains("<tr><td style=\"text-align:left\">orders_grok</td><td style=\"text-align:left\">grok</td><td style=\"text-align:left\">orders_log</td><td style=\"text-align:left\">%{WORD:id};%{INT:qty:int}</td></tr>", KernelFixture.Html(list));
        Assert.Contains("<tr><td style=\"text-align:left\">pipes</td><td style=\"text-align:left\">csv</td><td style=\"text-align:left\">csv</td><td style=\"text-align:left\">delimiter |, quote &quot;, header absent: id,name</td></tr>", KernelFixture.Html(list));
        Assert.DoesNotContain("<td style=\"text-align:left\">pipes</td>", KernelFixture.Html(removed));
        Assert.Equal(["orders_grok"], DataCatalog.Open(fixture.CatalogPath).GetClassifiers().Select(c => c.Name));
    }

    [Theory]
    [InlineData("#!classifier", "Give #!classifier a subcommand: add, list or remove.")]
    [InlineData("#!classifier add app --type grok --classification app_log", "A grok classifier needs --grok-pattern.")]
    public async Task A_classifier_magic_missing_what_it_needs_fails_the_cell_saying_so(string magic, string message)
    {
        await using var fixture = await KernelFixture.CreateAsync();

        var result = await fixture.SubmitAsync(magic);

        Assert.Equal(message, KernelFixture.Failure(result));
    }

    [Fact]
    public async Task Removing_an_unknown_classifier_fails_the_cell_naming_the_closest()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        await fixture.MagicAsync("#!classifier add books --type xml --classification library --row-tag book");

        var result = await fixture.MagicAsync("#!classifier remove book");

        Assert.Equal($"Classifier 'book' does not exist in the catalog {fixture.CatalogPath}. Did you mean 'books'?", KernelFixture.Failure(result));
    }

    [Fact]
    public async Task Crawl_with_comma_separated_classifiers_records_the_one_that_matched()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        var folder = Path.Combine(fixture.Folder, "logs", "orders");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "day1.txt"), "AB;3\nCD;10\n");
        DataCatalog.Open(fixture.CatalogPath).Update(u =>
        {
            u.PutClassifier(new XmlCustomClassifier { Name = "books", Classification = "library", RowTag = "book" });
            u.PutClassifier(new GrokCustomClassifier { Name = "orders_grok", Classification = "orders_log", GrokPattern = "%{WORD:id};%{INT:qty:int}" });
        });

        var result = await fixture.MagicAsync($"#!crawl {Path.Combine(fixture.Folder, "logs")} --database logs --classifier books,orders_grok");

        KernelFixture.AssertSucceeded(result);
        var table = DataCatalog.Open(fixture.CatalogPath).GetTable(TableName.Parse("logs.orders"));
        Assert.Equal(("orders_log", "orders_grok"), (table.Parameter("classification"), table.Parameter("classifier")));
    }
}
