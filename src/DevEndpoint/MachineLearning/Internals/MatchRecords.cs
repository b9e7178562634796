using System.Globalization;
using System.Text;
using DevEndpoint.Writing;
using Microsoft.Data.Analysis;

namespace DevEndpoint.MachineLearning.Internals;

/// <summary>How a compared column's values are read besides as text.</summary>
internal enum ColumnKind
{
    Text,
    Number,
    Date,
}

/// <summary>
/// The records of a table prepared for matching: per compared column (every column but the primary key and the source
/// column) the normalised text, its tokens and character 3-grams, its number or date; per record a TF-IDF vector over all
/// its tokens and 3-grams (the blocking keys), and in a record-linkage table its source.
/// </summary>
internal sealed class MatchRecords
{
    private MatchRecords(string[] keys, string[] columns, ColumnKind[] kinds)
    {
        Keys = keys;
        Columns = columns;
        Kinds = kinds;
        Text = new string[columns.Length][];
        Tokens = new int[columns.Length][][];
        Grams = new int[columns.Length][][];
        Values = new double[columns.Length][];
        Numbers = new int[columns.Length][][];
    }

    /// <summary>The primary key of each record, as text.</summary>
    public string[] Keys { get; }

    /// <summary>The compared columns.</summary>
    public string[] Columns { get; }

    public ColumnKind[] Kinds { get; }

    public int Count => Keys.Length;

    /// <summary>Per column, per record: the normalised text (lower case, words separated by one space), empty when missing.</summary>
    public string[][] Text { get; }

    public int[][][] Tokens { get; }

    public int[][][] Grams { get; }

    /// <summary>Per column, per record: the ids of the tokens that are numbers (a street or phone number inside a text).</summary>
    public int[][][] Numbers { get; }

    /// <summary>Per column, per record: the number (a date as days since 0001-01-01), NaN when missing or not a number or date column.</summary>
    public double[][] Values { get; }

    /// <summary>Per record: the blocking keys (token and 3-gram ids, sorted) and their TF-IDF weights (unit length).</summary>
    public int[][] KeyIds { get; private set; } = [];

    public float[][] KeyWeights { get; private set; } = [];

    /// <summary>Per record: one over the length of its TF-IDF vector before it was made unit length (0 without keys).</summary>
    public float[] InverseNorms { get; private set; } = [];

    /// <summary>How many records hold each blocking key.</summary>
    public int[] KeyFrequency { get; private set; } = [];

    /// <summary>The inverse document frequency of each blocking key.</summary>
    public float[] KeyIdf { get; private set; } = [];

    /// <summary>
    /// Per record: the column keys of the second blocking pass (sorted ids, unit-length TF-IDF weights), which catch pairs
    /// the whole-record vector misses: each column's whole value (a shared date of birth or phone number where little else
    /// is filled in), each two of a date's year, month and day (a typo in the third), each word's sound code (a typo that
    /// breaks every 3-gram of a short name) and each number inside a text (a street or phone number among other words).
    /// </summary>
    public KeySpace ColumnKeys { get; private set; } = KeySpace.Empty;

    /// <summary>
    /// Per record, on tables of up to <see cref="Blocker.SmallTable"/> records (else none): the keys of the typo pass, each
    /// word of 3 letters or more and, from 4 letters, the word with each one of its letters left out, so that words one
    /// typo apart (a letter dropped, added, changed or two swapped) share a key: "jnes" and "jones", "anncy" and "nancy".
    /// </summary>
    public KeySpace TypoKeys { get; private set; } = KeySpace.Empty;

    /// <summary>The whole-record TF-IDF vectors (<see cref="KeyIds"/> and its companions) as a key space.</summary>
    public KeySpace RecordKeys { get; private set; } = KeySpace.Empty;

