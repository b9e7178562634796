using DevEndpoint.Formats;

namespace DevEndpoint.Classifiers.Internals;

/// <summary>A custom classifier's matcher under its name: it claims only files it matches for certain, and says so on the schema.</summary>
internal sealed class NamedClassifier(string name, IClassifier matcher) : IClassifier
{
    public string Name => matcher.Name;

    public async Task<Classification> ClassifyAsync(FileProbe file, CancellationToken cancellationToken)
    {
        var answer = await matcher.ClassifyAsync(file, cancellationToken);
        return answer is { Certainty: >= 1.0, Schema: { } schema } ? Classification.Certain(schema with { Classifier = name }) : Classification.No;
    }
}
