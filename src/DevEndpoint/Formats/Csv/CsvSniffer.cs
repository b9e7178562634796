using DevEndpoint.Catalog;

namespace DevEndpoint.Formats.Csv;

/// <summary>
/// Finds the dialect, header and column types of a delimited text file from a sample of its first records.
/// </summary>
internal static partial class CsvSniffer
{
    private const double MinimumConsistency = 0.9;

    /// <summary>The schema of a delimited text sample, or <c>null</c> when no dialect gives consistent records.</summary>
    public static FileSchema? Sniff(TextSample sample, string path, string compression, SampleOptions options)
    {
        var text = sample.Text;
        var start = text.Length <= DialectSampleChars ? text : text[..DialectSampleChars];
        var startComplete = sample.Complete && start.Length == text.Length;
        // A delimiter the start does not hold splits nothing: its records have one column, which no dialect may have.
        var scores = Candidates(start, CsvDialect.CandidateDelimiters.Where(d => start.Contains(d, StringComparison.Ordinal)))
            .Select((dialect, order) => Score(start, startComplete, dialect, options.MaxRecords, order))
            .Where(s => s.Records.Count > 0 && s.Columns >= 2 && s.Consistency >= MinimumConsistency)
            .ToList();
        // Other delimiters rank below the usual ones at the same consistency and quote errors: once a usual one splits
        // every record without a quote error, none of them can win, so they are not looked for.
        if (!scores.Any(s => s.Consistency >= 1.0 && s.QuoteErrors == 0))
        {
            var order = scores.Count == 0 ? 0 : scores[^1].Order + 1;
            scores.AddRange(Candidates(start, OtherDelimiters(start))
                .Select((dialect, i) => Score(start, startComplete, dialect, options.MaxRecords, order + i))
                .Where(s => s.Records.Count > 0 && s.Columns >= 2 && s.Consistency >= MinimumConsistency));
        }

        var winner = scores
            .OrderByDescending(s => s.Consistency)
            .ThenBy(s => s.QuoteErrors)
            .ThenByDescending(s => CsvDialect.CandidateDelimiters.Contains(s.Dialect.Delimiter))
            .ThenByDescending(s => s.Columns)
            .ThenBy(s => s.Dialect.Comment is null ? 0 : 1)
            .ThenBy(s => s.Skipped)
            .ThenBy(s => s.Order)
            .FirstOrDefault();
        var chosen = winner?.Dialect;
        if (chosen is null)
        {
            var extension = Path.GetExtension(path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path);
            if (!extension.Equals(".csv", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            chosen = new CsvDialect();
        }

        // Where the dialect was chosen on the whole sample, its reading is the sample's: it is not read again.
        var best = winner is not null && start.Length == text.Length
            ? winner
            : Score(text, sample.Complete, chosen with { PreambleLines = 0 }, options.MaxRecords, 0);
        if (best.Records.Count == 0)
        {
            return null;
        }

        var below = new BelowFirst(best.Records);
        return Describe(sample, compression, best, LooksLikeHeader(best.Records, best.Skipped > 0, below), [], below);
    }

    /// <summary>
    /// The schema of a sample read with a given delimiter and quote, or <c>null</c> when they do not split its records
    /// consistently into the columns of <paramref name="header"/> (when given) or into at least two. A <c>null</c>
    /// <paramref name="hasHeader"/> lets the sniffer decide whether the first record is a header.
    /// </summary>
    public static FileSchema? SniffWith(TextSample sample, string compression, SampleOptions options, CsvDialect dialect, bool? hasHeader, IReadOnlyList<string> header)
    {
        var read = Score(sample.Text, sample.Complete, dialect, options.MaxRecords, 0);
        var fits = header.Count > 0 ? read.Columns == header.Count : read.Columns >= 2;
        if (read.Records.Count == 0 || !fits || read.Consistency < MinimumConsistency)
        {
            return null;
        }

        var below = new BelowFirst(read.Records);
        return Describe(sample, compression, read, hasHeader ?? LooksLikeHeader(read.Records, read.Skipped > 0, below), header, below);
    }

    private static FileSchema Describe(TextSample sample, string compression, Candidate best, bool hasHeader, IReadOnlyList<string> header, BelowFirst below)
    {
        var records = best.Records;
        var data = hasHeader ? below.Records : records;
        var width = header.Count > 0 ? header.Count : Math.Max(best.Columns, records.Max(FilledLength));
        IReadOnlyList<string> given = header.Count > 0 ? header : hasHeader ? records[0] : [];
        var names = ColumnNames.Make(given, width);
        var dateFormats = new Dictionary<string, string>(StringComparer.Ordinal);
        var types = hasHeader ? below.Types(width) : InferTypes(data, width);
        for (var i = 0; i < width; i++)
        {
            if (types[i].Kind == TypeKind.String && MayBeDates(data, i) && DateFormats.Infer(ColumnValues(data, i)) is var (pattern, hasTime))
            {
                types[i] = hasTime ? InferredType.Timestamp : InferredType.Date;
                dateFormats[names[i]] = pattern;
            }
        }

        var dataRecords = sample.EstimateRecords(records.Count) - (hasHeader ? 1 : 0);
        return new FileSchema
        {
            Classification = "csv",
            Compression = compression,
            Csv = best.Dialect with { HasHeader = hasHeader, Encoding = sample.Encoding, DateFormats = dateFormats },
            Columns = names.Select((name, i) => types[i].ToColumn(name)).ToList(),
            RecordCount = Math.Max(0, dataRecords),
            AverageRecordSize = records.Count == 0 ? 0 : sample.StoredBytesRead / Math.Max(1, records.Count),
            SizeBytes = sample.FileSize,
        };
    }

    private static InferredType[] InferTypes(List<string[]> data, int width)
    {
        var types = new InferredType[width];
        Array.Fill(types, InferredType.Null);
        foreach (var record in data)
        {
            for (var i = 0; i < Math.Min(record.Length, width); i++)
            {
                types[i] = types[i].Widen(TextValues.Infer(record[i]));
            }
        }

        return types;
    }

    /// <summary>
    /// The records below the first, and their column types, inferred once for the header decision and the schema: the
    /// types of each column do not depend on how many columns are inferred.
    /// </summary>
    private sealed class BelowFirst(List<string[]> records)
    {
        private InferredType[] types = [];

        public List<string[]> Records { get; } = records.Skip(1).ToList();

        /// <summary>The types of the first <paramref name="width"/> columns (a copy the caller may change).</summary>
        public InferredType[] Types(int width)
        {
            if (types.Length < width)
            {
                types = InferTypes(Records, width);
            }

            return types[..width];
        }
    }

    private static List<string> ColumnValues(List<string[]> data, int column) =>
        data.Where(r => column < r.Length && !TextValues.IsNull(r[column])).Select(r => r[column].Trim()).ToList();

    /// <summary>
    /// Whether a column's values could be dates for <see cref="DateFormats.Infer"/>: it has some, and each is 6 to 40
    /// characters starting with a digit (the values it turns away at once are turned away here without a list).
    /// </summary>
    private static bool MayBeDates(List<string[]> data, int column)
    {
        var any = false;
        foreach (var record in data)
        {
            if (column < record.Length && !TextValues.IsNull(record[column]))
            {
                var value = record[column].AsSpan().Trim();
                if (value.Length is < 6 or > 40 || !char.IsAsciiDigit(value[0]))
                {
                    return false;
                }

                any = true;
            }
        }

        return any;
    }
}
