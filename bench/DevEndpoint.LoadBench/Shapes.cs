using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using DuckDB.NET.Data;

namespace DevEndpoint.LoadBench;

/// <summary>
/// One file of another shape than the benchmark table: its table (the folder it is crawled from, as its own table of
/// database <c>bench</c>), its format (<c>csv</c>, <c>parquet</c> or <c>json</c>, as DuckDB's runner names it) and what it holds.
/// </summary>
internal sealed record Shape(string Table, string Kind, string Description, string Path)
{
    /// <summary>The folder crawled for this shape alone: the file lies in a folder named as the table under it.</summary>
    public string CrawlRoot => System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(Path))!;

    public string Format => Kind switch
    {
        "csv" => "CSV",
        "parquet" => "Parquet",
        _ => "JSON lines",
    };
}

/// <summary>
/// Files of other shapes than the benchmark table, so that the loaders are measured on data they were not tuned on:
/// wide (mostly doubles), string-heavy (long text, many distinct values; Parquet with and without dictionaries), mostly
/// null, the benchmark table as DuckDB writes Parquet (zstd and uncompressed, smaller row groups), and JSON lines with
/// nested objects, arrays and missing keys. Written by DuckDB from SQL over <c>range</c> (no randomness: the values are
/// hashes of the row number), except the nested JSON lines, written here.
/// </summary>
internal static class Shapes
{
    /// <summary>Bump when the generated files change, so existing ones are written again.</summary>
    private const int GeneratorVersion = 1;

    /// <summary>The shapes for <paramref name="rows"/> rows (the DuckDB-written copies of the benchmark table keep all of <paramref name="files"/>' rows), written unless present.</summary>
    public static async Task<IReadOnlyList<Shape>> EnsureAsync(BenchFiles files, long rows)
    {
        var root = System.IO.Path.Combine(files.Folder, "shapes", rows.ToString(CultureInfo.InvariantCulture));
        var manifest = System.IO.Path.Combine(root, "generated.txt");
        var stamp = string.Create(CultureInfo.InvariantCulture, $"rows={rows} generator={GeneratorVersion}");
        var shapes = new List<(Shape Shape, string Sql)>();
        var wide = Wide(rows);
        var strings = Strings(rows);
        var nulls = Nulls(rows);
        var standard = $"SELECT * FROM read_parquet({Quote(files.Parquet)})";
        Add("wide_csv", "csv", "64 columns: bigint id, 60 doubles (3 decimals), 3 ints", wide, "(HEADER, DELIMITER ',')");
        Add("wide_parquet", "parquet", "the same 64 columns, snappy", wide, "(FORMAT parquet, COMPRESSION snappy)");
        Add("wide_jsonl", "json", "the same 64 columns", wide, "(FORMAT json)");
        Add("strings_csv", "csv", "id, a code of 1,000 values, a distinct 32-character key, text of 80 to 300 characters (some quoted, non-ASCII), a tag 30 % null", strings, "(HEADER, DELIMITER ',')");
        Add("strings_parquet_dict", "parquet", "the same strings, dictionary-encoded where DuckDB chooses (code, tag), snappy", strings, "(FORMAT parquet, COMPRESSION snappy)");
        Add("strings_parquet_plain", "parquet", "the same strings, all plain (no dictionary), snappy", strings, "(FORMAT parquet, COMPRESSION snappy, DICTIONARY_SIZE_LIMIT 1)");
        Add("strings_jsonl", "json", "the same strings", strings, "(FORMAT json)");
        Add("nulls_csv", "csv", "id and 8 columns (int, bigint, double, decimal, boolean, date, timestamp, string), each about 60 % null", nulls, "(HEADER, DELIMITER ',')");
        Add("nulls_parquet", "parquet", "the same nulls, snappy", nulls, "(FORMAT parquet, COMPRESSION snappy)");
        Add("nulls_jsonl", "json", "the same nulls", nulls, "(FORMAT json)");
        Add("standard_zstd_100k", "parquet", "the benchmark table as DuckDB writes it: zstd, row groups of 100,000 rows", standard, "(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 100000)");
        Add("standard_plain_20k", "parquet", "the benchmark table as DuckDB writes it: uncompressed, row groups of 20,000 rows", standard, "(FORMAT parquet, COMPRESSION uncompressed, ROW_GROUP_SIZE 20000)");
        var nested = new Shape("nested_jsonl", "json", "id, an object (name, age, address object), an array of strings, an array of ints; keys missing in about a third of the rows", Target("nested_jsonl", "json"));

        var all = shapes.Select(s => s.Shape).Append(nested).ToList();
        if (File.Exists(manifest) && await File.ReadAllTextAsync(manifest) == stamp && all.All(s => File.Exists(s.Path)))
        {
            return all;
        }

        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        using (var connection = new DuckDBConnection("DataSource=:memory:"))
        {
            connection.Open();
            foreach (var (shape, sql) in shapes)
            {
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(shape.Path)!);
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                command.ExecuteNonQuery();
            }
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(nested.Path)!);
        await WriteNestedAsync(nested.Path, rows);
        await File.WriteAllTextAsync(manifest, stamp);
        return all;

        void Add(string table, string kind, string description, string select, string options)
        {
            var path = Target(table, kind);
            shapes.Add((new Shape(table, kind, description, path), $"COPY ({select}) TO {Quote(path)} {options}"));
        }

