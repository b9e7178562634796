using DevEndpoint.Catalog;
using DevEndpoint.MachineLearning;
using DevEndpoint.MachineLearning.Internals;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Embeddings.Tests;

public sealed class MiniLMEmbedderTests
{
    [Fact]
    public void The_model_inside_the_package_puts_two_spellings_of_a_name_closer_than_a_different_name()
    {
        var vectors = new MiniLMEmbedder().Encode(["Jon Smyth", "John Smith", "Apple Pie Bakery"]);

        Assert.All(vectors, v => Assert.Equal(384, v.Length));
        Assert.All(vectors, v => Assert.Equal(1, v.Sum(x => x * x), 3));
        Assert.True(HyperplaneIndex.Cosine(vectors[0], vectors[1]) > HyperplaneIndex.Cosine(vectors[0], vectors[2]) + 0.3);
    }

    [Fact]
    public void The_core_finds_the_provider_by_its_assembly_name()
    {
        Assert.IsType<MiniLMEmbedder>(TextEmbedder.Find());
    }

    [Fact]
    public void Embed_encodes_each_distinct_text_once_and_gives_each_text_its_own_vector()
    {
        var embedder = new CountingEmbedder();

        var first = embedder.Embed(["dentist", "florist", "dentist"]);
        var again = embedder.Embed(["florist", "tooth doctor"]);

        Assert.Equal(3, embedder.Encoded);
        Assert.Same(first[0], first[2]);
        Assert.Same(first[1], again[0]);
        Assert.True(HyperplaneIndex.Cosine(first[0], again[1]) > HyperplaneIndex.Cosine(first[0], first[1]));
    }

    [Fact]
    public void Semantic_blocking_pairs_records_close_in_meaning_that_share_no_blocking_key()
    {
        // "dentist" and "tooth doctor" share no word, 3-gram or sound code: token and column blocking cannot pair them.
        string[] names = ["dentist", "tooth doctor", "car repair garage", "fresh flower shop", "public library", "sea fishing boat", "mountain bike store", "pizza restaurant"];
        var records = MatchRecords.From(
            new DataFrame(new StringDataFrameColumn("id", names.Select((_, i) => $"r{i}")), new StringDataFrameColumn("name", names)),
            "id");

        Assert.DoesNotContain(Blocker.Pair(0, 1), new Blocker(records, 0.5, SemanticBlocking.Off).CandidatePairs());
        Assert.Contains(Blocker.Pair(0, 1), new Blocker(records, 0.5, SemanticBlocking.Auto).CandidatePairs());
        Assert.Equal(new Blocker(records, 0.5, SemanticBlocking.On).CandidatePairs(), new Blocker(records, 0.5, SemanticBlocking.Auto).CandidatePairs());
    }

    /// <summary>The real model, counting the texts it is asked to encode.</summary>
    private sealed class CountingEmbedder : TextEmbedder
    {
        private readonly MiniLMEmbedder model = new();

        public int Encoded { get; private set; }

        public override int Dimensions => model.Dimensions;

        public override float[][] Encode(IReadOnlyList<string> texts)
        {
            Encoded += texts.Count;
            return model.Encode(texts);
        }
    }
}
