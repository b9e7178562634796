using System.Globalization;
using System.Text;

namespace DevEndpoint.CrawlBench;

/// <summary>Deterministic benchmark data: many small Hive-partitioned CSV files, and one big CSV file.</summary>
internal static class Lakes
{
    /// <summary>Writes <paramref name="files"/> small CSV files under year=/month=/day= folders, unless a previous run left them.</summary>
    public static string SmallFiles(string root, int files)
    {
        var folder = Path.Combine(root, $"small-{files}", "events");
        var marker = Path.Combine(root, $"small-{files}", ".complete");
        if (File.Exists(marker))
        {
            return folder;
        }

        var random = new Random(files);
        for (var i = 0; i < files; i++)
        {
            var day = i / 15;
            var partition = Path.Combine(
                folder,
                $"year={2020 + (day / 336)}",
                string.Create(CultureInfo.InvariantCulture, $"month={(day / 28 % 12) + 1:00}"),
                string.Create(CultureInfo.InvariantCulture, $"day={(day % 28) + 1:00}"));
            Directory.CreateDirectory(partition);
            var csv = new StringBuilder("event_id,user_id,amount,kind\n");
            for (var row = 0; row < 10; row++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{(i * 10) + row},{random.Next(1, 5000)},{random.Next(0, 100000) / 100m:0.00},{(row % 3 == 0 ? "click" : "view")}\n");
            }

            File.WriteAllText(Path.Combine(partition, string.Create(CultureInfo.InvariantCulture, $"part-{i % 15:00}.csv")), csv.ToString());
        }

        File.WriteAllText(marker, string.Empty);
        return folder;
    }

    /// <summary>Writes one CSV file of about <paramref name="mebibytes"/> MiB, unless a previous run left it.</summary>
    public static string BigFile(string root, int mebibytes)
    {
        var folder = Path.Combine(root, $"big-{mebibytes}", "measurements");
        var path = Path.Combine(folder, "measurements.csv");
        if (File.Exists(path) && new FileInfo(path).Length >= (long)mebibytes << 20)
        {
            return folder;
        }

        Directory.CreateDirectory(folder);
        using var writer = new StreamWriter(path + ".tmp", false, new UTF8Encoding(false), 1 << 20);
        writer.Write("id,sensor,reading,taken_at,note\n");
        var target = (long)mebibytes << 20;
        var random = new Random(7);
        for (long id = 0; writer.BaseStream.Position < target; id++)
        {
            writer.Write(string.Create(
                CultureInfo.InvariantCulture,
                $"{id},sensor-{id % 97},{random.NextDouble() * 100:0.000},2024-01-{(id % 28) + 1:00} {id % 24:00}:{id % 60:00}:00,\"free text, with a comma\"\n"));
        }

        writer.Close();
        File.Move(path + ".tmp", path, overwrite: true);
        return folder;
    }
}
