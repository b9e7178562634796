using DevEndpoint.Catalog;
using DevEndpoint.MachineLearning;
using DevEndpoint.MachineLearning.Internals;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.MachineLearning;

public sealed class SemanticBlockingTests
{
    [Fact]
    public void The_hyperplane_index_finds_the_same_nearest_neighbour_as_brute_force()
    {
        // 600 random directions in 384 dimensions, each with a copy moved by noise: a vector's nearest is its copy, at a
        // cosine of about 0.9, and the next nearest is far (random directions in 384 dimensions are nearly orthogonal).
        var random = new Random(3);
        var vectors = new List<float[]>();
        for (var i = 0; i < 600; i++)
        {
            var vector = RandomUnit(random);
            vectors.Add(vector);
            vectors.Add(Unit(vector.Select(x => x + (0.02f * (float)Gaussian(random))).ToArray()));
        }

        var shuffled = vectors.OrderBy(_ => random.Next()).ToArray();
        var index = new HyperplaneIndex(shuffled, seed: 17);

        for (var row = 0; row < shuffled.Length; row++)
        {
            var brute = Enumerable.Range(0, shuffled.Length).Where(o => o != row)
                .MaxBy(o => HyperplaneIndex.Cosine(shuffled[row], shuffled[o]));
            Assert.Equal(brute, index.NearestOf(row, 1).Single().Row);
        }
    }

    [Fact]
    public void The_hyperplane_index_gives_the_same_neighbours_for_the_same_seed_and_none_to_a_record_without_a_vector()
    {
        var random = new Random(5);
        var vectors = Enumerable.Range(0, 200).Select(i => i == 7 ? null : RandomUnit(random)).ToArray();

        var first = new HyperplaneIndex(vectors, seed: 17);
        var second = new HyperplaneIndex(vectors, seed: 17);

        Assert.Empty(first.NearestOf(7, 5));
        Assert.All(Enumerable.Range(0, 200), row => Assert.Equal(first.NearestOf(row, 5), second.NearestOf(row, 5)));
        Assert.DoesNotContain(Enumerable.Range(0, 200), row => first.NearestOf(row, 5).Any(n => n.Row == 7));
    }

    [Fact]
    public void Semantic_blocking_On_without_the_embeddings_package_fails_saying_how_to_add_it()
    {
        var records = MatchRecords.From(Frame(["1", "2", "3"], ["dentist", "tooth doctor", "florist"]), "id");

        var error = Assert.Throws<DevEndpointException>(() => new Blocker(records, 0.5, SemanticBlocking.On).CandidatePairs());

        Assert.Equal(
            "Semantic blocking needs a sentence-embedding model, and the package DevEndpoint.Embeddings that brings one is not loaded. In a notebook run #r \"nuget: DevEndpoint.Embeddings\" first; in a project add a reference to DevEndpoint.Embeddings; or create the transform with SemanticBlocking = Auto or Off to block without it.",
            error.Message);
    }

    [Fact]
    public void Semantic_blocking_Auto_without_the_embeddings_package_blocks_as_Off_does()
    {
        var records = MatchRecords.From(Frame(["1", "2", "3", "4"], ["dentist", "tooth doctor", "florist", "dentists"]), "id");

        Assert.Null(TextEmbedder.Load("DevEndpoint.NoSuchEmbeddings"));
        Assert.Equal(new Blocker(records, 0.5, SemanticBlocking.Off).CandidatePairs(), new Blocker(records, 0.5).CandidatePairs());
        Assert.Contains(Blocker.Pair(0, 3), new Blocker(records, 0.5).CandidatePairs());
    }

    [Fact]
    public void Only_short_text_columns_of_words_are_embedded()
    {
        var records = MatchRecords.From(
            new DataFrame(
                new StringDataFrameColumn("id", ["1", "2"]),
                new StringDataFrameColumn("name", ["Ann Lee", "Bo Smyth"]),
                new StringDataFrameColumn("phone", ["020 7946 0018", "0161 496 0000"]),
                new StringDataFrameColumn("notes", [new string('a', 50) + " " + new string('b', 50), "c"]),
                new PrimitiveDataFrameColumn<int>("age", [31, 45])),
            "id");

        Assert.Equal([0], SemanticNeighbours.Columns(records));
    }

    [Fact]
    public void Records_that_share_a_close_record_become_a_pair_of_the_last_level()
    {
        // Record 1 is close to 0 and to 2 (a copy that shares its name with one copy and its e-mail with another); 3 and
        // 4 are close to each other only. Records 0 and 2 share nothing a pass could find.
        var best = new Dictionary<long, (int Rank, float Score)>
        {
            [Blocker.Pair(0, 1)] = (0, 0.9f),
            [Blocker.Pair(1, 2)] = (0, 0.8f),
            [Blocker.Pair(3, 4)] = (1, 0.7f),
        };

        Blocker.AddSecondNeighbours(best, 5, level: 2);

        Assert.Equal(
            [(Blocker.Pair(0, 1), (0, 0.9f)), (Blocker.Pair(0, 2), (2, 0f)), (Blocker.Pair(1, 2), (0, 0.8f)), (Blocker.Pair(3, 4), (1, 0.7f))],
            best.OrderBy(p => p.Key).Select(p => (p.Key, p.Value)));
    }

    private static DataFrame Frame(string[] ids, string[] names) => new(
        new StringDataFrameColumn("id", ids),
        new StringDataFrameColumn("name", names));

    private static float[] RandomUnit(Random random) => Unit(Enumerable.Range(0, 384).Select(_ => (float)Gaussian(random)).ToArray());

    private static float[] Unit(float[] vector)
    {
        var norm = (float)Math.Sqrt(vector.Sum(x => (double)x * x));
        return vector.Select(x => x / norm).ToArray();
    }

    private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
