using System.Globalization;
using System.Text.RegularExpressions;
using DevEndpoint.Catalog;
using DevEndpoint.Formats;
using DevEndpoint.Formats.Csv;
using DevEndpoint.Frames;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Loading.Parity;

/// <summary>
/// Files written to a temporary table folder <c>t/</c>, crawled with the real crawler and loaded with the real loader,
/// and DuckDB's read of the same files with the dialect the crawl recorded.
/// </summary>
internal sealed class CrawledFiles : IDisposable
{
    private readonly TempFolder folder = new();

    public string TablePath => folder.Combine("t");

    public CatalogTable Table { get; private set; } = null!;

    public DataFrame Frame { get; private set; } = null!;

    /// <summary>Writes the files (names relative to <c>t/</c>, such as <c>year=2024/a.csv</c>), crawls them and loads table <c>t</c>.</summary>
    public static Task<CrawledFiles> LoadAsync(params (string Name, byte[] Content)[] files) => LoadAsync("t", files);

    /// <summary>Writes the files (names relative to <c>t/</c>), crawls them and loads table <paramref name="table"/>.</summary>
    public static async Task<CrawledFiles> LoadAsync(string table, params (string Name, byte[] Content)[] files)
    {
        var crawled = new CrawledFiles();
        Directory.CreateDirectory(crawled.TablePath);
        foreach (var (name, content) in files)
        {
            var path = Path.Combine(crawled.TablePath, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, content);
        }

        using var lake = await CrawledFolder.CreateAsync(crawled.folder.Path, "parity");
        crawled.Table = lake.Table(table);
        crawled.Frame = (await lake.LoadAsync(table)).Frame;
        return crawled;
    }

    /// <summary>DuckDB's <c>read_csv</c> of the files with the crawled dialect, typed as the catalog types the columns.</summary>
    public (IReadOnlyList<string> Names, List<object?[]> Rows) DuckCsv()
    {
        var dialect = CsvParameters.Read(Table);
        // A timestamp in a recorded format has no offset, and DuckDB applies timestampformat to TIMESTAMP columns only.
        var columns = string.Join(", ", Table.StorageDescriptor.Columns.Select(c =>
            $"{DuckDb.Literal(c.Name)}: {DuckDb.Literal(dialect.DateFormats.ContainsKey(c.Name) && c.Type == "timestamp" ? "TIMESTAMP" : DuckType(c.Type))}"));
        // DuckDB refuses a null token holding the escape character (\N with backslash escapes).
        var nulls = string.Join(", ", TextValues.NullTokens.Where(t => !t.Contains(dialect.Escape, StringComparison.Ordinal)).Select(DuckDb.Literal));
        return DuckDb.Query(string.Create(CultureInfo.InvariantCulture, $$"""
            SELECT * FROM read_csv({{DuckDb.Literal(Path.Combine(TablePath, "*"))}}, auto_detect = false,
                delim = {{DuckDb.Literal(dialect.Delimiter.ToString())}}, quote = {{DuckDb.Literal(dialect.Quote.ToString())}},
                escape = {{DuckDb.Literal(dialect.Escape.ToString())}}, header = {{dialect.HasHeader}}, skip = {{dialect.PreambleLines}},
                nullstr = [{{nulls}}], allow_quoted_nulls = false, columns = {{{columns}}}, null_padding = true, parallel = false,
                encoding = {{DuckDb.Literal(DuckEncoding(dialect.Encoding))}}{{DateFormat(dialect)}})
            """));
    }

    /// <summary>
    /// DuckDB's read of the files (<paramref name="from"/>, such as <c>read_json('...')</c>) as the loaded columns: each
    /// struct leaf taken out of its struct, and cast to the catalog type; arrays and maps as DuckDB's JSON text.
    /// </summary>
    public (IReadOnlyList<string> Names, List<object?[]> Rows) DuckSelect(string from) =>
        DuckDb.Query($"SELECT {SelectList(Table.AllColumns, cast: true)} FROM {from}");

    /// <summary>A select list with one expression per loaded column, named as the loader names it; lists and maps as <c>to_json</c>.</summary>
    /// <summary>The loaded columns that hold JSON text (arrays and maps).</summary>
    public IReadOnlySet<string> JsonColumns => NestedColumns.Leaves(Table.StorageDescriptor.Columns).Where(l => l.Json).Select(l => l.Column.Name).ToHashSet();

    public static string SelectList(IEnumerable<Column> columns, bool cast) => string.Join(", ", NestedColumns.Leaves(columns).Select(leaf =>
    {
        var value = leaf.Path.Skip(1).Aggregate(Quote(leaf.Path[0]), (inner, field) => $"struct_extract({inner}, {DuckDb.Literal(field)})");
        return $"{(leaf.Json ? $"to_json({value})" : cast ? $"CAST({value} AS {DuckType(leaf.Column.Type)})" : value)} AS {Quote(leaf.Column.Name)}";
    }));

    private static string Quote(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    /// <summary>DuckDB's name for a recorded encoding.</summary>
    private static string DuckEncoding(string encoding) => encoding.ToUpperInvariant() switch
    {
        "ISO-8859-1" or "LATIN1" => "latin-1",
        var utf16 when utf16.StartsWith("UTF-16", StringComparison.Ordinal) => "utf-16",
        _ => "utf-8",
    };

    /// <summary>
    /// The recorded day-first or month-first date (or timestamp) format as DuckDB's <c>dateformat</c> (or
    /// <c>timestampformat</c>), one for all columns.
    /// </summary>
    private static string DateFormat(CsvDialect dialect) => dialect.DateFormats.Values.FirstOrDefault() is { } format
        ? $", {(format.Contains(' ', StringComparison.Ordinal) ? "timestampformat" : "dateformat")} = {DuckDb.Literal(Regex.Replace(format, @"yyyy|dd?|MM?|HH?|mm?|ss?|\.F+", m => m.Value[0] switch
        {
            '.' => string.Empty, // .NET's optional fraction; the test files have none
            'y' => "%Y",
            'd' => "%d",
            'M' => "%m",
            'H' => "%H",
            'm' => "%M",
            _ => "%S",
        }))}"
        : string.Empty;

    /// <summary>The DuckDB type a catalog (Hive) type is read as: a timestamp as TIMESTAMPTZ, so that offsets are taken to UTC.</summary>
    private static string DuckType(string hive) => hive switch
    {
        "boolean" => "BOOLEAN",
        "tinyint" => "TINYINT",
        "smallint" => "SMALLINT",
        "int" => "INTEGER",
        "bigint" => "BIGINT",
        "float" => "FLOAT",
        "double" => "DOUBLE",
        "date" => "DATE",
        "timestamp" => "TIMESTAMPTZ",
        _ when hive.StartsWith("decimal", StringComparison.Ordinal) => hive.ToUpperInvariant(),
        _ => "VARCHAR",
    };

    public void Dispose() => folder.Dispose();
}
