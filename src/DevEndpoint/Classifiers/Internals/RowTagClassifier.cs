using DevEndpoint.Formats;
using DevEndpoint.Formats.Xml;

namespace DevEndpoint.Classifiers.Internals;

/// <summary>An XML classifier whose records are the root's elements named by a row tag.</summary>
internal sealed class RowTagClassifier(string classification, string rowTag) : IClassifier
{
    public string Name => classification;

    public Task<Classification> ClassifyAsync(FileProbe file, CancellationToken cancellationToken) =>
        Task.FromResult(XmlClassifier.Classify(file, classification, rowTag));
}
