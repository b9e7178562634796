using DevEndpoint.Catalog;
using DevEndpoint.MachineLearning;
using Microsoft.Data.Sqlite;

namespace DevEndpoint.Tests.MachineLearning;

public sealed class FindMatchesTransformTests
{
    [Fact]
    public async Task A_transform_reads_back_from_a_reopened_catalog_in_glue_shapes()
    {
        using var people = await PeopleCatalog.CreateAsync();
        var before = DateTimeOffset.UtcNow;
        await people.CreateTransformAsync(options: new FindMatchesOptions { PrecisionRecallTradeoff = 0.9, AccuracyCostTradeoff = 0.2, EnforceProvidedLabels = true });

        var stored = DataCatalog.Open(people.Catalog.Path).GetMLTransform("PEOPLE");

        Assert.Equal("people", stored.Name);
        Assert.StartsWith("tfm-", stored.TransformId, StringComparison.Ordinal);
        Assert.Equal(MLTransform.NotReady, stored.Status);
        Assert.Equal(new GlueTable("crm", "people"), Assert.Single(stored.InputRecordTables));
        Assert.Equal(new TransformParameters("FIND_MATCHES", new FindMatchesParameters("id", 0.9, 0.2, true)), stored.Parameters);
        Assert.Equal(["id", "first_name", "last_name", "city", "birth_date", "phone"], stored.Schema.Select(c => c.Name));
        Assert.Equal("date", stored.Schema.Single(c => c.Name == "birth_date").DataType);
        Assert.Equal(0, stored.LabelCount);
        Assert.Null(stored.EvaluationMetrics);
        Assert.InRange(stored.CreatedOn, before, DateTimeOffset.UtcNow);
        Assert.Equal(stored.CreatedOn, stored.LastModifiedOn);
    }

