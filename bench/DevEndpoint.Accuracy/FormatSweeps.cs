using System.Data.Common;
using System.Text.Json;
using DevEndpoint.Formats;
using DuckDB.NET.Data;

namespace DevEndpoint.Accuracy;

/// <summary>
/// Scores classification of the non-CSV corpora, DevEndpoint and DuckDB side by side where DuckDB reads the format:
/// parquet-testing (schemas, and bad_data rejected), arrow-testing's Avro files, and JSONTestSuite.
/// </summary>
internal static class FormatSweeps
{
    private static readonly TimeSpan PerFile = TimeSpan.FromSeconds(10);

    public static async Task<IReadOnlyList<FormatTally>> RunAsync(string root, DuckDBConnection duck) =>
    [
        await ParquetAsync(Path.Combine(root, "parquet-testing", "data"), duck),
        await BadParquetAsync(Path.Combine(root, "parquet-testing", "bad_data"), duck),
        await AvroAsync(Path.Combine(root, "arrow-testing", "data", "avro")),
        await JsonAsync(Path.Combine(root, "JSONTestSuite", "test_parsing"), duck),
    ];

    /// <summary>Readable Parquet files: right when the schema is read, and (for DevEndpoint) has DuckDB's column names.</summary>
    private static async Task<FormatTally> ParquetAsync(string folder, DuckDBConnection duck)
    {
        var tally = new FormatTally("parquet-testing `data/*.parquet`: schema read (DevEndpoint: same column names as DuckDB where DuckDB reads it)");
        foreach (var file in Directory.EnumerateFiles(folder, "*.parquet").Order(StringComparer.Ordinal))
        {
            var duckColumns = Query(duck, $"DESCRIBE SELECT * FROM read_parquet('{Escape(file)}')");
            var ours = await ClassifyAsync(file);
            var oursRight = ours.Schema is { } schema
                && (duckColumns is null || schema.Columns.Select(c => c.Name).SequenceEqual(duckColumns.Select(c => c.ToLowerInvariant())));
            tally.Add(Path.GetFileName(file), oursRight, duckColumns is not null, ours.Problem);
        }

        return tally;
    }

    /// <summary>Broken Parquet files: right when rejected with an error, without a crash or a hang.</summary>
    private static async Task<FormatTally> BadParquetAsync(string folder, DuckDBConnection duck)
    {
        var tally = new FormatTally("parquet-testing `bad_data/`: rejected when classified (DevEndpoint reads only the footer while crawling; corrupt pages fail on load, see tests; DuckDB reads all rows)");
        foreach (var file in Directory.EnumerateFiles(folder, "*.parquet").Order(StringComparer.Ordinal))
        {
            var ours = await ClassifyAsync(file);
            var duckRejects = Query(duck, $"SELECT count(*) FROM read_parquet('{Escape(file)}')") is null;
            tally.Add(Path.GetFileName(file), ours.Schema is null && ours.Problem?.StartsWith("bad file", StringComparison.Ordinal) is true, duckRejects, ours.Problem);
        }

        return tally;
    }

    /// <summary>Avro files: right when classified avro with columns (DuckDB needs its avro extension, which is not at hand offline).</summary>
    private static async Task<FormatTally> AvroAsync(string folder)
    {
        var tally = new FormatTally("arrow-testing Avro files: classified avro with a schema (DuckDB: avro extension not installable offline)", duckApplies: false);
        foreach (var file in Directory.EnumerateFiles(folder, "*.avro").Order(StringComparer.Ordinal))
        {
            var ours = await ClassifyAsync(file);
            tally.Add(Path.GetFileName(file), ours.Schema is { Classification: "avro" }, duckRight: false, ours.Problem);
        }

        return tally;
    }

    /// <summary>
    /// JSONTestSuite: <c>n_</c> files must not be read as JSON; <c>y_</c> files that hold records (an object, or an array of
    /// objects) must be. DuckDB is scored by whether <c>read_json_auto</c> accepts the file.
    /// </summary>
    private static async Task<FormatTally> JsonAsync(string folder, DuckDBConnection duck)
    {
        var tally = new FormatTally("JSONTestSuite: `n_` files not taken for JSON, `y_` files holding records taken for JSON");
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var valid = name.StartsWith("y_", StringComparison.Ordinal);
            if (!valid && !name.StartsWith("n_", StringComparison.Ordinal) || valid && !HoldsRecords(file))
            {
                continue;
            }

            var ours = await ClassifyAsync(file);
            var oursJson = ours.Schema is { Classification: "json" };
            var duckAccepts = Query(duck, $"SELECT count(*) FROM read_json_auto('{Escape(file)}')") is not null;
            tally.Add(name, oursJson == valid, duckAccepts == valid, ours.Problem);
        }

        return tally;
    }

    private static bool HoldsRecords(string file)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                || (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0 && root.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Object));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static async Task<(FileSchema? Schema, string? Problem)> ClassifyAsync(string file)
    {
        try
        {
            return (await FileClassifier.ClassifyAsync(file, new SampleOptions()).WaitAsync(PerFile), null);
        }
        catch (BadFileException e)
        {
            return (null, "bad file: " + e.Reason);
        }
        catch (TimeoutException)
        {
            return (null, $"no answer within {PerFile.TotalSeconds} s");
        }
    }

    /// <summary>The first column of a DuckDB query's rows, or <c>null</c> when DuckDB rejects it.</summary>
    private static List<string>? Query(DuckDBConnection duck, string sql)
    {
        try
        {
            using var command = duck.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var values = new List<string>();
            while (reader.Read())
            {
                values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
            }

            return values;
        }
        catch (DbException)
        {
            return null;
        }
    }

    private static string Escape(string path) => path.Replace("'", "''", StringComparison.Ordinal);
}

/// <summary>One corpus's score: files right for DevEndpoint and for DuckDB, and DevEndpoint's misses.</summary>
internal sealed class FormatTally(string title, bool duckApplies = true)
{
    public string Title { get; } = title;

    public bool DuckApplies { get; } = duckApplies;

    public int Files { get; private set; }

    public int OursRight { get; private set; }

    public int DuckRight { get; private set; }

    public List<string> OurMisses { get; } = [];

    public void Add(string file, bool oursRight, bool duckRight, string? problem)
    {
        Files++;
        OursRight += oursRight ? 1 : 0;
        DuckRight += duckRight ? 1 : 0;
        if (!oursRight)
        {
            OurMisses.Add(problem is null ? file : $"{file} ({problem})");
        }
    }
}
