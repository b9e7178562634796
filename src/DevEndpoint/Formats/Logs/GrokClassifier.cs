using DevEndpoint.Catalog;

namespace DevEndpoint.Formats.Logs;

/// <summary>
/// Log files whose lines match a grok pattern, one record per line. Its certainty is the fraction of sampled lines that
/// match (1.0 when all do); a file none of whose first lines match is not this format. A custom classifier's
/// <paramref name="customPatterns"/> (the text the pattern was compiled with) are recorded beside the pattern, so that a
/// load compiles the same pattern. <paramref name="mayMatch"/>, when given, is a test every line the pattern matches
/// passes (a character the pattern requires): a line that fails it is not matched against the pattern.
/// </summary>
internal sealed class GrokClassifier(string name, GrokPattern pattern, string? customPatterns = null, Func<string, bool>? mayMatch = null) : IClassifier
{
    /// <summary>The parameter that records the pattern on the table, and the SerDe's <c>input.format</c>.</summary>
    public const string PatternParameter = "grokPattern";

    /// <summary>The parameter that records a custom classifier's named patterns on the table, and the SerDe's <c>input.grokCustomPatterns</c>.</summary>
    public const string CustomPatternsParameter = "grokCustomPatterns";

    private const int LinesToFirstMatch = 10;

    public string Name => name;

    public GrokPattern Pattern => pattern;

    /// <summary>The quick test a line must pass to be matched against the pattern; <c>null</c> when every line is matched.</summary>
    public Func<string, bool>? MayMatch => mayMatch;

    public Task<Classification> ClassifyAsync(FileProbe file, CancellationToken cancellationToken)
    {
        var sample = file.Text;
        var (sampled, matched) = (0, 0);
        foreach (var whole in TextLines.Whole(sample.Text, sample.Complete))
        {
            if (sampled >= file.Options.MaxRecords)
            {
                break;
            }

            var line = whole.TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            sampled++;
            if ((mayMatch is null || mayMatch(line)) && pattern.Match(line) is not null)
            {
                matched++;
            }
            else if (matched == 0 && sampled == LinesToFirstMatch)
            {
                break;
            }
        }

        if (matched == 0)
        {
            return Task.FromResult(Classification.No);
        }

        var schema = new FileSchema
        {
            Classification = name,
            Compression = file.Compression,
            Columns = pattern.Fields.Select(f => new Column(ColumnNames.Clean(f.Name), f.Type)).ToList(),
            RecordCount = sample.EstimateRecords(matched),
            AverageRecordSize = sample.StoredBytesRead / matched,
            SizeBytes = sample.FileSize,
            Parameters = customPatterns is { Length: > 0 }
                ? new Dictionary<string, string> { [PatternParameter] = pattern.Text, [CustomPatternsParameter] = customPatterns }
                : new Dictionary<string, string> { [PatternParameter] = pattern.Text },
        };
        return Task.FromResult(new Classification((double)matched / sampled, schema));
    }
}
