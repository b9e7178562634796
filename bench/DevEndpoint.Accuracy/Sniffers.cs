using System.Text.Json;
using DevEndpoint.Formats;
using DuckDB.NET.Data;

namespace DevEndpoint.Accuracy;

/// <summary>The two sniffers scored: DevEndpoint's classifier (as the crawler runs it) and DuckDB's <c>sniff_csv</c>.</summary>
internal static class Sniffers
{
    public static async Task<SniffResult> DevEndpointAsync(string path)
    {
        try
        {
            var schema = await FileClassifier.ClassifyAsync(path, new SampleOptions());
            if (schema?.Csv is not { } csv)
            {
                return SniffResult.Failed($"classified as {schema?.Classification ?? "UNKNOWN"}");
            }

            return new SniffResult(csv.Delimiter, csv.HasHeader, schema.Columns.Select(c => new SniffedColumn(c.Name, TypeCategories.Of(c.Type))).ToList(), csv.PreambleLines);
        }
        catch (BadFileException e)
        {
            return SniffResult.Failed(e.Message);
        }
    }

    public static SniffResult DuckDb(DuckDBConnection connection, string path)
    {
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT Delimiter, HasHeader, to_json(Columns)::VARCHAR, SkipRows FROM sniff_csv('{path.Replace("'", "''", StringComparison.Ordinal)}')";
            using var reader = command.ExecuteReader();
            reader.Read();
            var delimiter = reader.GetString(0);
            using var columns = JsonDocument.Parse(reader.GetString(2));
            return new SniffResult(
                delimiter.Length == 1 ? delimiter[0] : null,
                reader.GetBoolean(1),
                columns.RootElement.EnumerateArray()
                    .Select(c => new SniffedColumn(c.GetProperty("name").GetString()!, TypeCategories.Of(c.GetProperty("type").GetString()!)))
                    .ToList(),
                Convert.ToInt32(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (DuckDBException e)
        {
            return SniffResult.Failed(e.Message.Split('\n')[0]);
        }
    }
}
