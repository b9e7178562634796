using System.IO.Compression;
using System.Text;

namespace DevEndpoint.Samples;

/// <summary>
/// Writes sample script libraries for demos and tests: <c>cleaning-v1.zip</c> and <c>cleaning-v2.zip</c> (two versions
/// of the library <c>Acme.Cleaning</c>, as Glue takes them: one library folder at the archive root, with a
/// <c>library.json</c>) and <c>Dates.cs</c> (a single-file library).
/// </summary>
public static class SampleLibraries
{
    /// <summary>Writes the libraries under <paramref name="folder"/>, replacing files it wrote before. Returns the files written.</summary>
    public static IReadOnlyList<string> Write(string folder)
    {
        return [WriteCleaning(folder, "1.0.0"), WriteCleaning(folder, "2.0.0"), WriteDates(folder)];
    }

    /// <summary>
    /// Writes (or overwrites) <c>cleaning-v&lt;major&gt;.zip</c>: <c>Acme.Cleaning.Cleaner</c> trims and lower-cases a column of a
    /// DataFrame, and says its version.
    /// </summary>
    public static string WriteCleaning(string folder, string version)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"cleaning-v{version.Split('.')[0]}.zip");
        File.Delete(path);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Add(zip, "Acme/library.json", $$"""{ "name": "Acme.Cleaning", "version": "{{version}}" }""");
        Add(zip, "Acme/Cleaner.cs", $$"""
            using Microsoft.Data.Analysis;

            namespace Acme.Cleaning;

            public static class Cleaner
            {
                public static string Version => "{{version}}";

                /// <summary>The column <paramref name="column"/> as strings, trimmed and in lower case.</summary>
                public static StringDataFrameColumn Normalize(DataFrame frame, string column)
                {
                    var source = frame.Columns[column];
                    var result = new StringDataFrameColumn(column, source.Length);
                    for (long i = 0; i < source.Length; i++)
                    {
                        result[i] = Text.Tidy(source[i]?.ToString());
                    }

                    return result;
                }
            }
            """);
        Add(zip, "Acme/Text.cs", """
            namespace Acme.Cleaning;

            public static class Text
            {
                public static string? Tidy(string? value) => value?.Trim().ToLowerInvariant();
            }
            """);
        return path;
    }

    private static string WriteDates(string folder)
    {
        var path = Path.Combine(folder, "Dates.cs");
        File.WriteAllText(path, """
            using System;
            using System.Globalization;

            namespace Acme.Dates;

            public static class Quarters
            {
                /// <summary>The quarter of an ISO date such as 2024-02-17: "2024-Q1".</summary>
                public static string Of(string isoDate)
                {
                    var date = DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                    return $"{date.Year}-Q{((date.Month - 1) / 3) + 1}";
                }
            }
            """);
        return path;
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
