using DevEndpoint.Formats;

namespace DevEndpoint.Tests.Formats;

/// <summary>Every file of the text and Avro corpora is classified, UNKNOWN, or a bad file with a reason: none crashes the classifier.</summary>
public sealed class CorpusClassificationTests
{
    [Theory]
    [InlineData("arrow-testing/data/avro")]
    [InlineData("arrow-testing/data/csv")]
    [InlineData("duckdb/data/json")]
    [InlineData("duckdb/data/csv")]
    [InlineData("JSONTestSuite")]
    [InlineData("csv-spectrum")]
    public async Task No_corpus_file_crashes_the_classifier(string folder)
    {
        var crashes = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Corpora.Path(folder.Split('/')), "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".parquet", StringComparison.Ordinal)))
        {
            try
            {
                await FileClassifier.ClassifyAsync(file, new SampleOptions());
            }
            catch (BadFileException e)
            {
                Assert.False(string.IsNullOrWhiteSpace(e.Reason));
            }
            catch (Exception e)
            {
                crashes.Add($"{file}: {e.GetType().Name}: {e.Message}");
            }
        }

        Assert.Empty(crashes);
    }
}
