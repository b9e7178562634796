using System.Globalization;
using System.Text;
using System.Text.Json;
using DevEndpoint.Catalog;

namespace DevEndpoint.Cluster.Tests;

/// <summary>Small lakes written for the tests, and the catalog as the tests compare it.</summary>
internal static class Lakes
{
    /// <summary>
    /// orders/dt=2024-01-0N/part-K.csv (ids unique over the lake, <paramref name="days"/> days of 3 files of 10 rows),
    /// customers/*.json (JSON lines) and a file no classifier knows; returns the number of order rows.
    /// </summary>
    public static int Write(TempFolder folder, string lake, int days = 6)
    {
        var id = 0;
        for (var day = 1; day <= days; day++)
        {
            for (var file = 0; file < 3; file++)
            {
                var text = new StringBuilder("id,item,amount\n");
                for (var row = 0; row < 10; row++, id++)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{id},item{id % 7},{(id * 1.25m).ToString(CultureInfo.InvariantCulture)}\n");
                }

                folder.Write($"{lake}/orders/dt=2024-01-{day:D2}/part-{file}.csv", text.ToString());
            }
        }

        folder.Write($"{lake}/customers/a.json", "{\"cid\": 1, \"city\": \"Oslo\"}\n{\"cid\": 2, \"city\": \"Lima\"}\n");
        folder.Write($"{lake}/customers/b.json", "{\"cid\": 3, \"city\": \"Pune\", \"vip\": true}\n");
        folder.Write($"{lake}/notes/readme.bin", "\u0001\u0002\u0003 not data");
        return id;
    }

    /// <summary>A database's tables and partitions as JSON, without the times that differ between two crawls.</summary>
    public static string Describe(DataCatalog catalog, string database) =>
        JsonSerializer.Serialize(catalog.GetTables(database).OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => new
        {
            Table = t with { CreateTime = default, UpdateTime = default, Parameters = WithoutRun(t.Parameters) },
            Partitions = catalog.GetPartitions(new TableName(database, t.Name))
                .OrderBy(p => string.Join('/', p.Values), StringComparer.Ordinal)
                .Select(p => p with { CreationTime = default, Parameters = WithoutRun(p.Parameters) }),
        }));

    /// <summary>Parameters without the id of the crawl run that wrote them.</summary>
    private static Dictionary<string, string> WithoutRun(IReadOnlyDictionary<string, string> parameters) =>
        parameters.Where(p => p.Key != CatalogUpdate.CrawlRunIdParameter).ToDictionary(p => p.Key, p => p.Value);
}
