namespace DevEndpoint.MachineLearning.Internals;

/// <summary>A label of a record found in the table: its labelling set, its label and its row.</summary>
internal readonly record struct LabelledRecord(string SetId, string Label, int Row);