    [Fact]
    public async Task Semantic_blocking_is_kept_with_the_transform_and_left_out_of_its_glue_shape_when_auto()
    {
        using var people = await PeopleCatalog.CreateAsync();
        await people.CreateTransformAsync("chosen", new FindMatchesOptions { SemanticBlocking = SemanticBlocking.Off });
        await people.CreateTransformAsync("default");

        var reopened = DataCatalog.Open(people.Catalog.Path);
        var chosen = reopened.GetMLTransform("chosen").Parameters.FindMatchesParameters;
        var byDefault = reopened.GetMLTransform("default").Parameters.FindMatchesParameters;

        Assert.Equal(SemanticBlocking.Off, chosen.SemanticBlocking);
        Assert.Equal(SemanticBlocking.Auto, byDefault.SemanticBlocking);
        Assert.Contains("\"SemanticBlocking\":\"Off\"", CatalogJson.Serialize(chosen, indented: false), StringComparison.Ordinal);
        Assert.DoesNotContain("SemanticBlocking", CatalogJson.Serialize(byDefault, indented: false), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_a_transform_removes_its_labels_and_model_and_leaves_the_others()
    {
        using var people = await PeopleCatalog.CreateAsync();
        var kept = await people.CreateTransformAsync("kept");
        var doomed = await people.CreateTransformAsync("doomed");
        await PeopleCatalog.LabelRoundsAsync(doomed, 2);
        await doomed.FindMatchesAsync();
        Assert.NotNull(people.Catalog.GetMLTransformModel(doomed.Definition.TransformId));

        var deleted = FindMatchesTransform.Delete(people.Catalog, "doomed");

        Assert.Equal(doomed.Definition.LabelCount, deleted.LabelCount);
        Assert.Equal(["kept"], people.Catalog.GetMLTransforms().Select(t => t.Name));
        Assert.Empty(people.Catalog.GetMLTransformLabels(doomed.Definition.TransformId));
        Assert.Null(people.Catalog.GetMLTransformModel(doomed.Definition.TransformId));
        Assert.Equal(kept.Definition.TransformId, people.Catalog.GetMLTransform("kept").TransformId);
    }

    [Fact]
    public async Task A_catalog_whose_kept_models_have_no_metrics_column_gets_it_on_open_and_evaluates()
    {
        using var people = await PeopleCatalog.CreateAsync();
        var transform = await people.CreateTransformAsync();
        await PeopleCatalog.LabelRoundsAsync(transform, 2);
        await transform.FindMatchesAsync();
        using (var connection = new SqliteConnection($"Data Source={people.Catalog.Path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "ALTER TABLE ml_transform_models DROP COLUMN metrics; UPDATE schema_info SET version = 1";
            command.ExecuteNonQuery();
        }

        var reopened = DataCatalog.Open(people.Catalog.Path);
        var before = reopened.GetMLTransformModel(transform.Definition.TransformId)!;
        var metrics = await FindMatchesTransform.Open(reopened, "people").EvaluateAsync();

        Assert.Null(before.Metrics);
        Assert.Equal(CatalogJson.Serialize(metrics), CatalogJson.Serialize(reopened.GetMLTransformModel(transform.Definition.TransformId)!.Metrics));
    }

    [Fact]
    public async Task A_taken_name_is_refused()
    {
        using var people = await PeopleCatalog.CreateAsync();
        await people.CreateTransformAsync();

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => people.CreateTransformAsync("People"));

        Assert.Equal(
            $"ML transform 'people' already exists in the catalog {people.Catalog.Path}. Choose another name, or delete it first with ml delete people.",
            error.Message);
    }

    [Fact]
    public async Task An_unknown_transform_is_named_with_the_closest_ones()
    {
        using var people = await PeopleCatalog.CreateAsync();
        await people.CreateTransformAsync();

        var error = Assert.Throws<DevEndpointException>(() => FindMatchesTransform.Open(people.Catalog, "peple"));

        Assert.Equal($"ML transform 'peple' does not exist in the catalog {people.Catalog.Path}. Did you mean 'people'?", error.Message);
    }

    [Fact]
    public async Task A_primary_key_the_table_does_not_have_is_refused_with_the_closest_columns()
    {
        using var people = await PeopleCatalog.CreateAsync();

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => FindMatchesTransform.CreateAsync(people.Catalog, "people", "crm.people", "ids"));

        Assert.Equal("Table crm.people has no column 'ids' to be the primary key. Did you mean 'id'?", error.Message);
        Assert.Empty(people.Catalog.GetMLTransforms());
    }

    [Fact]
    public async Task A_primary_key_with_repeated_values_is_refused()
    {
        using var people = await PeopleCatalog.CreateAsync();

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => FindMatchesTransform.CreateAsync(people.Catalog, "people", "crm.people", "city"));

        Assert.Equal(
            "Column 'city' of crm.people cannot be the primary key: the value 'Leeds' is on more than one row. Choose a column that has a unique value on every row.",
            error.Message);
        Assert.Empty(people.Catalog.GetMLTransforms());
    }

    [Fact]
    public async Task A_primary_key_with_missing_values_is_refused()
    {
        using var people = await PeopleCatalog.CreateAsync();

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => FindMatchesTransform.CreateAsync(people.Catalog, "people", "crm.people", "phone"));

        Assert.Equal(
            "Column 'phone' of crm.people cannot be the primary key: some rows have no value in it. Choose a column that has a unique value on every row.",
            error.Message);
    }

    [Theory]
    [InlineData(1.5, 0.5, "--precision-recall must be between 0 and 1; got 1.5.")]
    [InlineData(0.5, -0.1, "--accuracy-cost must be between 0 and 1; got -0.1.")]
    public async Task A_trade_off_outside_0_to_1_is_refused(double precisionRecall, double accuracyCost, string message)
    {
        using var people = await PeopleCatalog.CreateAsync();

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => people.CreateTransformAsync(
            options: new FindMatchesOptions { PrecisionRecallTradeoff = precisionRecall, AccuracyCostTradeoff = accuracyCost }));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task A_name_with_spaces_is_refused()
    {
        using var people = await PeopleCatalog.CreateAsync();

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => people.CreateTransformAsync("my people"));

        Assert.Equal("'my people' is not a valid ML transform name. Use letters, digits, underscores, hyphens and dots (at most 255).", error.Message);
    }
}
