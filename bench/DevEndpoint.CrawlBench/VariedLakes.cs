using System.Globalization;
using System.Text;

namespace DevEndpoint.CrawlBench;

/// <summary>
/// Deterministic lakes whose content varies, not only their file count: typed CSV files (integers, doubles, booleans,
/// dates, timestamps with and without a zone, quoted text, nulls), families of them in other column orders, many tiny
/// files, and JSON lines. Each is written once under its own folder and reused while its marker file is there.
/// </summary>
internal static class VariedLakes
{
    private static readonly string[] Columns = ["id", "qty", "price", "active", "day", "at", "at_utc", "at_offset", "category", "note"];

    private static readonly string[] Categories = ["web", "store", "app", "phone", "partner"];

    private static readonly string[] Offsets = ["+02:00", "-05:00", "+00:00", "+05:30"];

    /// <summary><paramref name="files"/> CSV files of 50 typed rows, 15 in each year=/month=/day= folder.</summary>
    public static string Typed(string root, int files) =>
        Once(root, $"typed-{files}", "events", folder =>
        {
            var order = Enumerable.Range(0, Columns.Length).ToArray();
            for (var i = 0; i < files; i++)
            {
                WriteCsv(Path.Combine(folder, DayFolder(i / 15), Part(i % 15, "csv")), order, new Random(i), i * 50L, 50);
            }
        });

    /// <summary>
    /// The typed files in 8 families (folders family_0 to family_7), each with a column order and random values of its
    /// own, <paramref name="files"/> files in all.
    /// </summary>
    public static string Families(string root, int files) =>
        Once(root, $"families-{files}", "families", folder =>
        {
            const int Families = 8;
            for (var family = 0; family < Families; family++)
            {
                var order = Enumerable.Range(0, Columns.Length).ToArray();
                new Random(1000 + family).Shuffle(order);
                var familyFolder = Path.Combine(folder, $"family_{family}");
                for (var i = family; i < files; i += Families)
                {
                    var n = i / Families;
                    WriteCsv(Path.Combine(familyFolder, DayFolder(n / 15), Part(n % 15, "csv")), order, new Random((family * 7919) + i), i * 50L, 50);
                }
            }
        });

    /// <summary><paramref name="files"/> tiny CSV files (a header and 1 to 3 rows), 50 in each year=/month=/day= folder.</summary>
    public static string Tiny(string root, int files) =>
        Once(root, $"tiny-{files}", "clicks", folder =>
        {
            var random = new Random(3);
            var csv = new StringBuilder();
            for (var i = 0; i < files; i++)
            {
                csv.Clear().Append("click_id,user_id,amount,clicked_at\n");
                var rows = random.Next(1, 4);
                for (var row = 0; row < rows; row++)
                {
                    csv.Append(CultureInfo.InvariantCulture, $"{(i * 3L) + row},{random.Next(1, 90000)},{random.Next(0, 100000) / 100.0:0.00},{Timestamp(random, 'T')}Z\n");
                }

                Write(Path.Combine(folder, DayFolder(i / 50), Part(i % 50, "csv")), csv.ToString());
            }
        });

    /// <summary><paramref name="files"/> JSON lines files of 50 typed objects, 15 in each year=/month=/day= folder.</summary>
    public static string JsonLines(string root, int files) =>
        Once(root, $"jsonl-{files}", "events", folder =>
        {
            var json = new StringBuilder();
            for (var i = 0; i < files; i++)
            {
                var random = new Random(i);
                json.Clear();
                for (var row = 0; row < 50; row++)
                {
                    var values = Values(random, (i * 50L) + row);
                    json.Append('{');
                    for (var c = 0; c < Columns.Length; c++)
                    {
                        json.Append(c == 0 ? "\"" : ",\"").Append(Columns[c]).Append("\":").Append(JsonValue(c, values[c]));
                    }

                    json.Append("}\n");
                }

                Write(Path.Combine(folder, DayFolder(i / 15), Part(i % 15, "json")), json.ToString());
            }
        });

    private static string Once(string root, string name, string table, Action<string> write)
    {
        var folder = Path.Combine(root, name, table);
        var marker = Path.Combine(root, name, ".complete");
        if (!File.Exists(marker))
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            write(folder);
            File.WriteAllText(marker, string.Empty);
        }

        return folder;
    }

    private static void WriteCsv(string path, int[] order, Random random, long firstId, int rows)
    {
        var csv = new StringBuilder(rows * 160);
        csv.AppendJoin(',', order.Select(c => Columns[c])).Append('\n');
        for (var row = 0; row < rows; row++)
        {
            var values = Values(random, firstId + row);
            csv.AppendJoin(',', order.Select(c => CsvValue(values[c]))).Append('\n');
        }

        Write(path, csv.ToString());
    }

    /// <summary>One row's values in <see cref="Columns"/> order, as text; null for a missing value.</summary>
    private static string?[] Values(Random random, long id)
    {
        var stamp = Timestamp(random, ' ');
        return
        [
            (10_000_000_000L + id).ToString(CultureInfo.InvariantCulture),
            random.Next(20) == 0 ? null : random.Next(-1000, 1000).ToString(CultureInfo.InvariantCulture),
            random.Next(25) == 0 ? null : (random.Next(0, 10_000_000) / 1000.0).ToString("0.000", CultureInfo.InvariantCulture),
            random.Next(2) == 0 ? "true" : "false",
            stamp[..10],
            stamp,
            stamp.Replace(' ', 'T') + "Z",
            stamp.Replace(' ', 'T') + Offsets[random.Next(Offsets.Length)],
            Categories[random.Next(Categories.Length)],
            random.Next(4) switch
            {
                0 => null,
                1 => $"note {random.Next(1000)}, with a comma",
                _ => $"plain note {random.Next(1000)}",
            },
        ];
    }

    private static string Timestamp(Random random, char separator) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"2022-{random.Next(1, 13):00}-{random.Next(1, 29):00}{separator}{random.Next(24):00}:{random.Next(60):00}:{random.Next(60):00}");

    private static string CsvValue(string? value) =>
        value is null ? string.Empty : value.Contains(',', StringComparison.Ordinal) ? $"\"{value}\"" : value;

    private static string JsonValue(int column, string? value) =>
        value is null ? "null" : Columns[column] is "id" or "qty" or "price" or "active" ? value : $"\"{value}\"";

    private static string DayFolder(int day) =>
        string.Create(CultureInfo.InvariantCulture, $"year={2020 + (day / 336)}/month={(day / 28 % 12) + 1:00}/day={(day % 28) + 1:00}");

    private static string Part(int n, string extension) => string.Create(CultureInfo.InvariantCulture, $"part-{n:000}.{extension}");

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