        string Target(string table, string kind) =>
            System.IO.Path.Combine(root, table, table, "rows." + (kind == "json" ? "jsonl" : kind));
    }

    private static string Quote(string path) => $"'{path.Replace("'", "''", StringComparison.Ordinal)}'";

    /// <summary>A value from 0 to <paramref name="modulus"/> - 1 for row <c>i</c> and column <paramref name="column"/>.</summary>
    private static string Hash(int column, long modulus) =>
        string.Create(CultureInfo.InvariantCulture, $"(hash(i * 97 + {column}) % {modulus})");

    private static string Wide(long rows)
    {
        var doubles = Enumerable.Range(1, 60).Select(k => string.Create(CultureInfo.InvariantCulture, $"round({Hash(k, 2_000_000)}::DOUBLE / 1000 - 1000, 3) AS d{k:00}"));
        var ints = Enumerable.Range(1, 3).Select(k => string.Create(CultureInfo.InvariantCulture, $"{Hash(60 + k, 100_000)}::INTEGER AS n{k}"));
        return $"SELECT i AS id, {string.Join(", ", doubles.Concat(ints))} FROM range(1, {rows + 1}) t(i)";
    }

    private static string Strings(long rows) =>
        $"""
        SELECT i AS id,
          'C' || lpad({Hash(1, 1000)}::VARCHAR, 4, '0') AS code,
          md5(i::VARCHAR) AS key,
          CASE WHEN i % 7 = 0 THEN 'Zürich café, "naïve" ' ELSE '' END
            || substr(repeat(md5((i * 3)::VARCHAR) || ' lorem ipsum dolor ' || md5((i * 5)::VARCHAR) || ' ', 6), 1, 80 + {Hash(2, 220)}::INTEGER) AS body,
          CASE WHEN {Hash(3, 10)} < 3 THEN NULL ELSE 'tag-' || {Hash(4, 50_000)}::VARCHAR END AS tag
        FROM range(1, {rows + 1}) t(i)
        """;

    private static string Nulls(long rows) =>
        $"""
        SELECT i AS id,
          CASE WHEN {Hash(1, 10)} < 6 THEN NULL ELSE {Hash(11, 100_000)}::INTEGER END AS n_int,
          CASE WHEN {Hash(2, 10)} < 6 THEN NULL ELSE {Hash(12, 10_000_000_000)}::BIGINT END AS n_bigint,
          CASE WHEN {Hash(3, 10)} < 6 THEN NULL ELSE round({Hash(13, 1_000_000)}::DOUBLE / 7, 4) END AS n_double,
          CASE WHEN {Hash(4, 10)} < 6 THEN NULL ELSE ({Hash(14, 10_000_000)}::DECIMAL(12, 2) / 100)::DECIMAL(12, 2) END AS n_amount,
          CASE WHEN {Hash(5, 10)} < 6 THEN NULL ELSE {Hash(15, 2)} = 0 END AS n_flag,
          CASE WHEN {Hash(6, 10)} < 6 THEN NULL ELSE DATE '2015-01-01' + {Hash(16, 3650)}::INTEGER END AS n_day,
          CASE WHEN {Hash(7, 10)} < 6 THEN NULL ELSE TIMESTAMP '2020-01-01 00:00:00' + to_seconds({Hash(17, 157_680_000)}::BIGINT) END AS n_at,
          CASE WHEN {Hash(8, 10)} < 6 THEN NULL ELSE 'value ' || {Hash(18, 100_000)}::VARCHAR END AS n_text
        FROM range(1, {rows + 1}) t(i)
        """;

    /// <summary>
    /// Rows of an id, a <c>user</c> object (name, age, an <c>address</c> object of city and zip), <c>tags</c> (strings)
    /// and <c>scores</c> (ints); a row leaves out <c>user</c>, <c>tags</c> or <c>scores</c> (each in about a third of the rows).
    /// </summary>
    private static async Task WriteNestedAsync(string path, long rows)
    {
        string[] cities = ["Lyon", "Zürich", "Porto", "Ghent", "Kraków", "Turku", "Bergen", "Split"];
        await using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        for (var i = 1L; i <= rows; i++)
        {
            var h = unchecked((ulong)i * 0x9E3779B97F4A7C15UL);
            writer.WriteStartObject();
            writer.WriteNumber("id", i);
            if (h % 3 != 0)
            {
                writer.WriteStartObject("user");
                writer.WriteString("name", string.Create(CultureInfo.InvariantCulture, $"user {h % 100_000}"));
                writer.WriteNumber("age", (int)(18 + (h >> 8) % 70));
                writer.WriteStartObject("address");
                writer.WriteString("city", cities[(h >> 16) % (ulong)cities.Length]);
                writer.WriteString("zip", string.Create(CultureInfo.InvariantCulture, $"{(h >> 20) % 100_000:00000}"));
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            if ((h >> 4) % 3 != 0)
            {
                writer.WriteStartArray("tags");
                for (var t = 0; t < (int)((h >> 24) % 4); t++)
                {
                    writer.WriteStringValue(string.Create(CultureInfo.InvariantCulture, $"t{(h >> (28 + t)) % 40}"));
                }

                writer.WriteEndArray();
            }

            if ((h >> 6) % 3 != 0)
            {
                writer.WriteStartArray("scores");
                for (var s = 0; s < (int)((h >> 32) % 5); s++)
                {
                    writer.WriteNumberValue((int)((h >> (36 + s)) % 1000));
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.Flush();
            stream.WriteByte((byte)'\n');
            writer.Reset();
        }
    }
}
