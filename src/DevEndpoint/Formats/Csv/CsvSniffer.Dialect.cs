namespace DevEndpoint.Formats.Csv;

/// <summary>Finding the dialect: every candidate delimiter, quote, escape and comment character is tried on the start of the sample.</summary>
internal static partial class CsvSniffer
{
    /// <summary>Characters of the sample's start the dialect is chosen on.</summary>
    private const int DialectSampleChars = 64 * 1024;

    /// <summary>At most this many leading records are taken for a preamble (titles, notes, blank lines); see <see cref="Preamble"/>.</summary>
    private const int MaxPreambleRecords = 20;

    /// <summary>The dialects of these delimiters worth trying on the start of a sample: quote, escape and comment characters only where they occur.</summary>
    private static IEnumerable<CsvDialect> Candidates(string start, IEnumerable<char> delimiters)
    {
        var quotes = new List<char> { '"' };
        if (start.Contains('\'', StringComparison.Ordinal))
        {
            quotes.Add('\'');
        }

        char?[] comments = start.Contains('#', StringComparison.Ordinal) ? [null, '#'] : [null];
        foreach (var delimiter in delimiters)
        {
            foreach (var quote in quotes)
            {
                char[] escapes = start.Contains($"\\{quote}", StringComparison.Ordinal) ? [quote, '\\'] : [quote];
                foreach (var escape in escapes)
                {
                    foreach (var comment in comments)
                    {
                        yield return new CsvDialect(delimiter, quote) { Escape = escape, Comment = comment };
                    }
                }
            }
        }
    }

    /// <summary>Punctuation that occurs the same number of times (at least once) on most of the first lines.</summary>
    private static IEnumerable<char> OtherDelimiters(string start)
    {
        var lines = TextLines.First(start, 50).Where(l => l.Length > 0).ToList();
        if (lines.Count < 2)
        {
            return [];
        }

        return lines[0]
            .Where(c => (char.IsPunctuation(c) || char.IsSymbol(c) || c == ' ') && c is not '"' and not '\'' and not '\\' && !CsvDialect.CandidateDelimiters.Contains(c))
            .Distinct()
            .Where(c =>
            {
                var counts = lines.Select(l => l.AsSpan().Count(c)).ToList();
                var mode = counts.GroupBy(n => n).MaxBy(g => g.Count())!;
                return mode.Key > 0 && mode.Count() >= 0.9 * counts.Count;
            })
            .Take(3);
    }

    /// <summary>Reads records with one dialect and measures how consistently they split after any preamble.</summary>
    private static Candidate Score(string text, bool complete, CsvDialect dialect, int maxRecords, int order)
    {
        var reader = new CsvRecordReader(text, dialect);
        var records = new List<string[]>();
        var lines = new List<int>();
        var fields = new List<string>();
        while (records.Count < maxRecords && reader.TryRead(fields))
        {
            records.Add([.. fields]);
            lines.Add(reader.RecordLine);
        }

        if (!complete && records.Count > 1)
        {
            records.RemoveAt(records.Count - 1);
        }

        if (records.Count == 0)
        {
            return new Candidate(dialect, order, records, 0, 0, 0, 0);
        }

        var tail = records.Skip(Math.Min(MaxPreambleRecords, records.Count / 2)).ToList();
        // Each record's field count and filled length are the column counts tried (their order does not matter: the
        // ordering below ends on the count itself).
        var counts = new HashSet<int>();
        foreach (var record in tail)
        {
            counts.Add(record.Length);
            counts.Add(FilledLength(record));
        }

        counts.Remove(0);
        var columns = counts
            .Select(c => (Columns: c, Fits: tail.Count(r => Fits(r, c)), FitsAll: records.Count(r => Fits(r, c))))
            .OrderByDescending(c => c.Fits)
            .ThenByDescending(c => c.FitsAll)
            .ThenBy(c => c.Columns)
            .First().Columns;
        var (skip, shortHeader) = Preamble(records, columns);
        var region = records.Count - skip;
        var consistent = records.Skip(skip).Count(r => Fits(r, columns));

        // A header naming fewer or more columns than the data is forgiven where the sample is too small to reach the
        // threshold without it; in a larger sample it stays the one record that does not fit, so a dialect it fits wins.
        var consistency = (double)consistent / region;
        if (shortHeader && consistency < MinimumConsistency)
        {
            consistency = (consistent + 1.0) / region;
        }

        var dialectFound = dialect with { PreambleLines = lines[skip] - 1, FieldsQuoted = reader.QuotedFields > 0 };
        return new Candidate(dialectFound, order, records[skip..], columns, consistency, reader.QuoteErrors, skip);
    }

    /// <summary>
    /// How many leading records are a preamble, and whether the first record after it is a header naming fewer (or more)
    /// columns than the data has. A preamble is: records before the first that fits the column count when there are two or
    /// more, or one with at most half the columns, or one of prose (a note holding the delimiter); then, in data of three
    /// or more columns, records with at most one filled cell (a title or blank line padded with delimiters) above a row of
    /// labels; or one record of prose that splits into as many fields as the data, above a row of labels heading typed data.
    /// A single other record before the data is a header when it is a row of labels.
    /// </summary>
    private static (int Skip, bool ShortHeader) Preamble(List<string[]> records, int columns)
    {
        var firstFit = records.FindIndex(r => Fits(r, columns));
        if (firstFit is < 0 or > MaxPreambleRecords)
        {
            return (0, false);
        }

        if (firstFit == 1 && records[0].Length * 2 > columns && !IsProse(records[0]))
        {
            return (0, IsLabelRow(records[0]));
        }

        var skip = firstFit;
        var header = skip;
        while (columns >= 3 && header < records.Count - 1 && header <= MaxPreambleRecords && records[header].Count(c => c.Length > 0) <= 1)
        {
            header++;
        }

        if (header > skip && header < records.Count - 1 && Fits(records[header], columns) && IsLabelRow(records[header]))
        {
            return (header, false);
        }

        if (columns >= 2 && skip + 2 < records.Count && IsProse(records[skip]) && IsLabelRow(records[skip + 1]) && HeadsTypedData(records[(skip + 1)..]))
        {
            return (skip + 1, false);
        }

        return (skip, false);
    }

    /// <summary>A record fits a column count when it has that many fields, or more but only empty ones past it (a trailing delimiter).</summary>
    private static bool Fits(string[] record, int columns) => record.Length == columns || (record.Length > columns && FilledLength(record) <= columns);

    private static int FilledLength(string[] record)
    {
        var length = record.Length;
        while (length > 0 && record[length - 1].Length == 0)
        {
            length--;
        }

        return length;
    }

    private sealed record Candidate(CsvDialect Dialect, int Order, List<string[]> Records, int Columns, double Consistency, int QuoteErrors, int Skipped);
}
