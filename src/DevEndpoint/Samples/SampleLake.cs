using System.Globalization;
using System.IO.Compression;
using System.Text;
using Parquet;
using Parquet.Schema;

namespace DevEndpoint.Samples;

/// <summary>
/// Writes a small, deterministic sales data lake for demos and tests: <c>orders</c> (CSV, Hive-partitioned by year
/// and month), <c>customers</c> (gzipped JSON lines with nested fields) and <c>products</c> (Parquet).
/// </summary>
public static class SampleLake
{
    private static readonly string[] Statuses = ["shipped", "pending", "cancelled", "returned"];
    private static readonly string[] Cities = ["Lisbon", "Oslo", "Austin", "Osaka", "Nairobi", "Lima"];
    private static readonly string[] Tiers = ["gold", "silver", "bronze"];
    private static readonly string[] Products = ["kettle", "lamp", "desk", "chair", "mug", "notebook", "pen", "backpack"];

    /// <summary>Writes the lake under <paramref name="folder"/>, replacing files it wrote before. Returns the files written.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(string folder, CancellationToken cancellationToken = default)
    {
        var written = new List<string>();
        var random = new Random(20240101);
        var orderId = 1000;
        foreach (var (year, months) in new[] { (2023, new[] { "11", "12" }), (2024, new[] { "01", "02", "03" }) })
        {
            foreach (var month in months)
            {
                var csv = new StringBuilder("order_id,customer_id,order_date,amount,status,note\n");
                for (var i = 0; i < 40; i++)
                {
                    var day = random.Next(1, 29);
                    var amount = random.Next(100, 50000) / 100m;
                    var note = (i % 7) switch
                    {
                        0 => "\"gift wrap, please\"",
                        3 => "leave at door",
                        _ => string.Empty,
                    };
                    csv.Append(CultureInfo.InvariantCulture, $"{orderId++},{random.Next(1, 31)},{year}-{month}-{day:00},{amount:0.00},{Statuses[random.Next(Statuses.Length)]},{note}\n");
                }

                var partition = Path.Combine(folder, "orders", $"year={year}", $"month={month}");
                written.Add(await WriteFileAsync(Path.Combine(partition, "part-0000.csv"), Encoding.UTF8.GetBytes(csv.ToString()), cancellationToken));
                written.Add(await WriteFileAsync(Path.Combine(partition, "_SUCCESS"), [], cancellationToken));
            }
        }

        var json = new StringBuilder();
        for (var id = 1; id <= 30; id++)
        {
            var tags = string.Join(",", Enumerable.Range(0, id % 3).Select(t => $"\"tag{t}\""));
            json.Append(CultureInfo.InvariantCulture, $"{{\"customer_id\":{id},\"name\":\"Customer {id}\",\"tier\":\"{Tiers[id % Tiers.Length]}\",\"signup_date\":\"2023-{(id % 12) + 1:00}-15\",\"address\":{{\"city\":\"{Cities[id % Cities.Length]}\",\"zip\":\"{10000 + id}\"}},\"tags\":[{tags}]}}\n");
        }

        written.Add(await WriteFileAsync(Path.Combine(folder, "customers", "customers.jsonl.gz"), Gzip(json.ToString()), cancellationToken));
        written.Add(await WriteProductsAsync(Path.Combine(folder, "products", "products.parquet"), cancellationToken));
        return written;
    }

    private static async Task<string> WriteProductsAsync(string path, CancellationToken cancellationToken)
    {
        var id = new DataField<int>("product_id");
        var name = new DataField<string>("name");
        var price = new DecimalDataField("price", 10, 2);
        var inStock = new DataField<bool>("in_stock");
        var launched = new DataField<DateOnly>("launched");
        var schema = new ParquetSchema(id, name, price, inStock, launched);
        using var buffer = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(schema, buffer, cancellationToken: cancellationToken))
        {
            using var group = writer.CreateRowGroup();
            var count = Products.Length;
            await group.WriteAsync<int>(id, Enumerable.Range(1, count).ToArray().AsMemory(), null, null, cancellationToken);
            await group.WriteAsync(name, Products, null);
            await group.WriteAsync<decimal>(price, Enumerable.Range(0, count).Select(i => 4.99m + (i * 7.5m)).ToArray().AsMemory(), null, null, cancellationToken);
            await group.WriteAsync<bool>(inStock, Enumerable.Range(0, count).Select(i => i % 3 != 0).ToArray().AsMemory(), null, null, cancellationToken);
            await group.WriteAsync<DateOnly>(launched, Enumerable.Range(0, count).Select(i => new DateOnly(2020 + (i % 4), (i % 12) + 1, 1)).ToArray().AsMemory(), null, null, cancellationToken);
        }

        return await WriteFileAsync(path, buffer.ToArray(), cancellationToken);
    }

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }

    /// <summary>Writes to a temporary file, then renames it into place, so a reader never sees half a file.</summary>
    private static async Task<string> WriteFileAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        await File.WriteAllBytesAsync(temporary, content, cancellationToken);
        File.Move(temporary, path, overwrite: true);
        return path;
    }
}