    /// <summary>The row of each primary key.</summary>
    public Dictionary<string, int> RowOfKey { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// In a record-linkage table (read with a source column), the source of each record: an index into
    /// <see cref="SourceNames"/>; null when the table is one source.
    /// </summary>
    public int[]? Sources { get; private set; }

    /// <summary>The sources' names (the source column's values, empty for a record without one), in order of first appearance.</summary>
    public string[]? SourceNames { get; private set; }

    /// <summary>
    /// The records of <paramref name="frame"/>, identified by <paramref name="primaryKey"/>; with
    /// <paramref name="sourceColumn"/>, a record-linkage table whose column names each record's source (not compared).
    /// </summary>
    public static MatchRecords From(DataFrame frame, string primaryKey, string? sourceColumn = null)
    {
        var keyColumn = FrameColumn.Of(frame.Columns[primaryKey]);
        var count = checked((int)frame.Rows.Count);
        var keys = new string[count];
        for (var row = 0; row < count; row++)
        {
            keys[row] = keyColumn.Text(row) ?? string.Empty;
        }

        var compared = frame.Columns
            .Where(c => !string.Equals(c.Name, primaryKey, StringComparison.Ordinal) && !string.Equals(c.Name, sourceColumn, StringComparison.Ordinal))
            .ToList();
        var kinds = compared.Select(c => c.DataType == typeof(DateTime) ? ColumnKind.Date
            : c.DataType == typeof(string) || c.DataType == typeof(bool) ? ColumnKind.Text
            : ColumnKind.Number).ToArray();
        var records = new MatchRecords(keys, compared.Select(c => c.Name).ToArray(), kinds);
        for (var row = 0; row < count; row++)
        {
            records.RowOfKey.TryAdd(keys[row], row);
        }

        if (sourceColumn is not null)
        {
            records.ReadSources(FrameColumn.Of(frame.Columns[sourceColumn]));
        }

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < compared.Count; c++)
        {
            var column = FrameColumn.Of(compared[c]);
            var text = records.Text[c] = new string[count];
            var tokens = records.Tokens[c] = new int[count][];
            var grams = records.Grams[c] = new int[count][];
            var values = records.Values[c] = new double[count];
            var numbers = records.Numbers[c] = new int[count][];
            for (var row = 0; row < count; row++)
            {
                text[row] = Normalize(column.Text(row));
                tokens[row] = TokenIds(text[row], ids);
                grams[row] = GramIds(text[row], ids);
                numbers[row] = text[row].Length == 0 ? [] : text[row].Split(' ').Where(w => char.IsDigit(w[0])).Select(w => ids[w]).Distinct().Order().ToArray();
                values[row] = kinds[c] switch
                {
                    ColumnKind.Date when compared[c][row] is DateTime date => date.Ticks / (double)TimeSpan.TicksPerDay,
                    ColumnKind.Number when compared[c][row] is IConvertible number => number.ToDouble(CultureInfo.InvariantCulture),
                    _ => double.NaN,
                };
            }
        }

        records.IndexKeys(ids.Count);
        records.ColumnKeys = KeySpace.Of(records.ColumnKeyLists());
        if (count <= Blocker.SmallTable)
        {
            records.TypoKeys = KeySpace.Of(records.TypoKeyLists());
        }
        return records;
    }

    /// <summary>Whether two records are of one source of a record-linkage table (never in a table of one source).</summary>
    public bool SameSource(int a, int b) => Sources is { } sources && sources[a] == sources[b];

