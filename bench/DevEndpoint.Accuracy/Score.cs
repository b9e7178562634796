namespace DevEndpoint.Accuracy;

/// <summary>A sniffer's tally over the corpus: right answers out of those stated, per question.</summary>
internal sealed class Score
{
    public int Files { get; private set; }

    public int Failures { get; private set; }

    public (int Right, int Stated) Delimiter { get; private set; }

    public (int Right, int Stated) Header { get; private set; }

    public (int Right, int Stated) ColumnCount { get; private set; }

    public (int Right, int Stated) Preamble { get; private set; }

    public (int Right, int Stated) Types { get; private set; }

    public (int Right, int Stated) FilesAllTypesRight { get; private set; }

    /// <summary>Adds one file's result; returns what it got wrong, for the report.</summary>
    public List<string> Add(ExpectedFile expected, SniffResult result)
    {
        var wrong = new List<string>();
        Files++;
        if (result.Error is not null)
        {
            Failures++;
            wrong.Add($"failed: {result.Error}");
        }

        if (expected.Delimiter is { } delimiter)
        {
            Delimiter = Tally(Delimiter, result.Delimiter == delimiter, wrong, $"delimiter {Show(result.Delimiter)} (expected {Show(delimiter)})");
        }

        if (expected.HasHeader is { } header)
        {
            Header = Tally(Header, result.HasHeader == header, wrong, $"header {result.HasHeader?.ToString() ?? "-"} (expected {header})");
        }

        if (expected.ColumnCount is { } count)
        {
            ColumnCount = Tally(ColumnCount, result.Error is null && result.Columns.Count == count, wrong, $"{result.Columns.Count} columns (expected {count})");
        }

        if (expected.PreambleLines is { } preamble)
        {
            Preamble = Tally(Preamble, result.PreambleLines == preamble, wrong, $"preamble {result.PreambleLines?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} (expected {preamble})");
        }

        if (expected.Columns.Count > 0)
        {
            var before = wrong.Count;
            for (var i = 0; i < expected.Columns.Count; i++)
            {
                var column = expected.Columns[i];
                var found = Find(expected, result, column, i);
                Types = Tally(Types, found?.Category == column.Category, wrong, $"{column.Name}: {found?.Category ?? "missing"} (expected {column.Category})");
            }

            FilesAllTypesRight = (FilesAllTypesRight.Right + (wrong.Count == before ? 1 : 0), FilesAllTypesRight.Stated + 1);
        }

        return wrong;
    }

    private static SniffedColumn? Find(ExpectedFile expected, SniffResult result, ExpectedColumn column, int index)
    {
        var position = column.Position ?? (expected.PartialColumns ? null : index);
        if (position is { } p)
        {
            return p < result.Columns.Count ? result.Columns[p] : null;
        }

        var name = TypeCategories.MatchName(column.Name);
        return result.Columns.FirstOrDefault(c => TypeCategories.MatchName(c.Name) == name);
    }

    private static (int Right, int Stated) Tally((int Right, int Stated) tally, bool right, List<string> wrong, string description)
    {
        if (!right)
        {
            wrong.Add(description);
        }

        return (tally.Right + (right ? 1 : 0), tally.Stated + 1);
    }

    private static string Show(char? delimiter) => delimiter switch
    {
        null => "-",
        '\t' => "\\t",
        var c => $"'{c}'",
    };
}
