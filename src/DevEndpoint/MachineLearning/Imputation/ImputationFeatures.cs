using System.Globalization;
using Microsoft.Data.Analysis;

namespace DevEndpoint.MachineLearning.Imputation;

/// <summary>
/// The feature vector of each row, from the columns a model learns from: numbers (and booleans, dates as days) as they are
/// with a slot that says missing (the value then the column's mean) and one-hot slots for their decile, text with few distinct values one-hot, other text as
/// counts of its lower-case words hashed into slots.
/// </summary>
internal sealed class ImputationFeatures
{
    /// <summary>The ranges (by deciles of its known values) a number's one-hot slots tell: what lets a linear classifier learn thresholds.</summary>
    private const int Bins = 10;

    private readonly List<(int Size, Action<long, float[], int> Write)> writers = [];

    public ImputationFeatures(DataFrame frame, IEnumerable<string> columns, ImputationOptions options)
    {
        foreach (var name in columns)
        {
            var column = frame.Columns[name];
            if (column.IsNumericColumn() || column.DataType == typeof(bool) || column.DataType == typeof(DateTime))
            {
                var values = Enumerable.Range(0, (int)column.Length).Select(r => Number(column, r)).ToList();
                var known = values.OfType<double>().Order().ToList();
                var mean = known.Count == 0 ? 0 : (float)known.Average();
                var cuts = Enumerable.Range(1, Bins - 1).Select(b => known.Count == 0 ? 0 : known[b * (known.Count - 1) / Bins]).Distinct().ToArray();
                writers.Add((2 + Bins, (row, features, at) =>
                {
                    var value = values[(int)row];
                    features[at] = value is { } present ? (float)present : mean;
                    features[at + 1] = value is null ? 1 : 0;
                    if (value is { } number)
                    {
                        features[at + 2 + cuts.Count(c => c < number)] = 1;
                    }
                }
                ));
                continue;
            }

            var texts = Enumerable.Range(0, (int)column.Length).Select(r => Text(column[r])).ToList();
            var categories = texts.OfType<string>().Distinct(StringComparer.Ordinal).Take(options.MaxCategories + 1).ToList();
            if (categories.Count <= options.MaxCategories)
            {
                var slots = categories.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
                writers.Add((slots.Count + 1, (row, features, at) => features[at + (texts[(int)row] is { } text ? slots[text] : slots.Count)] = 1));
                continue;
            }

            var size = options.HashSlots;
            writers.Add((size, (row, features, at) =>
            {
                foreach (var word in Words(texts[(int)row]))
                {
                    features[at + (int)(Hash(word) % (uint)size)] += 1;
                }
            }
            ));
        }

        Size = Math.Max(1, writers.Sum(w => w.Size));
    }

    /// <summary>The length of every feature vector.</summary>
    public int Size { get; }

    public float[] Row(long row)
    {
        var features = new float[Size];
        var at = 0;
        foreach (var (size, write) in writers)
        {
            write(row, features, at);
            at += size;
        }

        return features;
    }

    /// <summary>A cell as a missing value: null, NaN, or text that is empty or blank.</summary>
    public static bool IsMissing(object? value) => value switch
    {
        null => true,
        double d => double.IsNaN(d),
        float f => float.IsNaN(f),
        string s => string.IsNullOrWhiteSpace(s),
        _ => false,
    };

    private static double? Number(DataFrameColumn column, long row) => column[row] switch
    {
        _ when IsMissing(column[row]) => null,
        bool b => b ? 1 : 0,
        DateTime date => date.Ticks / (double)TimeSpan.TicksPerDay,
        IConvertible value when column.IsNumericColumn() => value.ToDouble(CultureInfo.InvariantCulture),
        _ => null,
    };

    private static string? Text(object? value) => IsMissing(value) ? null : Convert.ToString(value, CultureInfo.InvariantCulture);

    private static IEnumerable<string> Words(string? text) =>
        (text ?? string.Empty).ToLowerInvariant().Split((char[])[' ', ',', '.', ';', ':', '-', '/', '(', ')', '\t'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>FNV-1a: the same slot for a word in every process (string.GetHashCode differs per process).</summary>
    private static uint Hash(string word)
    {
        var hash = 2166136261;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 16777619;
        }

        return hash;
    }
}
