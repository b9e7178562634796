using System.Text.Json;

namespace DevEndpoint.Cli.Tests;

/// <summary><c>devendpoint write</c>: a catalog table loaded as <c>load</c> loads it, written as <c>#!write</c> writes a frame.</summary>
public sealed class WriteCommandTests(CrawledCatalog lake) : IClassFixture<CrawledCatalog>
{
    [Fact]
    public async Task Write_copies_a_catalog_table_into_a_delta_table_that_it_catalogs_and_that_loads_back_the_same_rows()
    {
        var target = Path.Combine(Path.GetDirectoryName(lake.CatalogPath)!, "orders_delta");

        var result = await lake.RunAsync("write", "sales.orders", "--to", target, "--format", "delta", "--partition-by", "year", "--catalog-table", "sales.orders_delta");

        Assert.Equal((0, string.Empty), (result.ExitCode, result.Error));
        var lines = result.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Matches(
            $"^Wrote sales\\.orders \\([0-9]+ rows\\) to {System.Text.RegularExpressions.Regex.Escape(target)} as delta \\(snappy compression, mode error-if-exists\\): 2 files, [0-9]+ bytes in 2 partitions\\. Committed version 0 of the Delta table\\.$",
            lines[0]);
        Assert.Equal("Catalog table sales.orders_delta: created, 0 partitions added.", lines[1]);
        Assert.Matches("^  year=2023/part-00000-[0-9a-f-]+-c000\\.snappy\\.parquet$", lines[2]);
        Assert.Equal(await SummaryAsync("sales.orders"), await SummaryAsync("sales.orders_delta"));
    }

    [Fact]
    public async Task Write_json_prints_one_write_object_with_what_was_written()
    {
        var target = Path.Combine(Path.GetDirectoryName(lake.CatalogPath)!, "orders_2024");

        var result = await lake.RunAsync("write", "sales.orders", "--to", target, "--where", "year = '2024'", "--columns", "order_id,amount", "--format", "json", "--json");

        Assert.Equal((0, string.Empty), (result.ExitCode, result.Error));
        var write = JsonDocument.Parse(result.Output).RootElement.GetProperty("Write");
        Assert.Equal(
            ["Table", "Path", "Format", "Compression", "Mode", "Rows", "Bytes", "Files", "Partitions", "Removed", "PartitionsAdded", "PartitionsReplaced", "PartitionsRemoved", "Warnings"],
            write.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("sales.orders", target, "json", "none", "error-if-exists"), (write.GetProperty("Table").GetString(), write.GetProperty("Path").GetString(), write.GetProperty("Format").GetString(), write.GetProperty("Compression").GetString(), write.GetProperty("Mode").GetString()));
        var written = Directory.GetFiles(target, "*.json").SelectMany(File.ReadLines).ToList();
        Assert.Equal(written.Count, write.GetProperty("Rows").GetInt32());
        Assert.All(written, line => Assert.Equal(["order_id", "amount"], JsonDocument.Parse(line).RootElement.EnumerateObject().Select(p => p.Name)));
        using var summary = JsonDocument.Parse((await lake.RunAsync("load", "sales.orders", "--where", "year = '2024'", "--summary")).Output);
        Assert.Equal(summary.RootElement.GetProperty("rows").GetInt32(), written.Count);
    }

    [Fact]
    public async Task An_unknown_format_exits_1_before_anything_is_read_or_written()
    {
        var target = Path.Combine(Path.GetDirectoryName(lake.CatalogPath)!, "never");

        var result = await lake.RunAsync("write", "sales.orders", "--to", target, "--format", "avro");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: Unknown format 'avro'. Use parquet, csv, json (JSON lines) or delta (a Delta Lake table)." + Environment.NewLine, result.Error);
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public async Task Writing_into_a_folder_that_holds_files_without_a_mode_exits_1_and_keeps_them()
    {
        var target = Path.Combine(Path.GetDirectoryName(lake.CatalogPath)!, "occupied");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "keep.csv"), "a\n1\n");

        var result = await lake.RunAsync("write", "sales.orders", "--to", target);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            $"error: Cannot write to '{target}': the folder already holds files. Use mode append to add to them, overwrite to replace the partitions written (keeping the others), or overwrite-table to replace them all." + Environment.NewLine,
            result.Error);
        Assert.Equal(["keep.csv"], Directory.GetFiles(target).Select(Path.GetFileName));
    }

    /// <summary>The rows and, per column, nulls and sums (or UTF-8 bytes) <c>load --summary</c> prints, without its timings.</summary>
    private async Task<string> SummaryAsync(string table)
    {
        var result = await lake.RunAsync("load", table, "--summary");
        Assert.Equal(0, result.ExitCode);
        using var summary = JsonDocument.Parse(result.Output);
        var columns = summary.RootElement.GetProperty("columns").EnumerateArray()
            .Select(c => string.Join(' ', c.EnumerateObject().Where(p => p.Name != "type").Select(p => $"{p.Name}={p.Value}")));
        return $"{summary.RootElement.GetProperty("rows")} rows: {string.Join("; ", columns.Order(StringComparer.Ordinal))}";
    }
}
