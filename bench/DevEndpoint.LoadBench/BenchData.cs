using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Parquet;

namespace DevEndpoint.LoadBench;

/// <summary>Where one size of the benchmark table lives: a folder per format under <see cref="Data"/>, which the bench crawls.</summary>
internal sealed record BenchFiles(string Folder, long Rows)
{
    public string Data => Path.Combine(Folder, "data");

    public string Csv => Path.Combine(Data, "csv", "rows.csv");

    public string Parquet => Path.Combine(Data, "parquet", "rows.parquet");

    public string JsonLines => Path.Combine(Data, "jsonl", "rows.jsonl");

    public string Catalog => Path.Combine(Folder, "catalog.db");

    public string Manifest => Path.Combine(Folder, "generated.txt");
}

/// <summary>
/// The benchmark table, generated from a fixed seed: id (bigint sequence), quantity (int), price (double), active
/// (boolean), day (date), created (timestamp), category (36 short strings), note (free text with a quoted comma, some
/// with quotes and non-ASCII letters), score (int, about 10 % empty) and amount (2 decimals); about 135 bytes a row
/// as CSV. The same rows are written as CSV with a header, as Parquet (snappy, row groups of 1,000,000 rows) and as
/// JSON lines.
/// </summary>
internal static class BenchData
{
    public const int RowGroupRows = 1_000_000;
    private const int Seed = 20261125;

    /// <summary>Bump when the generated rows change, so existing data is written again.</summary>
    private const int GeneratorVersion = 1;

    private static readonly string[] Categories =
        [.. new[] { "red", "green", "blue", "amber", "violet", "grey" }.SelectMany(c => new[] { "box", "tube", "crate", "bag", "tray", "tin" }, (c, k) => $"{c}-{k}")];

    private static readonly string[] Words =
    [
        "order", "shipped", "late", "customer", "asked", "for", "a", "refund", "gift", "wrap", "please", "fragile",
        "leave", "at", "door", "call", "before", "delivery", "second", "floor", "no", "bell", "back", "entrance",
        "café", "Zürich", "naïve", "señor", "box", "damaged", "replaced", "twice", "urgent", "weekend", "only", "thanks",
    ];

    private static readonly DateOnly FirstDay = new(2015, 1, 1);
    private static readonly DateTime FirstInstant = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>The files for <paramref name="rows"/> rows under <paramref name="root"/>, written unless a run with the same rows, seed and generator left them.</summary>
    public static async Task<BenchFiles> EnsureAsync(string root, long rows)
    {
        var files = new BenchFiles(Path.Combine(root, string.Create(CultureInfo.InvariantCulture, $"rows-{rows}")), rows);
        var stamp = string.Create(CultureInfo.InvariantCulture, $"rows={rows} seed={Seed} generator={GeneratorVersion}");
        if (File.Exists(files.Manifest) && await File.ReadAllTextAsync(files.Manifest) == stamp
            && new[] { files.Csv, files.Parquet, files.JsonLines }.All(File.Exists))
        {
            return files;
        }

        if (Directory.Exists(files.Folder))
        {
            Directory.Delete(files.Folder, recursive: true);
        }

        foreach (var path in new[] { files.Csv, files.Parquet, files.JsonLines })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }

        await WriteAsync(files);
        await File.WriteAllTextAsync(files.Manifest, stamp);
        return files;
    }

    private static async Task WriteAsync(BenchFiles files)
    {
        var random = new Random(Seed);
        await using var csv = new StreamWriter(files.Csv, false, new UTF8Encoding(false), 1 << 20) { NewLine = "\n" };
        await using var json = new FileStream(files.JsonLines, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        await using var parquetFile = File.Create(files.Parquet);
        await using var parquet = await ParquetWriter.CreateAsync(RowChunk.Schema, parquetFile, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy });
        await csv.WriteLineAsync(string.Join(',', RowChunk.Schema.DataFields.Select(f => f.Name)));
        using var jsonWriter = new Utf8JsonWriter(json, new JsonWriterOptions { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        for (var start = 0L; start < files.Rows; start += RowGroupRows)
        {
            var chunk = Fill(random, start, (int)Math.Min(RowGroupRows, files.Rows - start));
            WriteCsv(chunk, csv);
            WriteJsonLines(chunk, jsonWriter, json);
            await chunk.WriteAsync(parquet);
        }
    }

    private static RowChunk Fill(Random random, long start, int count)
    {
        var chunk = new RowChunk(count);
        var note = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            chunk.Id[i] = start + i + 1;
            chunk.Quantity[i] = random.Next(-500, 100_000);
            chunk.Price[i] = 1 + (random.NextDouble() * 999);
            chunk.Active[i] = random.Next(2) == 0;
            chunk.Day[i] = FirstDay.AddDays(random.Next(3650));
            chunk.Created[i] = FirstInstant.AddSeconds(random.NextInt64(5L * 365 * 86_400));
            chunk.Category[i] = Categories[random.Next(Categories.Length)];
            chunk.Note[i] = Note(random, note);
            chunk.Score[i] = random.Next(10) == 0 ? null : random.Next(1000);
            chunk.Amount[i] = new decimal(random.NextInt64(-100_000, 10_000_000)) / 100m;
        }

        return chunk;
    }

    /// <summary>Five to nine words with a comma after the third; one note in eight quotes a word.</summary>
    private static string Note(Random random, StringBuilder note)
    {
        note.Clear();
        var words = random.Next(5, 10);
        var quoted = random.Next(8) == 0 ? random.Next(words) : -1;
        for (var w = 0; w < words; w++)
        {
            var word = Words[random.Next(Words.Length)];
            note.Append(w == 0 ? string.Empty : w == 3 ? ", " : " ").Append(w == quoted ? $"\"{word}\"" : word);
        }

        return note.ToString();
    }

    private static void WriteCsv(RowChunk chunk, StreamWriter csv)
    {
        var line = new StringBuilder();
        for (var i = 0; i < chunk.Count; i++)
        {
            line.Clear()
                .Append(CultureInfo.InvariantCulture, $"{chunk.Id[i]},{chunk.Quantity[i]},{chunk.Price[i]},{(chunk.Active[i] ? "true" : "false")},")
                .Append(CultureInfo.InvariantCulture, $"{chunk.Day[i]:yyyy-MM-dd},{chunk.Created[i]:yyyy-MM-dd HH:mm:ss},{chunk.Category[i]},")
                .Append('"').Append(chunk.Note[i]!.Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\",")
                .Append(CultureInfo.InvariantCulture, $"{chunk.Score[i]},{chunk.Amount[i]:0.00}");
            csv.WriteLine(line);
        }
    }

    private static void WriteJsonLines(RowChunk chunk, Utf8JsonWriter writer, Stream stream)
    {
        for (var i = 0; i < chunk.Count; i++)
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", chunk.Id[i]);
            writer.WriteNumber("quantity", chunk.Quantity[i]);
            writer.WriteNumber("price", chunk.Price[i]);
            writer.WriteBoolean("active", chunk.Active[i]);
            writer.WriteString("day", chunk.Day[i].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.WriteString("created", chunk.Created[i].ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            writer.WriteString("category", chunk.Category[i]);
            writer.WriteString("note", chunk.Note[i]);
            if (chunk.Score[i] is { } score)
            {
                writer.WriteNumber("score", score);
            }
            else
            {
                writer.WriteNull("score");
            }

            writer.WritePropertyName("amount");
            writer.WriteRawValue(chunk.Amount[i].ToString("0.00", CultureInfo.InvariantCulture));
            writer.WriteEndObject();
            writer.Flush();
            stream.WriteByte((byte)'\n');
            writer.Reset();
        }
    }
}
