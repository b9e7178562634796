namespace DevEndpoint.Tests.Formats.Csv;

/// <summary>
/// The messy CSV corpus committed next to these tests (<c>Formats/Csv/Messy</c>): hand-written files of the kinds real
/// publishers get wrong, one folder per kind, and <c>expected.tsv</c> with each file's delimiter, header, column count
/// and preamble lines. The accuracy bench (bench/DevEndpoint.Accuracy) scores the same files against DuckDB's sniffer.
/// </summary>
internal static class MessyCsv
{
    /// <summary>The full path of a file or folder of the corpus, found from the test binaries up to the repository.</summary>
    public static string Path(string relative = "")
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var root = System.IO.Path.Combine(folder.FullName, "tests", "DevEndpoint.Tests", "Formats", "Csv", "Messy");
            if (Directory.Exists(root))
            {
                return System.IO.Path.Combine([root, .. relative.Split('/', StringSplitOptions.RemoveEmptyEntries)]);
            }
        }

        Assert.Fail($"The messy CSV corpus was not found: no folder tests/DevEndpoint.Tests/Formats/Csv/Messy in {AppContext.BaseDirectory} or above it.");
        return string.Empty;
    }

    /// <summary>Each line of <c>expected.tsv</c>: file, delimiter, header, column count and preamble lines.</summary>
    public static TheoryData<string, char, bool, int, int> Expected()
    {
        var data = new TheoryData<string, char, bool, int, int>();
        var lines = File.ReadAllLines(Path("expected.tsv"));
        var header = lines[0].Split('\t');
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split('\t');
            string Cell(string name) => cells[Array.IndexOf(header, name)];
            var delimiter = Cell("delimiter") switch
            {
                "comma" => ',',
                "semicolon" => ';',
                "tab" => '\t',
                "pipe" => '|',
                var other => throw new InvalidDataException($"expected.tsv: unknown delimiter '{other}' for {Cell("file")}"),
            };
            data.Add(Cell("file"), delimiter, Cell("header") == "yes", int.Parse(Cell("columns"), System.Globalization.CultureInfo.InvariantCulture), int.Parse(Cell("preamble"), System.Globalization.CultureInfo.InvariantCulture));
        }

        return data;
    }
}
