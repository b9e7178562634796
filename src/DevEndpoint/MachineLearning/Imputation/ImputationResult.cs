using Microsoft.Data.Analysis;

namespace DevEndpoint.MachineLearning.Imputation;

/// <summary>
/// A frame with one column's missing values imputed: <paramref name="Frame"/> holds every column of the input and
/// <paramref name="FilledColumn"/> (<c>&lt;column&gt;_filled</c>), the column's values with <paramref name="Filled"/> missing
/// ones predicted by <paramref name="Model"/>, trained on the <paramref name="TrainingRows"/> rows that have a value.
/// </summary>
public sealed record ImputationResult(DataFrame Frame, string Column, string FilledColumn, long Filled, long TrainingRows, string Model);