    /// <summary>Lower case, letters and digits only, one space between words.</summary>
    public static string Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var ch in value.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(ch))
            {
                builder.Append(char.ToLowerInvariant(ch));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark && builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().TrimEnd();
    }

    private void ReadSources(FrameColumn column)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var sources = new int[Count];
        for (var row = 0; row < Count; row++)
        {
            var name = column.Text(row)?.Trim() ?? string.Empty;
            if (!ids.TryGetValue(name, out var id))
            {
                ids.Add(name, id = ids.Count);
            }

            sources[row] = id;
        }

        Sources = sources;
        SourceNames = [.. ids.OrderBy(p => p.Value).Select(p => p.Key)];
    }

    private static int[] TokenIds(string text, Dictionary<string, int> ids)
    {
        if (text.Length == 0)
        {
            return [];
        }

        return text.Split(' ').Select(t => Id(ids, t)).Distinct().Order().ToArray();
    }

    private static int[] GramIds(string text, Dictionary<string, int> ids)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var padded = $"\u0001{text}\u0001";
        var grams = new HashSet<int>();
        for (var i = 0; i + 3 <= padded.Length; i++)
        {
            grams.Add(Id(ids, string.Concat("\u0002", padded.AsSpan(i, 3))));
        }

        return grams.Order().ToArray();
    }

    private static int Id(Dictionary<string, int> ids, string key)
    {
        if (!ids.TryGetValue(key, out var id))
        {
            id = ids.Count;
            ids.Add(key, id);
        }

        return id;
    }

    private List<string>[] ColumnKeyLists()
    {
        var lists = new List<string>[Count];
        for (var row = 0; row < Count; row++)
        {
            var keys = lists[row] = [];
            for (var c = 0; c < Columns.Length; c++)
            {
                var text = Text[c][row];
                if (text.Length == 0)
                {
                    continue;
                }

                var column = c.ToString(CultureInfo.InvariantCulture);
                keys.Add(string.Concat(column, "\u0003", text));
                if (Kinds[c] == ColumnKind.Date && text.Split(' ') is [var year, var month, var day])
                {
                    keys.Add(string.Concat(column, "\u0007y", year, " ", month));
                    keys.Add(string.Concat(column, "\u0007m", month, " ", day));
                    keys.Add(string.Concat(column, "\u0007d", year, " ", day));
                }

                foreach (var word in text.Split(' '))
                {
                    if (char.IsLetter(word[0]) && word.Length >= 3)
                    {
                        keys.Add(string.Concat("\u0004", Phonetic.Code(word)));
                    }
                    else if (char.IsDigit(word[0]) && word.Length >= 2 && Kinds[c] == ColumnKind.Text)
                    {
                        keys.Add(string.Concat("\u0005", word));
                    }
                }
            }
        }

        return lists;
    }

    private List<string>[] TypoKeyLists()
    {
        var lists = new List<string>[Count];
        for (var row = 0; row < Count; row++)
        {
            var keys = lists[row] = [];
            for (var c = 0; c < Columns.Length; c++)
            {
                foreach (var word in Text[c][row].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (word.Length < 3 || !char.IsLetter(word[0]))
                    {
                        continue;
                    }

                    keys.Add(word);
                    if (word.Length >= 4)
                    {
                        for (var i = 0; i < word.Length; i++)
                        {
                            keys.Add(string.Concat(word.AsSpan(0, i), word.AsSpan(i + 1)));
                        }
                    }
                }
            }
        }

        return lists;
    }

    private void IndexKeys(int keyCount)
    {
        var frequency = new int[keyCount];
        var keyIds = new int[Count][];
        for (var row = 0; row < Count; row++)
        {
            var all = new HashSet<int>();
            for (var c = 0; c < Columns.Length; c++)
            {
                all.UnionWith(Tokens[c][row]);
                all.UnionWith(Grams[c][row]);
            }

            keyIds[row] = all.Order().ToArray();
            foreach (var id in keyIds[row])
            {
                frequency[id]++;
            }
        }

        var idf = frequency.Select(f => (float)Math.Log((1.0 + Count) / (1.0 + f))).ToArray();
        var weights = new float[Count][];
        var inverseNorms = new float[Count];
        for (var row = 0; row < Count; row++)
        {
            var w = keyIds[row].Select(id => idf[id]).ToArray();
            var norm = (float)Math.Sqrt(w.Sum(x => (double)x * x));
            inverseNorms[row] = norm > 0 ? 1 / norm : 0;
            weights[row] = w.Select(x => x * inverseNorms[row]).ToArray();
        }

        InverseNorms = inverseNorms;
        KeyIds = keyIds;
        KeyWeights = weights;
        KeyFrequency = frequency;
        KeyIdf = idf;
        RecordKeys = new KeySpace(keyIds, weights, inverseNorms, frequency, idf);
    }
}
