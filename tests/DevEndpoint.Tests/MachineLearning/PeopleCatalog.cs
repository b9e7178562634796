using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Frames;
using DevEndpoint.Loading;
using DevEndpoint.MachineLearning;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.MachineLearning;

/// <summary><see cref="PeopleTable"/> crawled into a fresh catalog as <c>crm.people</c>, in a temporary folder.</summary>
internal sealed class PeopleCatalog : IDisposable
{
    private PeopleCatalog(TempFolder temp, DataCatalog catalog)
    {
        Temp = temp;
        Catalog = catalog;
    }

    public TempFolder Temp { get; }

    public DataCatalog Catalog { get; }

    public static async Task<PeopleCatalog> CreateAsync(string csv = PeopleTable.Csv)
    {
        var temp = new TempFolder();
        temp.Write("lake/people/people.csv", csv.ReplaceLineEndings("\n") + "\n");
        var catalog = DataCatalog.Open(temp.Combine("catalog.db"));
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("lake"), Database = "crm" });
        return new PeopleCatalog(temp, catalog);
    }

    public Task<FindMatchesTransform> CreateTransformAsync(string name = "people", FindMatchesOptions? options = null) =>
        FindMatchesTransform.CreateAsync(Catalog, name, "crm.people", "id", options);

    /// <summary>The rows of <c>crm.people</c> as the transforms read them (strings as .NET strings).</summary>
    public async Task<DataFrame> LoadAsync() =>
        (await new TableLoader(Catalog).LoadAsync("crm.people", new LoadOptions { Strings = StringStorage.Dotnet })).Frame;

    /// <summary>Fills the label column of a generated labelling set from the truth, as a careful user would.</summary>
    public static DataFrame Label(DataFrame set)
    {
        for (long row = 0; row < set.Rows.Count; row++)
        {
            set.Columns["label"][row] = PeopleTable.EntityOf((string)set.Columns["id"][row]);
        }

        return set;
    }

    /// <summary>Generates, labels and imports <paramref name="rounds"/> labelling sets.</summary>
    public static async Task LabelRoundsAsync(FindMatchesTransform transform, int rounds)
    {
        for (var round = 0; round < rounds; round++)
        {
            await transform.ImportLabelsAsync(Label(await transform.GenerateLabelingSetAsync()));
        }
    }

    public void Dispose() => Temp.Dispose();
}
