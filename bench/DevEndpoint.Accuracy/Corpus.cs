using System.Text.Json;

namespace DevEndpoint.Accuracy;

/// <summary>
/// The files to score: those of <c>duckdb/duckdb-sniffer-expected.tsv</c> that DuckDB's tests sniff without user
/// options, and csv-spectrum's files (comma-delimited, with a header); and, apart, the messy CSV corpus in the tests
/// (<c>tests/DevEndpoint.Tests/Formats/Csv/Messy</c>, hand-written files of the kinds real publishers get wrong).
/// </summary>
internal static class Corpus
{
    public static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var root = Path.Combine(folder.FullName, "shared", "corpora");
                if (Directory.Exists(root))
                {
                    return root;
                }
            }
        }

        throw new DirectoryNotFoundException("No folder 'shared/corpora' in the current folder or above it. Run from the repository, with the corpora at ../shared/corpora.");
    }

    public static IEnumerable<ExpectedFile> Load(string root) => DuckDb(Path.Combine(root, "duckdb")).Concat(Spectrum(Path.Combine(root, "csv-spectrum")));

    /// <summary>The messy corpus's files with its <c>expected.tsv</c>: delimiter, header, column count and preamble lines of each.</summary>
    public static IEnumerable<ExpectedFile> Messy(string folder)
    {
        var lines = File.ReadAllLines(Path.Combine(folder, "expected.tsv"));
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
                var other => throw new InvalidDataException($"{folder}/expected.tsv: unknown delimiter '{other}' for {Cell("file")}"),
            };
            yield return new ExpectedFile(
                Path.Combine(folder, Cell("file")),
                "messy/" + Cell("file"),
                delimiter,
                Cell("header") == "yes",
                [],
                false,
                int.Parse(Cell("columns"), System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(Cell("preamble"), System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static IEnumerable<ExpectedFile> DuckDb(string folder)
    {
        var lines = File.ReadAllLines(Path.Combine(folder, "duckdb-sniffer-expected.tsv"));
        var header = lines[0].Split('\t');
        var seen = new HashSet<string>();
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split('\t').Select(Unquote).ToArray();
            string Cell(string name) => cells[Array.IndexOf(header, name)];
            if (Cell("exists") != "yes" || Cell("no_user_options") != "yes" || !seen.Add(string.Join('\t', Cell("data_file"), Cell("delimiter"), Cell("hasheader"), Cell("columns"))))
            {
                continue;
            }

            var path = Resolve(folder, Cell("data_file"));
            var stated = Cell("stated");
            var delimiter = stated.Contains("delimiter", StringComparison.Ordinal) && Cell("delimiter") is { Length: > 0 } d ? (d == "\\t" ? '\t' : d[0]) : (char?)null;
            bool? hasHeader = stated.Contains("hasheader", StringComparison.Ordinal) && Cell("hasheader") is "0" or "1" ? Cell("hasheader") == "1" : null;
            var columns = Cell("columns").Length == 0 ? [] : Cell("columns").Split("; ").Select(Column).ToList();
            var partial = stated.Contains("partial", StringComparison.Ordinal);
            int? skipRows = stated.Contains("skiprows", StringComparison.Ordinal) && int.TryParse(Cell("skiprows"), out var skip) ? skip : null;
            if (path is not null && (delimiter is not null || hasHeader is not null || columns.Count > 0))
            {
                yield return new ExpectedFile(path, "duckdb/" + Cell("data_file"), delimiter, hasHeader, columns, partial, columns.Count > 0 && !partial ? columns.Count : null, skipRows);
            }
        }
    }

    private static IEnumerable<ExpectedFile> Spectrum(string folder)
    {
        foreach (var csv in Directory.GetFiles(Path.Combine(folder, "csvs"), "*.csv").Order(StringComparer.Ordinal))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "json", Path.GetFileNameWithoutExtension(csv) + ".json")));
            if (json.RootElement.GetArrayLength() > 0)
            {
                yield return new ExpectedFile(csv, "csv-spectrum/" + Path.GetFileName(csv), ',', true, [], false);
            }
        }
    }

    /// <summary>The expected-answers file quotes a cell holding a quote, CSV-style.</summary>
    private static string Unquote(string cell) =>
        cell.Length >= 2 && cell[0] == '"' && cell[^1] == '"' ? cell[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : cell;

    private static ExpectedColumn Column(string text)
    {
        var colon = text.LastIndexOf(':');
        var name = text[..colon];
        int? position = name.StartsWith('#') && int.TryParse(name[1..], out var n) ? n - 1 : null;
        return new ExpectedColumn(name, TypeCategories.Of(text[(colon + 1)..]), position);
    }

    private static string? Resolve(string folder, string file)
    {
        if (!file.Contains('*', StringComparison.Ordinal))
        {
            var path = Path.Combine(folder, file);
            return File.Exists(path) ? path : null;
        }

        var directory = Path.Combine(folder, Path.GetDirectoryName(file)!);
        return Directory.Exists(directory) ? Directory.GetFiles(directory, Path.GetFileName(file)).Order(StringComparer.Ordinal).FirstOrDefault() : null;
    }
}
