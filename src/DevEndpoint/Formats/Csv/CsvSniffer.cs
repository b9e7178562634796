using System.Text.RegularExpressions;
using DevEndpoint.Catalog;

namespace DevEndpoint.Formats.Csv;

/// <summary>
/// Finds the dialect, header and column types of a delimited text file from a sample of its first records.
/// </summary>
internal static partial class CsvSniffer
{
    private const double MinimumConsistency = 0.9;

    /// <summary>The schema of a delimited text sample, or <c>null</c> when no delimiter gives consistent records.</summary>
    public static FileSchema? Sniff(TextSample sample, string path, string compression, SampleOptions options)
    {
        var best = CsvDialect.CandidateDelimiters
            .Select((delimiter, order) => Score(sample, delimiter, options, order))
            .Where(s => s.Records.Count > 0 && s.Columns >= 2 && s.Consistency >= MinimumConsistency)
            .OrderByDescending(s => s.Consistency)
            .ThenByDescending(s => s.Columns)
            .ThenBy(s => s.Order)
            .FirstOrDefault();
        if (best is null)
        {
            var extension = Path.GetExtension(path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path);
            if (!extension.Equals(".csv", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            best = Score(sample, ',', options, 0);
            if (best.Records.Count == 0)
            {
                return null;
            }
        }

        var records = best.Records;
        var hasHeader = LooksLikeHeader(records);
        var data = hasHeader ? records.Skip(1).ToList() : records;
        var width = records.Max(r => r.Length);
        var types = new InferredType[width];
        Array.Fill(types, InferredType.Null);
        foreach (var record in data)
        {
            for (var i = 0; i < record.Length; i++)
            {
                types[i] = types[i].Widen(TextValues.Infer(record[i]));
            }
        }

        var names = ColumnNames.Make(hasHeader ? records[0] : [], width);
        var dataRecords = sample.EstimateRecords(records.Count) - (hasHeader ? 1 : 0);
        return new FileSchema
        {
            Classification = "csv",
            Compression = compression,
            Csv = new CsvDialect(best.Delimiter, '"', hasHeader),
            Columns = names.Select((name, i) => new Column(name, types[i].ToHiveType())).ToList(),
            RecordCount = Math.Max(0, dataRecords),
            AverageRecordSize = records.Count == 0 ? 0 : sample.StoredBytesRead / Math.Max(1, records.Count),
            SizeBytes = sample.FileSize,
        };
    }

    private static Candidate Score(TextSample sample, char delimiter, SampleOptions options, int order)
    {
        var reader = new CsvRecordReader(new StringReader(sample.Text), new CsvDialect(delimiter));
        var records = new List<string[]>();
        var fields = new List<string>();
        while (records.Count < options.MaxRecords && reader.TryRead(fields))
        {
            records.Add([.. fields]);
        }

        if (!sample.Complete && records.Count > 1)
        {
            records.RemoveAt(records.Count - 1);
        }

        if (records.Count == 0)
        {
            return new Candidate(delimiter, order, records, 0, 0);
        }

        var mode = records.GroupBy(r => r.Length).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First();
        return new Candidate(delimiter, order, records, mode.Key, (double)mode.Count() / records.Count);
    }

    /// <summary>
    /// Glue's rule, improved: the first row is a header when its cells are distinct, non-empty, short texts
    /// that are not numbers, booleans or dates, and either some data column is not all text, or every header
    /// cell looks like a column name and none of them recurs in the data below it.
    /// </summary>
    private static bool LooksLikeHeader(List<string[]> records)
    {
        var first = records[0];
        if (first.Any(c => c.Length == 0 || c.Length > 128 || TextValues.Infer(c).Kind != TypeKind.String)
            || first.Distinct(StringComparer.OrdinalIgnoreCase).Count() != first.Length)
        {
            return false;
        }

        var data = records.Skip(1).ToList();
        var someColumnTyped = Enumerable.Range(0, first.Length).Any(i =>
        {
            var type = InferredType.Null;
            foreach (var record in data)
            {
                if (i < record.Length)
                {
                    type = type.Widen(TextValues.Infer(record[i]));
                }
            }

            return type.Kind is not TypeKind.String and not TypeKind.Null;
        });
        if (someColumnTyped)
        {
            return true;
        }

        return first.All(c => IdentifierLike().IsMatch(c))
            && Enumerable.Range(0, first.Length).All(i => data.All(r => i >= r.Length || !string.Equals(r[i], first[i], StringComparison.OrdinalIgnoreCase)));
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_ .\-]{0,63}$")]
    private static partial Regex IdentifierLike();

    private sealed record Candidate(char Delimiter, int Order, List<string[]> Records, int Columns, double Consistency);
}
