using System.Globalization;
using System.Text;
using Microsoft.Data.Analysis;

namespace DevEndpoint.CsvBench;

/// <summary>The data measured: a frame of every type a CSV file holds, and delimited text with accents, quotes and commas.</summary>
internal static class BenchFrames
{
    private static readonly string[] Names = ["Besançon", "Zürich", "Málaga", "Øresund", "plain", "a, \"quoted\" one", " padded ", ""];

    /// <summary><paramref name="rows"/> rows of ints, longs, decimals, doubles, booleans, dates, timestamps and text, a tenth of them null.</summary>
    public static DataFrame Mixed(int rows)
    {
        var random = new Random(42);
        var start = new DateTime(2020, 1, 1);
        return new DataFrame(
            new Int32DataFrameColumn("id", Enumerable.Range(0, rows)),
            new Int64DataFrameColumn("big", Enumerable.Range(0, rows).Select(i => i % 10 == 3 ? null : (long?)random.NextInt64(-5_000_000_000, 5_000_000_000))),
            new DecimalDataFrameColumn("price", Enumerable.Range(0, rows).Select(i => i % 10 == 4 ? null : (decimal?)Math.Round((decimal)random.NextDouble() * 10_000m, 2))),
            new DoubleDataFrameColumn("ratio", Enumerable.Range(0, rows).Select(i => i % 10 == 5 ? null : (double?)random.NextDouble())),
            new BooleanDataFrameColumn("flag", Enumerable.Range(0, rows).Select(i => i % 10 == 6 ? null : (bool?)(random.Next(2) == 1))),
            new PrimitiveDataFrameColumn<DateTime>("day", Enumerable.Range(0, rows).Select(i => i % 10 == 7 ? null : (DateTime?)start.AddDays(random.Next(2000)))),
            new PrimitiveDataFrameColumn<DateTime>("at", Enumerable.Range(0, rows).Select(i => i % 10 == 8 ? null : (DateTime?)start.AddMilliseconds(random.NextInt64(100_000_000_000)))),
            new StringDataFrameColumn("name", Enumerable.Range(0, rows).Select(i => i % 10 == 9 ? null : Names[random.Next(Names.Length)])),
            new StringDataFrameColumn("note", Enumerable.Range(0, rows).Select(i => $"note {i}")));
    }

    /// <summary>A file of <paramref name="rows"/> rows in <paramref name="encoding"/>, with its byte order mark if it has one.</summary>
    public static void WriteText(string path, int rows, Encoding encoding)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [.. encoding.GetPreamble(), .. encoding.GetBytes(Text(rows))]);
    }

    /// <summary>A header and <paramref name="rows"/> rows: id, city, amount, day, note (quoted when it holds a comma).</summary>
    public static string Text(int rows)
    {
        var random = new Random(7);
        var text = new StringBuilder("id,city,amount,day,note\n");
        for (var i = 0; i < rows; i++)
        {
            var note = random.Next(4) == 0 ? $"\"{Names[random.Next(4)]}, and \"\"more\"\"\"" : Names[random.Next(4)];
            text.Append(CultureInfo.InvariantCulture, $"{i},{Names[random.Next(4)]},{random.Next(100_000) / 100m},{new DateTime(2020, 1, 1).AddDays(random.Next(2000)):yyyy-MM-dd},{note}\n");
        }

        return text.ToString();
    }
}
