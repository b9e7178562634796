namespace DevEndpoint.MachineLearning;

/// <summary>What an import of labels did: the labels it read, and the labels and labelling sets the transform has now.</summary>
public sealed record LabelImport(int Imported, int LabelCount, int LabelingSets);
